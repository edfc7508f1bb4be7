/**
 * How a presenter slide fits the screen, measured in the page: whether the slide or the page
 * scrolls, whether anything is cut at the side (a scroll box inside, a formula wider than its
 * column), and the smallest text on it. Screen-reader-only boxes (the visually-hidden class,
 * KaTeX's MathML copies) are not text on the screen; a formula counts at its base size (its
 * sub- and superscripts are smaller by design).
 */
import type { Page } from 'playwright-core';

export interface SlideFit {
  /** Pixels the slide's content is taller / wider than the slide. */
  overflowY: number;
  overflowX: number;
  /** Pixels the page scrolls beyond the window. */
  pageY: number;
  pageX: number;
  /** Scroll boxes inside the slide whose content is cut, and boxes whose content is wider than they are. */
  clipped: string[];
  /** The smallest text on the slide (px) and where it is. */
  smallest: number;
  smallestAt: string;
}

export async function measureSlide(page: Page): Promise<SlideFit> {
  return page.evaluate(() => {
    const slide = document.querySelector<HTMLElement>('.presenter-slide')!;
    const doc = document.scrollingElement!;
    const srOnly = (el: Element): boolean => {
      for (let a: Element | null = el; a && a !== slide; a = a.parentElement) {
        if (a.classList.contains('katex-mathml') || a.classList.contains('visually-hidden')) return true;
        const s = getComputedStyle(a);
        if (s.display === 'none' || s.visibility === 'hidden') return true;
        if (s.position === 'absolute' && (s.clip !== 'auto' || s.clipPath !== 'none')) return true;
      }
      return false;
    };
    const clipped: string[] = [];
    for (const el of slide.querySelectorAll<HTMLElement>('*')) {
      const s = getComputedStyle(el);
      if (!['auto', 'scroll', 'hidden'].includes(s.overflowX) || el.clientWidth <= 2) continue;
      const cut = el.scrollWidth - el.clientWidth;
      if (cut > 2 && !srOnly(el)) clipped.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${cut} px)`);
    }
    // A column, a lab, an exercise or a widget whose content is wider than itself overlaps its neighbour.
    for (const el of slide.querySelectorAll<HTMLElement>(
      '.lesson-step, .step-text, .step-widgets, .lesson-lab, .exercise, .widget, .lesson-prose',
    )) {
      // A few pixels are a glyph's overhang or a border rounded, not content out of view.
      const wide = el.scrollWidth - el.clientWidth;
      if (wide > 4) clipped.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} is ${wide} px wider than its box`);
    }
    let smallest = Infinity;
    let smallestAt = '';
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!/[\p{L}\p{N}]/u.test(node.textContent ?? '')) continue;
      let el = node.parentElement!;
      if (srOnly(el)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width < 2 || rect.height < 2) continue;
      el = (el.closest('.katex') as HTMLElement | null) ?? el;
      let size = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM();
        if (m) size *= Math.hypot(m.a, m.b);
      }
      if (size < smallest) {
        smallest = size;
        smallestAt = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${(node.textContent ?? '').trim().slice(0, 24)}”`;
      }
    }
    return {
      overflowY: slide.scrollHeight - slide.clientHeight,
      overflowX: slide.scrollWidth - slide.clientWidth,
      pageY: doc.scrollHeight - innerHeight,
      pageX: doc.scrollWidth - innerWidth,
      clipped,
      smallest,
      smallestAt,
    };
  });
}
