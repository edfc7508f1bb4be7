/**
 * The biases variant in a link: μ, b and c travel with U and V (B=…, the same exact bytes), a
 * damaged B is dropped on its own (the run is then replayed), and a link without B reads as before.
 */
import { describe, expect, it } from 'vitest';
import { decodeLab, decodeLabLenient, encodeLab, type SharedLab } from '../../../src/state/urlCodec';

const lab = (): SharedLab => ({
  source: { kind: 'preset', preset: 'lecture-r' },
  settings: { factors: 1, lambda: 10, variant: 'biases' },
  run: {
    actions: [
      { kind: 'als', side: 'users' },
      { kind: 'als', side: 'items' },
    ],
    U: Float64Array.from([0.1, -0.2, 0.3, 1 / 3]),
    V: Float64Array.from([1, 2, 3, 4, 5, 6]),
    biases: {
      mu: 2.5384615384615383,
      user: Float64Array.from([-0.5, 0.25, 1e-17, 0]),
      item: Float64Array.from([1, 2, 3, 4, 5, -6]),
    },
  },
});

describe('the biases in a link', () => {
  it('round-trip exactly with U and V', () => {
    const text = encodeLab(lab());
    expect(text).toContain('variant=biases');
    expect(text).toMatch(/&B=[A-Za-z0-9_-]+/);
    const decoded = decodeLab(text);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.lab).toEqual(lab());
  });

  it('a B of the wrong length is dropped with its reason; U, V and the run stay', () => {
    const text = encodeLab(lab()).replace(/&B=[A-Za-z0-9_-]+/, '&B=AAAAAAAAAAA');
    expect(decodeLab(text)).toMatchObject({ ok: false, error: expect.stringMatching(/its biases/) });
    const lenient = decodeLabLenient(text);
    if (!lenient.ok) throw new Error(lenient.error);
    expect(lenient.dropped.map((d) => d.part)).toEqual(['its biases']);
    expect(lenient.lab.run.U).toEqual(lab().run.U);
    expect(lenient.lab.run.biases).toBeUndefined();
  });

  it('links without biases are unchanged', () => {
    const { biases: _, ...run } = lab().run;
    const plain: SharedLab = { ...lab(), settings: { factors: 1, lambda: 0.1 }, run };
    const text = encodeLab(plain);
    expect(text).not.toContain('B=');
    expect(text).not.toContain('variant=');
    const decoded = decodeLab(text);
    expect(decoded.ok && decoded.lab).toEqual(plain);
  });
});
