// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import {
  explicitProblem,
  factorsFromArrays,
  implicitFromMatrices,
  implicitProblem,
  LECTURE_C,
  LECTURE_ITEM_IDS,
  LECTURE_USER_IDS,
  LECTURE_P,
  LECTURE_R,
  LECTURE_U,
  LECTURE_VT,
  ratingsFromDense,
  traceSolve,
} from '../../../src/core';
import { LabProvider } from '../../../src/state/LabContext';
import { createLabStore } from '../../../src/state/labStore';
import { ExplicitStage, ImplicitStage } from '../../../src/views/SolveExplorer/stages';
import { notation } from '../../../src/views/SolveExplorer/notation';
import { texNumber } from '../../../src/views/common/Tex';
import { LabClient } from '../../../src/worker/client';

afterEach(cleanup);

const V = LECTURE_VT[0]!.map((_, j) => LECTURE_VT.map((row) => row[j]!));
const F = factorsFromArrays(LECTURE_U, V);

/** The KaTeX MathML annotation holds the TeX source: the numbers a student sees. */
function texOf(container: HTMLElement): string {
  return Array.from(container.querySelectorAll('annotation'))
    .map((a) => a.textContent)
    .join('\n');
}

function renderStage(node: React.ReactNode) {
  const store = createLabStore({ client: new LabClient({ postMessage() {}, terminate() {}, onmessage: null, onerror: null }) });
  return render(<LabProvider store={store}>{node}</LabProvider>);
}

describe('each stage shows the numbers of the core trace', () => {
  const trace = traceSolve(explicitProblem(ratingsFromDense(LECTURE_R, LECTURE_USER_IDS, LECTURE_ITEM_IDS)), F, 'users', 2, 0.5);
  if (trace.mode !== 'explicit') throw new Error('expected an explicit trace');
  const N = notation('users');

  it('stage 2: Ω³ and r_Ω (user 3 rated items 1, 2, 3 and 6)', () => {
    const { container } = renderStage(
      <ExplicitStage trace={trace} stage={2} N={N} ids={[]} otherIds={['i1', 'i2', 'i3', 'i4', 'i5', 'i6']} />,
    );
    expect(trace.omegaIds).toEqual(['i1', 'i2', 'i3', 'i6']);
    expect(container.textContent).toContain('i1, i2, i3, i6');
    const tex = texOf(container);
    for (const r of trace.values) expect(tex).toContain(texNumber(r, 2));
  });

  it('stage 3 and 4: the Gram matrix and Gram + λI, entry by entry', () => {
    const gram = texOf(renderStage(<ExplicitStage trace={trace} stage={3} N={N} ids={[]} otherIds={[]} />).container);
    // V_Ωᵀ V_Ω for items 1, 2, 3, 6: 1 + 100 + 121 + 400 = 622 in the top-left corner.
    expect(trace.gram[0]![0]).toBeCloseTo(622, 12);
    for (const row of trace.gram) for (const v of row) expect(gram).toContain(texNumber(v, 3));
    cleanup();
    const system = texOf(renderStage(<ExplicitStage trace={trace} stage={4} N={N} ids={[]} otherIds={[]} />).container);
    expect(system).toContain(texNumber(622.5, 3));
  });

  it('stage 6: the solution û is the trace’s', () => {
    const tex = texOf(renderStage(<ExplicitStage trace={trace} stage={6} N={N} ids={[]} otherIds={[]} />).container);
    for (const v of trace.solution!) expect(tex).toContain(texNumber(v, 4));
  });

  it('implicit stage 4: c0·VᵀV + Vᵀ(Cⁱ − c0 I)V with the lecture’s C (c0 = 0)', () => {
    const t = traceSolve(implicitProblem(implicitFromMatrices(LECTURE_P, LECTURE_C)), F, 'users', 0, 0.1);
    if (t.mode !== 'implicit') throw new Error('expected an implicit trace');
    expect(t.c0).toBe(0);
    const tex = texOf(renderStage(<ImplicitStage trace={t} stage={4} N={N} ids={[]} otherIds={[]} />).container);
    for (const row of t.weightedGram) for (const v of row) expect(tex).toContain(texNumber(v, 3));
    expect(tex).toContain('c_0');
  });
});

describe('the solve explorer survives a change of data under it', () => {
  it('implicit data at its eighth stage, then explicit data with seven: stage 7 shows, no KaTeX error, no throw', async () => {
    const { act, screen, waitFor } = await import('@testing-library/react');
    const { SolveExplorer } = await import('../../../src/views/SolveExplorer/SolveExplorer');
    const store = createLabStore({ preset: 'lecture-pc' });
    try {
      render(
        <LabProvider store={store}>
          <SolveExplorer stage={8} />
        </LabProvider>,
      );
      await waitFor(() => expect(document.querySelector('.se-stage-title')?.textContent).toContain('8.'));
      act(() => store.getState().loadPreset('tastes'));
      await waitFor(() => expect(document.querySelector('.se-stage-title')?.textContent).toContain('7.'));
      expect(document.querySelectorAll('.se-stages button')).toHaveLength(7);
      expect(screen.getByText('Gram matrix')).toBeTruthy();
      expect(document.querySelector('.katex-error')).toBeNull();
    } finally {
      store.getState().dispose();
    }
  });
});
