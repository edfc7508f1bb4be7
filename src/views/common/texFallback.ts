/**
 * A formula in plain Unicode, for the moment before KaTeX has loaded: "\lambda" → "λ",
 * "\sigma_0" → "σ₀", "UV^\top" → "UVᵀ", "\hat r_{ij}" → "r̂ᵢⱼ". Not typesetting — a readable
 * placeholder of about the right width. Pure.
 */
const SYMBOLS: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  eta: 'η',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  omega: 'ω',
  Omega: 'Ω',
  Sigma: 'Σ',
  Delta: 'Δ',
  top: 'ᵀ',
  approx: '≈',
  times: '×',
  cdot: '·',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  ne: '≠',
  neq: '≠',
  in: '∈',
  sum: 'Σ',
  infty: '∞',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  pm: '±',
  ldots: '…',
  dots: '…',
  cdots: '⋯',
  quad: ' ',
  qquad: '  ',
  ',': ' ',
  ';': ' ',
  '!': '',
  mid: '|',
  lVert: '‖',
  rVert: '‖',
  Vert: '‖',
  partial: '∂',
  nabla: '∇',
  min: 'min',
  max: 'max',
  argmin: 'argmin',
  mathbb: '',
  mathbf: '',
  mathrm: '',
  text: '',
  operatorname: '',
  left: '',
  right: '',
  big: '',
  Big: '',
};
const CALLIGRAPHIC: Record<string, string> = { L: '𝓛', U: '𝓤', I: '𝓘', O: '𝓞' };
const SUB: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
  u: 'ᵤ',
  '+': '₊',
  '-': '₋',
  ',': ',',
  '(': '₍',
  ')': '₎',
};
const SUP: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  T: 'ᵀ',
  ᵀ: 'ᵀ',
  i: 'ⁱ',
  j: 'ʲ',
  '-': '⁻',
  '+': '⁺',
  '*': '*',
};

/** `text` with a superscript or subscript alphabet where every character has one, else `_x`/`^x`. */
function script(text: string, table: Record<string, string>, mark: string): string {
  const chars = [...text];
  return chars.every((c) => c in table) ? chars.map((c) => table[c]).join('') : mark + text;
}

/** The argument after position `at`: a {group} or one character; returns it and where it ends. */
function argument(tex: string, at: number): [string, number] {
  if (tex[at] === '{') {
    let depth = 1;
    let k = at + 1;
    for (; k < tex.length && depth > 0; k++) {
      if (tex[k] === '{') depth++;
      else if (tex[k] === '}') depth--;
    }
    return [tex.slice(at + 1, k - 1), k];
  }
  if (tex[at] === '\\') {
    const m = /^\\([a-zA-Z]+|.)/.exec(tex.slice(at));
    return [m ? m[0] : '\\', at + (m ? m[0].length : 1)];
  }
  return [tex[at] ?? '', at + 1];
}

export function texFallback(tex: string): string {
  if (typeof tex !== 'string') return '';
  let out = '';
  for (let k = 0; k < tex.length;) {
    const c = tex[k]!;
    if (c === '\\') {
      const m = /^\\([a-zA-Z]+|.)/.exec(tex.slice(k));
      if (!m) {
        // A lone backslash at the end.
        out += c;
        k++;
        continue;
      }
      const name = m[1]!;
      k += m[0].length;
      if (name === 'mathcal') {
        const [arg, end] = argument(tex, k);
        out += CALLIGRAPHIC[arg] ?? texFallback(arg);
        k = end;
      } else if (name === 'hat' || name === 'bar' || name === 'tilde') {
        const [arg, end] = argument(tex, k);
        out += texFallback(arg) + (name === 'hat' ? '\u0302' : name === 'bar' ? '\u0304' : '\u0303');
        k = end;
      } else if (name === 'frac') {
        const [a, e1] = argument(tex, k);
        const [b, e2] = argument(tex, e1);
        out += `${texFallback(a)}/${texFallback(b)}`;
        k = e2;
      } else if (name === 'sqrt') {
        const [a, end] = argument(tex, k);
        out += `√${texFallback(a)}`;
        k = end;
      } else if (name === 'begin' || name === 'end') {
        k = argument(tex, k)[1];
      } else out += SYMBOLS[name] ?? name;
    } else if (c === '_' || c === '^') {
      const [arg, end] = argument(tex, k + 1);
      const flat = texFallback(arg);
      out += c === '_' ? script(flat, SUB, '_') : script(flat, SUP, '^');
      k = end;
    } else {
      // Braces only group; & separates matrix columns.
      if (c === '&') out += ' ';
      else if (c !== '{' && c !== '}') out += c;
      k++;
    }
  }
  return out.replace(/\s+/g, ' ');
}
