// @vitest-environment jsdom
/**
 * Saving a figure for slides: the SVG is self-contained (the fills and strokes the app sets by CSS
 * class are written on the elements, the size, a viewBox, the title and the caption are there, a
 * white background), a canvas-painted heatmap goes in as an image, the PNG is 1920 px wide whatever
 * the figure's size, and the file names say what and which step.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectFigure, type Box, type FigureEnv } from '../../../src/views/common/figureDom';
import {
  composeFigure,
  figureCaption,
  figureFileName,
  inlineStyle,
  isTransparent,
  PNG_MAX_SIDE,
  PNG_WIDTH,
  pngSize,
  rasterPlacements,
  withFallbacks,
  type StyleLike,
} from '../../../src/views/common/figureExport';

const style = (props: Record<string, string>): StyleLike => ({ getPropertyValue: (p) => props[p] ?? '' });

/**
 * A stand-in for the browser's layout: styles by CSS class (as the app's stylesheet gives them)
 * and boxes from data-box="left top width height" attributes.
 */
function fakeEnv(byClass: Record<string, Record<string, string>>, base: Record<string, string> = {}): FigureEnv {
  const boxOf = (el: Element | null): Box => {
    const b = el?.getAttribute('data-box')?.split(' ').map(Number);
    return b ? { left: b[0]!, top: b[1]!, width: b[2]!, height: b[3]! } : { left: 0, top: 0, width: 0, height: 0 };
  };
  return {
    style: (el) => {
      const own = Array.from(el.classList).reduce<Record<string, string>>((a, c) => ({ ...a, ...byClass[c] }), {});
      const parent = el.parentElement;
      // Inherited properties come down from the parent, as in CSS.
      const inherited = parent && parent.tagName !== 'BODY' ? (fakeEnvCache.get(parent) ?? {}) : base;
      const all: Record<string, string> = { display: 'block', ...inherited, ...own };
      delete all['background-color'];
      if (own['background-color']) all['background-color'] = own['background-color'];
      fakeEnvCache.set(el, all);
      return style(all);
    },
    rect: boxOf,
    textLines: (node) => [{ text: node.textContent ?? '', box: boxOf(node.parentElement) }],
  };
}
const fakeEnvCache = new WeakMap<Element, Record<string, string>>();

function lossChartDom(): HTMLElement {
  document.body.innerHTML = `
    <div class="loss-charts" data-box="100 50 400 200">
      <svg class="line-chart" width="400" height="200" data-box="100 50 400 200" role="img" aria-label="Objective">
        <g class="grid"><line class="grid-line" x1="0" x2="400" y1="20" y2="20"/></g>
        <path class="series series-total" d="M0,0L10,10"/>
        <rect class="pick-area" width="300" height="150"/>
        <g class="hidden-group"><circle r="3"/></g>
      </svg>
    </div>
    <ul class="loss-legend" data-box="100 260 200 30"><li class="legend-name" data-box="110 262 80 20">objective</li></ul>`;
  return document.querySelector('.loss-charts')!;
}

const CHART_CSS = {
  'line-chart': {
    fill: 'rgb(20, 33, 61)',
    stroke: 'none',
    'font-family': '"Atkinson Hyperlegible", system-ui, sans-serif',
    'font-size': '16px',
  },
  'grid-line': { stroke: 'rgb(230, 233, 240)' },
  series: { fill: 'none', 'stroke-width': '3px' },
  'series-total': { stroke: 'rgb(0, 114, 178)' },
  'pick-area': { fill: 'rgba(0, 0, 0, 0)' },
  'hidden-group': { display: 'none' },
  'legend-name': { color: 'rgb(20, 33, 61)', 'font-size': '18px', 'font-family': 'Atkinson Hyperlegible' },
};

