/**
 * A formula typeset by KaTeX (bundled, no CDN, loaded on demand: see katexLoader). Until
 * KaTeX has arrived it shows the formula in plain Unicode. Errors render in red instead of throwing.
 */
import { memo, useMemo } from 'react';
import { useOverflows } from './ScrollRegion';
import { loadedKatex, useKatex } from './katexLoader';
import { texFallback } from './texFallback';
import { katexOptions } from './katexOptions';

type Katex = NonNullable<ReturnType<typeof loadedKatex>>;

/** Text as HTML that shows it as it is. */
export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface TexProps {
  math: string;
  block?: boolean;
  className?: string;
  /** Accessible text for screen readers (KaTeX's MathML is also present). */
  label?: string;
}

/** The formula as HTML: KaTeX's when it is loaded (or given), else a plain-Unicode placeholder. */
export function texToHtml(math: string, block = false, katex: Katex | null = loadedKatex()): string {
  // KaTeX throws on anything but a string even with throwOnError off: a missing formula shows as nothing.
  if (typeof math !== 'string') return '';
  if (!katex) return `<span class="tex-pending">${escapeHtml(texFallback(math))}</span>`;
  return katex.renderToString(math, katexOptions(block));
}

function TexImpl({ math, block = false, className, label }: TexProps) {
  const katex = useKatex();
  const html = useMemo(() => texToHtml(math, block, katex), [math, block, katex]);
  if (block) return <BlockTex html={html} className={className} label={label} />;
  return <span className={`tex ${className ?? ''}`} aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * A display formula scrolls sideways inside itself when it is wider than its column (a phone);
 * it then takes the focus, so that the keyboard can scroll it too.
 */
function BlockTex({ html, className, label }: { html: string; className?: string; label?: string }) {
  const [ref, overflows] = useOverflows<HTMLDivElement>(html);
  return (
    <div
      ref={ref}
      className={`tex tex-block ${className ?? ''}`}
      aria-label={overflows ? (label ?? 'formula (scrolls sideways)') : label}
      {...(overflows ? { tabIndex: 0, role: 'group' } : {})}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

export const Tex = memo(TexImpl);

/** A number for a formula: fixed digits, real minus sign handled by KaTeX. */
export function texNumber(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return '\\text{—}';
  const r = Number(v.toFixed(digits));
  return String(Object.is(r, -0) ? 0 : r);
}

/** A matrix of numbers as a KaTeX pmatrix (rows × cols). */
export function texMatrix(rows: readonly (readonly number[])[], digits = 2): string {
  return `\\begin{pmatrix}${rows.map((r) => r.map((v) => texNumber(v, digits)).join(' & ')).join(' \\\\ ')}\\end{pmatrix}`;
}

/** A number in scientific notation for TeX: 1.97 \times 10^{-10}. */
export function texScientific(v: number, digits = 2): string {
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return '\\text{—}';
  const [mantissa, exponent] = v.toExponential(digits).split('e');
  const e = Number(exponent);
  return e === 0 ? mantissa! : `${mantissa} \\times 10^{${e}}`;
}
