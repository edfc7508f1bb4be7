// @vitest-environment jsdom
/**
 * A failing panel is a message, not a blank page: the boundary names what failed and why,
 * the panels beside it keep working, Reset mounts it afresh, and new data clears it.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelBoundary } from '../../../src/views/common/PanelBoundary';

let broken = false;
/** Fails while `broken`, like a bug that a reset may or may not cure. */
function Fragile({ label }: { label: string }) {
  if (broken) throw new Error(`${label} could not draw its axis`);
  return <p>{label} works</p>;
}

function Counter() {
  const [k, setK] = useState(0);
  return (
    <button type="button" onClick={() => setK(k + 1)}>
      clicked {k}
    </button>
  );
}

beforeEach(() => {
  // React reports caught errors on the console; the test is about what the page shows.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  broken = false;
});

describe('a panel that fails', () => {
  it('says which panel failed and why, and the panel beside it keeps working', () => {
    broken = true;
    render(
      <>
        <PanelBoundary name="The latent space">
          <Fragile label="plot" />
        </PanelBoundary>
        <PanelBoundary name="The run controls">
          <Counter />
        </PanelBoundary>
      </>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The latent space stopped working');
    expect(alert.textContent).toContain('plot could not draw its axis');
    fireEvent.click(screen.getByRole('button', { name: 'clicked 0' }));
    expect(screen.getByRole('button', { name: 'clicked 1' })).toBeTruthy();
  });

  it('Reset mounts the panel afresh (its own state forgotten), and it shows again once the fault is gone', () => {
    broken = true;
    render(
      <PanelBoundary name="The solve explorer">
        <Fragile label="explorer" />
      </PanelBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('The solve explorer stopped working');
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Reset the solve explorer' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('explorer works')).toBeTruthy();
  });

  it('tries again by itself when its reset key changes (other data)', () => {
    broken = true;
    const { rerender } = render(
      <PanelBoundary name="The factorization" resetKey="lecture">
        <Fragile label="product" />
      </PanelBoundary>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    broken = false;
    rerender(
      <PanelBoundary name="The factorization" resetKey="tastes">
        <Fragile label="product" />
      </PanelBoundary>,
    );
    expect(screen.getByText('product works')).toBeTruthy();
  });

  it('fails on purpose for end-to-end tests only when the page asks it to', () => {
    (window as { __mfLabFail?: string }).__mfLabFail = 'The toy example';
    render(
      <>
        <PanelBoundary name="The toy example">
          <p>toy</p>
        </PanelBoundary>
        <PanelBoundary name="The objective panel">
          <p>objective</p>
        </PanelBoundary>
      </>,
    );
    expect(screen.getByRole('alert').textContent).toContain('The toy example stopped working');
    expect(screen.getByText('objective')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reset the toy example' }));
    expect(screen.getByText('toy')).toBeTruthy();
  });
});