describe('a chart saved as SVG', () => {
  it('carries the computed fills and strokes, its size, a viewBox, the title, the caption and a white background', () => {
    const charts = lossChartDom();
    const content = collectFigure([charts, document.querySelector('.loss-legend')!], fakeEnv(CHART_CSS));
    const caption = figureCaption({ step: 12, lambda: 0.1, factors: 2 });
    const svg = composeFigure(content, { title: 'The objective after each half-step', caption });

    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect(root.getAttribute('width')).toMatch(/^\d+$/);
    expect(root.getAttribute('height')).toMatch(/^\d+$/);
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${root.getAttribute('width')} ${root.getAttribute('height')}`);
    expect(root.querySelector('title')?.textContent).toBe('The objective after each half-step');
    expect(svg).toContain('step 12 · λ = 0.1 · d = 2');
    expect(root.querySelector(':scope > rect')?.getAttribute('fill')).toBe('#ffffff');

    // The line's colour came from its CSS classes: now it is on the path itself.
    const path = root.querySelector('path')!;
    expect(path.getAttribute('style')).toContain('stroke:rgb(0, 114, 178)');
    expect(path.getAttribute('style')).toContain('stroke-width:3px');
    expect(path.getAttribute('style')).toContain('fill:none');
    expect(path.getAttribute('class')).toBeNull();
    expect(root.querySelector('line')!.getAttribute('style')).toContain('stroke:rgb(230, 233, 240)');
    // The chart's own font, with fallbacks a slide without it can use.
    const chart = root.querySelector('svg')!;
    expect(chart.getAttribute('style')).toContain("font-family:'Atkinson Hyperlegible', Verdana, Arial, Helvetica, sans-serif");
    expect(chart.getAttribute('width')).toBe('400');
    // What is not displayed is not saved.
    expect(root.querySelector('circle')).toBeNull();
    // The legend's HTML text is a line of SVG text, at its place below the chart.
    const legend = Array.from(root.querySelectorAll('text')).find((t) => t.textContent === 'objective')!;
    expect(legend.getAttribute('fill')).toBe('rgb(20, 33, 61)');
    expect(legend.getAttribute('font-size')).toBe('18');
    expect(legend.getAttribute('textLength')).toBe('80');
    expect(Number(legend.getAttribute('x'))).toBe(10);
    expect(Number(legend.getAttribute('y'))).toBeGreaterThan(200);
  });

  it('fails the test above if styles were not inlined (a guard that the check can fail)', () => {
    const charts = lossChartDom();
    const content = collectFigure([charts], fakeEnv({}));
    const svg = composeFigure(content, { title: 't', caption: 'c' });
    expect(svg).not.toContain('rgb(0, 114, 178)');
  });

  it('embeds a canvas-painted heatmap as an image in the SVG and leaves it to the PNG to draw it', () => {
    document.body.innerHTML = `<div class="hm" data-box="0 0 300 200"><canvas width="3" height="2" data-box="10 20 300 180"></canvas></div>`;
    const content = collectFigure([document.querySelector('.hm')!], fakeEnv({}));
    const raster = content.parts.find((p) => p.kind === 'raster')!;
    expect(raster).toMatchObject({ x: 10, y: 20, width: 300, height: 180 });
    const part = { ...raster, href: () => 'data:image/png;base64,AAAA' };
    const svg = composeFigure({ ...content, parts: [part] }, { title: 'UVᵀ', caption: 'step 2' });
    expect(svg).toMatch(
      /<image x="10" y="20" width="300" height="180"[^>]*image-rendering:pixelated[^>]*href="data:image\/png;base64,AAAA"/,
    );
    const forPng = composeFigure(
      { ...content, parts: [part] },
      { title: 'UVᵀ', caption: 'step 2', rasters: 'omit', background: false },
    );
    expect(forPng).not.toContain('<image');
    expect(forPng).not.toContain('fill="#ffffff"');
    // In the PNG it is drawn at its place under the title, scaled like everything else.
    const [at] = rasterPlacements({ ...content, parts: [part] }, 2);
    expect(at!.width).toBe(600);
    expect(at!.x).toBe((24 + 10) * 2);
  });

  it('writes HTML backgrounds and borders (the rating grid’s cells) as rectangles and lines', () => {
    document.body.innerHTML = `<div class="grid" data-box="0 0 100 50"><span class="cell" data-box="0 0 50 50">?</span></div>`;
    const env = fakeEnv({
      cell: {
        'background-color': 'rgb(243, 244, 246)',
        'border-right-width': '1px',
        'border-right-style': 'solid',
        'border-right-color': 'rgb(200, 200, 200)',
        color: 'rgb(80, 80, 80)',
        'font-size': '20px',
      },
    });
    const svg = composeFigure(collectFigure([document.querySelector('.grid')!], env), { title: 'R', caption: 'c' });
    expect(svg).toContain('<rect x="0" y="0" width="50" height="50" fill="rgb(243, 244, 246)"/>');
    expect(svg).toMatch(/<line x1="49.5" y1="0" x2="49.5" y2="50" stroke="rgb\(200, 200, 200\)" stroke-width="1"\/>/);
    expect(svg).toMatch(/<text [^>]*fill="rgb\(80, 80, 80\)"[^>]*>\?<\/text>/);
  });

  it('draws a gradient background (the hatched baseline bars) in its first colour rather than not at all', () => {
    document.body.innerHTML = `<div class="bars" data-box="0 0 100 20"><span class="bar" data-box="0 0 60 20"></span></div>`;
    const env = fakeEnv({
      bar: {
        'background-image':
          'repeating-linear-gradient(45deg, rgb(85, 96, 112) 0px, rgb(85, 96, 112) 3px, rgb(120, 130, 145) 3px)',
      },
    });
    const svg = composeFigure(collectFigure([document.querySelector('.bars')!], env), { title: 'bars', caption: 'c' });
    expect(svg).toContain('<rect x="0" y="0" width="60" height="20" fill="rgb(85, 96, 112)"/>');
  });

  it('escapes titles and captions', () => {
    const svg = composeFigure({ width: 10, height: 10, parts: [] }, { title: 'R < 5 & "x"', caption: 'a > b' });
    expect(svg).toContain('<title>R &lt; 5 &amp; &quot;x&quot;</title>');
    expect(new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('parsererror')).toBeNull();
  });
});

describe('inline styles', () => {
  it('write what differs from the parent, and everything on the outermost element', () => {
    const parent = style({ fill: 'rgb(0, 0, 0)', 'font-size': '16px' });
    expect(inlineStyle(style({ fill: 'rgb(0, 0, 0)', 'font-size': '12px' }), parent)).toBe('font-size:12px');
    expect(inlineStyle(style({ fill: 'rgb(0, 0, 0)', 'font-size': '12px' }), null)).toBe('fill:rgb(0, 0, 0);font-size:12px');
    expect(inlineStyle(style({ opacity: '0.5' }), parent)).toBe('opacity:0.5');
  });
  it('give every font a fallback of its kind', () => {
    expect(withFallbacks('"Atkinson Hyperlegible Mono", monospace')).toBe(
      "'Atkinson Hyperlegible Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace",
    );
    expect(withFallbacks('KaTeX_Math')).toBe("KaTeX_Math, 'Times New Roman', Times, serif");
    expect(withFallbacks('system-ui, sans-serif')).toContain("'Atkinson Hyperlegible'");
  });
  it('know a transparent colour', () => {
    expect(isTransparent('rgba(0, 0, 0, 0)')).toBe(true);
    expect(isTransparent('transparent')).toBe(true);
    expect(isTransparent('rgb(0 0 0 / 0)')).toBe(true);
    expect(isTransparent('rgba(0, 0, 0, 0.5)')).toBe(false);
    expect(isTransparent('rgb(255, 255, 255)')).toBe(false);
  });
});

describe('the PNG size', () => {
  it('is 1920 px wide with the figure’s aspect, whatever its size on screen', () => {
    expect(pngSize(960, 540)).toEqual({ width: 1920, height: 1080, scale: 2 });
    expect(pngSize(2400, 600)).toEqual({ width: 1920, height: 480, scale: 0.8 });
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 5000 }), fc.integer({ min: 20, max: 5000 }), (w, tall) => {
        // Up to 8 times as tall as wide: taller figures meet the canvas limit (next test).
        const h = Math.min(tall, w * 8);
        const s = pngSize(w, h);
        expect(s.width).toBe(PNG_WIDTH);
        expect(Math.abs(s.height / s.width - h / w)).toBeLessThan(1 / s.width + 1 / h);
      }),
    );
  });
  it('stays within what a canvas holds for a very tall figure', () => {
    const s = pngSize(400, 10_000);
    expect(s.height).toBe(PNG_MAX_SIDE);
    expect(s.width).toBeLessThan(PNG_WIDTH);
  });
  it('refuses an empty figure with a reason', () => {
    expect(() => pngSize(0, 100)).toThrow(/nothing to draw/);
  });
});

describe('file names and captions', () => {
  it('name the figure and the step', () => {
    expect(figureFileName('loss', 12, 'svg')).toBe('mf-lab-loss-step12.svg');
    expect(figureFileName('UVt', 3, 'png')).toBe('mf-lab-uvt-step3.png');
    expect(figureFileName('Latent space', null, 'png')).toBe('mf-lab-latent-space.png');
    expect(figureFileName('Vᵀ', 0, 'svg')).toBe('mf-lab-vt-step0.svg');
  });
  it('say the step, λ and d (and α for implicit feedback)', () => {
    expect(figureCaption({ step: 12, lambda: 0.1, factors: 2 })).toBe('step 12 · λ = 0.1 · d = 2');
    expect(figureCaption({ step: null, lambda: 1, factors: 3, alpha: 40 })).toBe(
      'before the first step · λ = 1 · d = 3 · α = 40',
    );
  });
});
