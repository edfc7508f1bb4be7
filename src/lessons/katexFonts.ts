/**
 * Which of KaTeX's fonts some typeset HTML uses, read off KaTeX's class names (katex.min.css
 * gives each its family): the lesson page fetches them before it draws a step, so that a
 * formula is not laid out in a fallback and again when its font comes (KaTeX's fonts are
 * `font-display: block`) — the big brackets and sums of a display formula moved the text below
 * them (a layout shift of 0.07 on als-closed-form step 2).
 */
const BY_CLASS: [RegExp, string][] = [
  [/\bmathnormal\b/, 'italic 1em KaTeX_Math'],
  [/\bboldsymbol\b/, 'italic bold 1em KaTeX_Math'],
  [/\bmathit\b|\btextit\b/, 'italic 1em KaTeX_Main'],
  [/\bmathbf\b|\btextbf\b/, 'bold 1em KaTeX_Main'],
  [/\bmathcal\b/, '1em KaTeX_Caligraphic'],
  [/\bamsrm\b|\bmathbb\b|\btextbb\b/, '1em KaTeX_AMS'],
  [/\bmathfrak\b|\btextfrak\b/, '1em KaTeX_Fraktur'],
  [/\bmathscr\b|\btextscr\b/, '1em KaTeX_Script'],
  [/\bmathsf\b|\btextsf\b/, '1em KaTeX_SansSerif'],
  [/\bmathtt\b|\btexttt\b/, '1em KaTeX_Typewriter'],
  [/\bsize1\b|\bsmall-op\b|\bdelim-size1\b/, '1em KaTeX_Size1'],
  [/\bsize2\b|\blarge-op\b/, '1em KaTeX_Size2'],
  [/\bsize3\b/, '1em KaTeX_Size3'],
  [/\bsize4\b|\bdelim-size4\b/, '1em KaTeX_Size4'],
];

/** The fonts (as `document.fonts.load` takes them) that HTML typeset by KaTeX needs; KaTeX_Main always when there is a formula. */
export function katexFontsIn(html: string): string[] {
  if (!html.includes('class="katex')) return [];
  const fonts = new Set(['1em KaTeX_Main']);
  for (const [test, font] of BY_CLASS) if (test.test(html)) fonts.add(font);
  return [...fonts];
}
