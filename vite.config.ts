import { defineConfig, type Connect, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import compression from 'compression';
import { lessonHtmlPlugin } from './src/cli/lessonHtmlPlugin.ts';

/**
 * The page is drawn before its script runs. Vite's entry tag is a module script, which the
 * browser runs as soon as it has arrived and the HTML is parsed — before the first frame when
 * the script is quick to come, so the header and "Loading MF Lab…" waited for React, d3 and
 * the lab's modules to be evaluated (on a phone, a second or more of a blank white page). Here
 * every module is still fetched at once, with the page (modulepreload, low priority so the
 * stylesheet goes first), and a small inline script starts the entry after the first frame has
 * been drawn: after a requestAnimationFrame callback and one more task, or after 300 ms when
 * no frame comes (a tab opened in the background draws nothing until it is shown).
 * In a browser that has fetched the page's fonts before (src/fonts/webFonts.ts), the loader
 * adds their stylesheet at once, so the first frame is already drawn in them.
 */
/** As in src/fonts/webFonts.ts (the end-to-end test of a second visit checks that they agree). */
const FONTS_SEEN_KEY = 'mf-lab-fonts-seen';
const FONTS_LINK_ATTRIBUTE = 'data-web-fonts';

/** What the inline loader of index.html is told (see mfLabLoader). */
interface LoaderConfig {
  entry: string;
  fonts: string;
  fontsKey: string;
  fontsAttribute: string;
  /** For pages whose code is loaded on demand: what to fetch with the page when the address opens one. */
  routes: { prefix: string; js: string[]; css: string[]; fontsAfterCss: string[] }[];
  /** Each lesson's typeset text (src/lessons/lessonHtml.ts), by slug: fetched with the page that opens the lesson. */
  lessonText: Record<string, string>;
}

/**
 * The inline loader, run as the HTML is parsed (serialized into index.html: plain browser code
 * only). The fonts when cached; a lesson's code, its stylesheets and KaTeX's two main fonts when
 * the address opens a lesson (otherwise they are asked for one after another: the entry, then
 * the lesson's chunk, then KaTeX's stylesheet, then the fonts); the entry after the first frame.
 */
function mfLabLoader(c: LoaderConfig): void {
  const link = (rel: string, href: string) => {
    const l = document.createElement('link');
    l.rel = rel;
    l.href = href;
    l.crossOrigin = '';
    document.head.appendChild(l);
    return l;
  };
  try {
    if (localStorage.getItem(c.fontsKey) === '1') link('stylesheet', c.fonts).setAttribute(c.fontsAttribute, '');
  } catch {
    // No storage (a locked-down browser): the fallback faces, as on a first visit.
  }
  const route = c.routes.find((r) => location.hash.indexOf(r.prefix) === 0);
  if (route) {
    route.js.forEach((href) => link('modulepreload', href));
    const slug = decodeURIComponent(location.hash.split('/')[2] ?? '');
    if (Object.prototype.hasOwnProperty.call(c.lessonText, slug)) link('modulepreload', c.lessonText[slug]!);
    route.css.forEach((href) => {
      const sheet = link('stylesheet', href);
      sheet.onload = () => route.fontsAfterCss.forEach((font) => void document.fonts?.load(font).catch(() => undefined));
    });
  }
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    const script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = c.entry;
    document.head.appendChild(script);
  };
  requestAnimationFrame(() => setTimeout(start, 0));
  setTimeout(start, 300);
}

