/**
 * A spoken form of a lesson's TeX, for accessible names: an exercise option whose visible text
 * is only a formula must still be announced ("V sub Omega i transpose …"), and screen readers
 * do not compute names from KaTeX's MathML. Covers the notation the lessons use; anything else
 * falls back to its letters. Pure.
 */
const SYMBOLS: Record<string, string> = {
  alpha: 'alpha',
  beta: 'beta',
  gamma: 'gamma',
  delta: 'delta',
  eta: 'eta',
  lambda: 'lambda',
  mu: 'mu',
  sigma: 'sigma',
  omega: 'omega',
  Omega: 'Omega',
  Sigma: 'Sigma',
  top: 'transpose',
  cdot: 'times',
  times: 'times',
  le: 'at most',
  leq: 'at most',
  ge: 'at least',
  geq: 'at least',
  neq: 'not equal to',
  approx: 'approximately',
  in: 'in',
  sum: 'sum of',
  infty: 'infinity',
  to: 'to',
  ldots: 'and so on',
  dots: 'and so on',
  hat: 'hat',
  mathcal: '',
  mathbb: '',
  mathbf: '',
  mathrm: '',
  text: '',
  operatorname: '',
};

const SPACING = /\\[,;:!]|\\quad|\\qquad|\\ |~|\\left|\\right|\\big|\\Big|\\bigg|\\Bigg/g;

/** Reads one braced group starting at `at` (which is "{"), returning its content and the index after it. */
function group(tex: string, at: number): { body: string; end: number } {
  let depth = 0;
  for (let k = at; k < tex.length; k++) {
    if (tex[k] === '{') depth++;
    else if (tex[k] === '}' && --depth === 0) return { body: tex.slice(at + 1, k), end: k + 1 };
  }
  return { body: tex.slice(at + 1), end: tex.length };
}

/** The argument after a command or ^ / _: a braced group, a command, or one character. */
function argument(tex: string, at: number): { body: string; end: number } {
  let k = at;
  while (tex[k] === ' ') k++;
  if (tex[k] === '{') return group(tex, k);
  if (tex[k] === '\\') {
    const m = /^\\[A-Za-z]+/.exec(tex.slice(k));
    if (m) return { body: m[0], end: k + m[0].length };
  }
  return { body: tex[k] ?? '', end: k + 1 };
}

function speakScript(body: string, superscript: boolean): string {
  const spoken = speak(body);
  if (!superscript) return ` sub ${spoken}`;
  if (body === '\\top' || body === 'T' || body === '\\intercal') return ' transpose';
  if (body === '-1') return ' inverse';
  if (body === '2') return ' squared';
  return ` to the power ${spoken}`;
}

/** Speaks a TeX formula in words. */
export function speak(tex: string): string {
  const src = tex.replace(SPACING, ' ');
  let out = '';
  let k = 0;
  while (k < src.length) {
    const c = src[k]!;
    if (c === '\\') {
      const m = /^\\([A-Za-z]+|.)/.exec(src.slice(k))!;
      const name = m[1]!;
      k += m[0].length;
      if (name === 'frac' || name === 'tfrac' || name === 'dfrac') {
        const a = argument(src, k);
        const b = argument(src, a.end);
        out += ` ${speak(a.body)} over ${speak(b.body)} `;
        k = b.end;
      } else if (name === 'hat' || name === 'sqrt') {
        const a = argument(src, k);
        out += name === 'hat' ? ` ${speak(a.body)} hat ` : ` square root of ${speak(a.body)} `;
        k = a.end;
      } else if (name === '|') out += ' norm ';
      else if (name in SYMBOLS) out += ` ${SYMBOLS[name]} `;
      else out += ` ${name} `;
    } else if (c === '^' || c === '_') {
      const a = argument(src, k + 1);
      out += speakScript(a.body, c === '^');
      k = a.end;
    } else if (c === '{' || c === '}') k++;
    else {
      out += { '=': ' equals ', '+': ' plus ', '-': ' minus ', '<': ' less than ', '>': ' greater than ', '(': ' (', ')': ') ' }[c] ?? c;
      k++;
    }
  }
  return out.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();
}

/** A Markdown line with $…$ formulas, in words (the formulas spoken, the Markdown marks dropped). */
export function spokenText(markdown: string): string {
  return markdown
    .replace(/\$\$([\s\S]+?)\$\$|\$([^$]+)\$/g, (_, display: string | undefined, inline: string | undefined) => ` ${speak(display ?? inline ?? '')} `)
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
