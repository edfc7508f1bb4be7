// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { LabProvider } from '../../../src/state/LabContext';
import type { LabState, TimelineEntry } from '../../../src/state/labStore';
import { Timeline } from '../../../src/views/Timeline/Timeline';
import type { StepKind } from '../../../src/worker/protocol';

const entry = (step: number, kind: StepKind): TimelineEntry =>
  ({
    step,
    kind,
    diverged: null,
    metrics: { data: 1, regularization: 1, total: 2, trainRmse: 1, testRmse: null },
  }) as TimelineEntry;

/** A run of `full` ALS steps: init, then users and items half-steps. */
function store(full: number): StoreApi<LabState> {
  const timeline = [entry(0, 'init')];
  for (let k = 1; k <= 2 * full; k++) timeline.push(entry(k, k % 2 ? 'users' : 'items'));
  return createStore<LabState>()(
    (set, get) =>
      ({
        timeline,
        cursor: null,
        // The real store's rule: the last entry (or beyond) means live.
        scrub: (index: number | null) => {
          const last = get().timeline.length - 1;
          set({ cursor: index === null || index >= last ? null : Math.max(0, index) });
        },
      }) as unknown as LabState,
  );
}

afterEach(cleanup);

function renderTimeline(s: StoreApi<LabState>) {
  render(
    <LabProvider store={s}>
      <Timeline />
    </LabProvider>,
  );
  return screen.getByRole('slider', { name: 'Timeline step' }) as HTMLInputElement;
}

describe('the timeline', () => {
  it('spans every entry of the run and follows the latest one when live', () => {
    const slider = renderTimeline(store(3));
    expect(slider.min).toBe('0');
    expect(slider.max).toBe('6');
    expect(slider.value).toBe('6');
    expect(slider.getAttribute('aria-valuetext')).toBe('step 6 of 6: fix U, solve V');
    expect(screen.queryByRole('button', { name: 'Back to live' })).toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(/^Live/);
  });

  it('scrubs back, says what continuing means, and goes back to live', () => {
    const s = store(3);
    const slider = renderTimeline(s);
    fireEvent.change(slider, { target: { value: '2' } });
    expect(s.getState().cursor).toBe(2);
    expect(slider.value).toBe('2');
    expect(screen.getByRole('status').textContent).toBe(
      'Viewing step 2 of 6 — press Step or Play to continue from here (later steps are discarded).',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Back to live' }));
    expect(s.getState().cursor).toBeNull();
    expect(slider.value).toBe('6');
    expect(screen.queryByRole('button', { name: 'Back to live' })).toBeNull();
  });

  it('goes back to live from the keyboard with Escape', () => {
    const s = store(2);
    const slider = renderTimeline(s);
    act(() => s.getState().scrub(1));
    expect(slider.value).toBe('1');
    expect(slider.getAttribute('aria-valuetext')).toBe('step 1 of 4: fix V, solve U');
    fireEvent.keyDown(slider, { key: 'Escape' });
    expect(s.getState().cursor).toBeNull();
  });

  it('is disabled until there is a step to go back to', () => {
    const slider = renderTimeline(store(0));
    expect(slider.disabled).toBe(true);
  });
});
