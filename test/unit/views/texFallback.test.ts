/** The plain-Unicode placeholder a formula shows until KaTeX has loaded. */
import { describe, expect, it } from 'vitest';
import { texFallback } from '../../../src/views/common/texFallback';

describe('texFallback', () => {
  it('reads the lab’s first-screen labels as the formulas they stand for', () => {
    expect(texFallback('\\lambda')).toBe('λ');
    expect(texFallback('\\sigma_0')).toBe('σ₀');
    expect(texFallback('\\mathcal{L}')).toBe('𝓛');
    expect(texFallback('R \\approx UV^\\top')).toBe('R ≈ UVᵀ');
    expect(texFallback('\\hat{r}_{ij} = u_i^\\top v_j')).toBe('r̂ᵢⱼ = uᵢᵀ vⱼ');
  });

  it('keeps what it cannot set as a script readable, and never throws on odd input', () => {
    expect(texFallback('x_{\\Omega^i}')).toBe('x_Ωⁱ');
    expect(texFallback('\\frac{a}{b}')).toBe('a/b');
    expect(texFallback('{')).toBe('');
    expect(texFallback('\\')).toBe('\\');
    expect(texFallback(undefined as unknown as string)).toBe('');
  });
});
