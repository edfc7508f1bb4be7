// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { LabProvider } from '../../../src/state/LabContext';
import type { LabState, TimelineEntry } from '../../../src/state/labStore';
import { LossChart } from '../../../src/views/LossChart/LossChart';
import type { StepKind } from '../../../src/worker/protocol';

export function fakeEntry(step: number, kind: StepKind, total: number, diverged: string | null = null): TimelineEntry {
  return {
    step,
    kind,
    diverged,
    metrics: { data: total * 0.75, regularization: total * 0.25, total, trainRmse: Math.sqrt(total) / 3, testRmse: null },
  } as TimelineEntry;
}

/** The store fields the loss chart and the timeline read, with the real scrub semantics. */
export function fakeStore(timeline: TimelineEntry[]): StoreApi<LabState> {
  return createStore<LabState>()(
    (set, get) =>
      ({
        timeline,
        cursor: null,
        logScale: false,
        data: { mode: 'explicit', scale: { min: 1, max: 5 } },
        settings: { solver: 'als' },
        setLogScale: (logScale: boolean) => set({ logScale }),
        scrub: (index: number | null) => {
          const last = get().timeline.length - 1;
          set({ cursor: index === null || index >= last ? null : Math.max(0, index) });
        },
      }) as unknown as LabState,
  );
}

export const alsRun = (fullSteps: number) => {
  const out = [fakeEntry(0, 'init', 120)];
  for (let k = 1; k <= 2 * fullSteps; k++) out.push(fakeEntry(k, k % 2 ? 'users' : 'items', 5 + 100 / (k + 1)));
  return out;
};

/** requestAnimationFrame under the test's control. */
let frames: FrameRequestCallback[] = [];
const flushFrames = () =>
  act(() => {
    const pending = frames;
    frames = [];
    pending.forEach((cb) => cb(performance.now()));
  });

beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => {});
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderChart(store: StoreApi<LabState>, onRender?: () => void) {
  return render(
    <LabProvider store={store}>
      <Profiler id="loss" onRender={() => onRender?.()}>
        <LossChart />
      </Profiler>
    </LabProvider>,
  );
}

