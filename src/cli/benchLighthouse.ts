/**
 * npm run bench:lighthouse — Lighthouse's mobile performance score for the lab and a lesson step,
 * as the issue's target reads it (≥ 90): Lighthouse 12's default mobile run (a Moto G Power-sized
 * screen, a 4× slower CPU and a slow 4G network, simulated), in Debian's headless Chromium,
 * against the built app served compressed as a static host serves it (`npm run preview`).
 * Each page is measured `--runs` times (default 5; the machine is shared and single runs vary
 * by ±0.03); the median score and each run's figures are printed.
 *   npm run bench:lighthouse -- --runs 3 '#/lessons/als-loop/2'
 * `npm run bench:lighthouse` builds first.
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { CHROMIUM } from './chromium';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 5) : 5;
const routes = args.filter((a, i) => a.startsWith('#') && i !== runsAt + 1);
const pages = routes.length ? routes : ['#/lab', '#/lessons/toy-example/1'];

// The server in a process of its own, as a host is another machine: in this process it would
// share Node's event loop with Lighthouse's processing of the trace while the page loads.
const PORT = 4173 + Math.floor(Math.random() * 500);
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = `http://127.0.0.1:${PORT}/`;
for (;;) {
  const [chunk] = (await once(server.stdout!, 'data')) as [Buffer];
  if (chunk.toString().includes(String(PORT))) break;
}

interface Run {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
  lcpElement: string;
}

async function measure(url: string): Promise<Run> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: ['performance'],
      logLevel: 'error',
      output: 'json',
    });
    const lhr = result!.lhr;
    const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const element = lhr.audits['largest-contentful-paint-element']?.details as
      { items?: { items?: { node?: { selector?: string } }[] }[] } | undefined;
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      fcp: value('first-contentful-paint'),
      lcp: value('largest-contentful-paint'),
      tbt: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
      si: value('speed-index'),
      lcpElement: element?.items?.[0]?.items?.[0]?.node?.selector ?? '—',
    };
  } finally {
    await chrome.kill();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

console.log(`Lighthouse mobile performance, ${runs} runs a page (target: median ≥ 90)`);
for (const route of pages) {
  const seen: Run[] = [];
  for (let k = 0; k < runs; k++) seen.push(await measure(`${base}${route}`));
  console.log(`\n${route}`);
  for (const r of seen)
    console.log(
      `  score ${String(r.score).padStart(3)}  FCP ${r.fcp.toFixed(0).padStart(5)} ms  LCP ${r.lcp.toFixed(0).padStart(5)} ms  ` +
        `TBT ${r.tbt.toFixed(0).padStart(4)} ms  CLS ${r.cls.toFixed(3)}  SI ${r.si.toFixed(0).padStart(5)} ms`,
    );
  const m = (key: keyof Omit<Run, 'lcpElement'>) => median(seen.map((r) => r[key]));
  console.log(
    `  median: score ${m('score')}, FCP ${m('fcp').toFixed(0)} ms, LCP ${m('lcp').toFixed(0)} ms, TBT ${m('tbt').toFixed(0)} ms, ` +
      `CLS ${m('cls').toFixed(3)}; largest paint: ${seen[0]!.lcpElement}`,
  );
}
server.kill();