function startAfterFirstPaint(): Plugin {
  let base = '/';
  return {
    name: 'mf-lab-start-after-first-paint',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle ?? {};
        const fonts = Object.keys(bundle).find((path) => /(^|\/)webFonts-[^/]*\.css$/.test(path));
        if (!fonts) throw new Error('start-after-first-paint: the fonts stylesheet (src/fonts/webFonts.css) is not in the build');
        const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/.exec(html);
        if (!entry) throw new Error('start-after-first-paint: the entry <script type="module"> was not found in index.html');
        const src = entry[1]!;
        const already = new Set([...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]!));
        already.add(src);
        /** A dynamically imported page's chunk, the chunks it imports and their stylesheets (not those the entry has). */
        const closure = (module: string) => {
          const first = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith(module));
          if (!first) throw new Error(`start-after-first-paint: no chunk for ${module}`);
          const js = new Set<string>();
          const css = new Set<string>();
          const visit = (file: string) => {
            const chunk = bundle[file];
            if (!chunk || chunk.type !== 'chunk' || js.has(base + file) || already.has(base + file)) return;
            js.add(base + file);
            chunk.viteMetadata?.importedCss.forEach((sheet) => css.add(base + sheet));
            chunk.imports.forEach(visit);
          };
          visit(first.fileName);
          return { js: [...js], css: [...css] };
        };
        const katexFonts = ['1em KaTeX_Main', 'italic 1em KaTeX_Math'];
        const lessonText: Record<string, string> = {};
        for (const chunk of Object.values(bundle)) {
          const slug = chunk.type === 'chunk' ? /^\0virtual:lesson-html\/(.+)$/.exec(chunk.facadeModuleId ?? '')?.[1] : undefined;
          if (slug) lessonText[slug] = base + chunk.fileName;
        }
        const config: LoaderConfig = {
          entry: src,
          fonts: base + fonts,
          fontsKey: FONTS_SEEN_KEY,
          fontsAttribute: FONTS_LINK_ATTRIBUTE,
          lessonText,
          routes: [
            { prefix: '#/lessons', ...closure('/src/lessons/LessonsPage.tsx'), fontsAfterCss: katexFonts },
            { prefix: '#/present/', ...closure('/src/lessons/Presenter.tsx'), fontsAfterCss: katexFonts },
            { prefix: '#/notes/', ...closure('/src/lessons/NotesWindow.tsx'), fontsAfterCss: katexFonts },
          ],
        };
        const loader = `<script>(${mfLabLoader.toString()})(${JSON.stringify(config)});</script>`;
        return html
          .replace(entry[0], `<link rel="modulepreload" crossorigin href="${src}" fetchpriority="low">\n    `)
          .replace(
            /<link rel="modulepreload" crossorigin href="([^"]+)">/g,
            '<link rel="modulepreload" crossorigin href="$1" fetchpriority="low">',
          )
          .replace('</body>', `  ${loader}\n  </body>`);
      },
    },
  };
}

/**
 * `npm run preview` (and the page benchmarks and end-to-end tests, which serve the build with
 * Vite's preview server) sends text compressed, as every static host does: without it a phone
 * on a slow network would be measured fetching 400 kB of JavaScript where it fetches 130 kB.
 */
function compressPreview(): Plugin {
  return {
    name: 'mf-lab-compress-preview',
    configurePreviewServer(server) {
      // compression's types are Express's; a Node request and response are all it reads.
      server.middlewares.use(compression() as unknown as Connect.NextHandleFunction);
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    lessonHtmlPlugin(),
    startAfterFirstPaint(),
    compressPreview(),
    // Offline after the first visit: a service worker precaches the app shell and every chunk
    // (lessons, presenter, the worker, mathjs, the survey), CSS and fonts. Large data under
    // public/data/ is cached when first used instead. Updates use 'prompt': a new version waits
    // until every MF Lab tab is closed or the person clicks "Update now" — an open lecture never
    // reloads by itself (autoUpdate would reload the page under the instructor's hands).
    VitePWA({
      registerType: 'prompt',
      // Registered by src/offline/serviceWorker.ts (workbox-window), so tests need no plugin.
      injectRegister: false,
      manifest: {
        name: 'MF Lab — matrix factorization for recommenders',
        short_name: 'MF Lab',
        description: 'See and touch matrix factorization and alternating least squares for recommender systems.',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: '#14213d',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // woff2 only: every browser with service workers reads it, so KaTeX's woff/ttf copies are never asked for.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
        globIgnores: ['data/**', 'screenshots/**', '**/*.map'],
        // The main chunk (React, d3, the lessons) is about 0.9 MB; leave room for growth.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/data\//],
        cleanupOutdatedCaches: true,
        // The first visit is controlled at once (a lecture may lose the network before a reload);
        // an update still waits (skipWaiting stays off).
        clientsClaim: true,
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.includes('/data/'),
            handler: 'CacheFirst',
            options: { cacheName: 'mf-lab-data', expiration: { maxEntries: 40 } },
          },
        ],
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
});