describe('the loss chart', () => {
  it('draws one point per half-step, marked by kind, and tables the values', () => {
    const store = fakeStore(alsRun(3));
    const { container } = renderChart(store);
    const points = container.querySelectorAll('[data-chart="objective"] .point');
    expect(points).toHaveLength(7);
    expect(container.querySelectorAll('.point[data-kind="users"]')).toHaveLength(3);
    expect(container.querySelectorAll('.point[data-kind="items"]')).toHaveLength(3);
    const table = screen.getByRole('table', { name: 'Loss history' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 7);
    expect(container.querySelector('.run-note')?.textContent).toContain('Never rises under ALS');
    expect(container.querySelector('.rises')).toBeNull();
  });

  it('shows the lecture’s terms with KaTeX, without errors, and the legend of the half-steps', () => {
    const { container } = renderChart(fakeStore(alsRun(1)));
    expect(container.querySelectorAll('.katex').length).toBeGreaterThanOrEqual(3);
    expect(container.querySelector('.katex-error')).toBeNull();
    expect(container.querySelector('annotation')?.textContent).toBe('\\mathcal{L}(U,V)');
    const legend = screen.getByRole('list', { name: 'Objective legend' });
    expect(legend.textContent).toContain('fix V, solve U');
    expect(legend.textContent).toContain('fix U, solve V');
    const tex = [...container.querySelectorAll('annotation')].map((a) => a.textContent);
    expect(tex).toContain('\\sum_{(i,j)\\in\\Omega}(r_{ij}-u_i^\\top v_j)^2');
    expect(tex).toContain('\\lambda(\\sum_i\\|u_i\\|^2+\\sum_j\\|v_j\\|^2)');
  });

  it('reads out the objective and its two terms at the step on screen', () => {
    const store = fakeStore(alsRun(2));
    renderChart(store);
    const last = store.getState().timeline.at(-1)!.metrics;
    expect(screen.getByLabelText('Objective').textContent).toBe(String(Number(last.total.toPrecision(6))));
    expect(screen.getByLabelText('Data term').textContent).toBe(String(Number(last.data.toPrecision(6))));
    expect(screen.getByLabelText('Regularisation term').textContent).toBe(String(Number(last.regularization.toPrecision(6))));
    act(() => store.getState().scrub(0));
    expect(screen.getByLabelText('Objective').textContent).toBe('120');
  });

  it('highlights a rise of gradient descent and marks the divergence', () => {
    const store = fakeStore([
      fakeEntry(0, 'init', 100),
      fakeEntry(1, 'gd', 60),
      fakeEntry(2, 'gd', 80),
      fakeEntry(3, 'gd', 1e12, 'Gradient descent is diverging.'),
    ]);
    const { container } = renderChart(store);
    expect(container.querySelector('.rises')?.getAttribute('d')).toMatch(/^M.+L.+M.+L/);
    expect(container.querySelectorAll('.point.rise')).toHaveLength(2);
    expect(container.querySelector('.diverged-marker')).not.toBeNull();
    expect(container.querySelector('.run-note')?.textContent).toContain('Diverged at step 3: Gradient descent is diverging.');
  });

  it('switches to a log scale with the labelled checkbox', () => {
    const store = fakeStore(alsRun(2));
    const { container } = renderChart(store);
    const box = screen.getByRole('checkbox', { name: 'Log scale' });
    expect(container.querySelector('[data-chart="objective"]')?.getAttribute('data-scale')).toBe('linear');
    fireEvent.click(box);
    expect(store.getState().logScale).toBe(true);
    expect((box as HTMLInputElement).checked).toBe(true);
    expect(container.querySelector('[data-chart="objective"]')?.getAttribute('data-scale')).toBe('log');
  });

  it('scrubs to the step that is clicked, and marks it', () => {
    const store = fakeStore(alsRun(3));
    const { container } = renderChart(store);
    const point = container.querySelector('.point[data-step="2"]')!;
    const x = Number(/translate\(([\d.]+),/.exec(point.getAttribute('transform')!)![1]);
    fireEvent.click(screen.getByTestId('objective-pick'), { clientX: x + 3 });
    expect(store.getState().cursor).toBe(2);
    expect(container.querySelector('.cursor-marker')?.getAttribute('data-step')).toBe('2');
  });

  it('re-renders at most once per animation frame while the worker streams snapshots', () => {
    const store = fakeStore(alsRun(1));
    let renders = 0;
    renderChart(store, () => renders++);
    flushFrames();
    const before = renders;
    act(() => {
      for (let k = 0; k < 50; k++) {
        const t = store.getState().timeline;
        store.setState({ timeline: [...t, fakeEntry(t.length, t.length % 2 ? 'users' : 'items', 5)] });
      }
    });
    expect(renders).toBe(before);
    flushFrames();
    expect(renders).toBe(before + 1);
    expect(screen.getByRole('table', { name: 'Loss history' }).querySelectorAll('tbody tr')).toHaveLength(53);
    flushFrames();
    expect(renders).toBe(before + 1);
  });

  it('draws a long run as a downsampled path without a marker per step', () => {
    const n = 5000;
    const store = fakeStore(
      Array.from({ length: n }, (_, t) => fakeEntry(t, t === 0 ? 'init' : t % 2 ? 'users' : 'items', 5 + 100 / (t + 1))),
    );
    const { container } = renderChart(store);
    expect(container.querySelectorAll('.point')).toHaveLength(0);
    const d = container.querySelector('.series-total')!.getAttribute('d')!;
    expect(d.match(/[ML]/g)!.length).toBeLessThan(4 * 720);
    expect(screen.getByRole('table', { name: 'Loss history' }).querySelectorAll('tbody tr')).toHaveLength(200);
  });

  it('draws the held-out RMSE when cells are held out', () => {
    const timeline = alsRun(2).map((e, t) => ({ ...e, metrics: { ...e.metrics, testRmse: 2 - t * 0.1 } }));
    const { container } = renderChart(fakeStore(timeline));
    expect(container.querySelector('[data-chart="rmse"] .series-testRmse')?.getAttribute('d')).toMatch(/^M/);
    expect(screen.getByLabelText('Held-out RMSE').textContent).toBe('1.6');
    expect(screen.getByRole('list', { name: 'RMSE legend' }).textContent).toContain('held-out RMSE');
  });

  it('writes the implicit data term when the data is implicit feedback', () => {
    const store = fakeStore(alsRun(1));
    store.setState({ data: { mode: 'implicit', scale: { min: 0, max: 1 } } } as Partial<LabState>);
    const { container } = renderChart(store);
    const tex = [...container.querySelectorAll('annotation')].map((a) => a.textContent);
    expect(tex).toContain('\\sum_{i,j} c_{ij}(p_{ij}-u_i^\\top v_j)^2');
    expect(container.querySelector('.katex-error')).toBeNull();
  });

  it('can leave out the terms and the RMSE chart', () => {
    const { container } = render(
      <LabProvider store={fakeStore(alsRun(1))}>
        <LossChart show={[]} height={200} />
      </LabProvider>,
    );
    expect(container.querySelector('.series-data')).toBeNull();
    expect(container.querySelector('[data-chart="rmse"]')).toBeNull();
    expect(container.querySelector('[data-chart="objective"]')?.getAttribute('height')).toBe('200');
  });
});
