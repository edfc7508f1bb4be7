// @vitest-environment jsdom
/**
 * The "Save figure" control on a real lab store: a button named after its figure opens a menu of
 * SVG and PNG (named "Save the loss chart as SVG"), Escape closes it and gives the focus back, a
 * choice downloads a file named for the figure and the step with the right type, the figure is
 * listed for the header's Export menu while it is on screen, and a figure that is not on screen
 * gets a message saying so.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreApi } from 'zustand';
import { LabProvider } from '../../../src/state/LabContext';
import { createLabStore, type LabState } from '../../../src/state/labStore';
import { lectureR } from '../../../src/state/presets';
import { SaveFigure } from '../../../src/views/common/SaveFigure';
import { ExportMenu } from '../../../src/views/Export/ExportMenu';
import { figuresOnScreen } from '../../../src/views/common/figureRegistry';
import type { FigureSpec } from '../../../src/views/common/saveFigure';

const download = vi.hoisted(() => vi.fn<(name: string, blob: Blob) => void>());
vi.mock('../../../src/views/Export/download', () => ({ downloadBlob: download, downloadText: vi.fn() }));
// jsdom has no layout and no canvas: the figure is read as a fixed chart and the PNG is a stand-in.
vi.mock('../../../src/views/common/figureDom', () => ({
  collectFigure: () => ({
    width: 400,
    height: 200,
    parts: [
      {
        kind: 'markup',
        markup: '<svg x="0" y="0" width="400" height="200"><path d="M0,0L10,10" style="stroke:rgb(0, 114, 178)"/></svg>',
      },
    ],
  }),
}));
vi.mock('../../../src/views/common/renderPng', () => ({
  renderPng: vi.fn(async () => new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' })),
}));

let store: StoreApi<LabState> | null = null;
beforeEach(() => download.mockClear());
afterEach(() => {
  cleanup();
  store?.getState().dispose();
  store = null;
});

function loss(roots: () => (Element | null)[] = () => [document.body]): FigureSpec {
  return { key: 'loss', name: 'the loss chart', title: 'The objective after each half-step', roots };
}

function show(figures: FigureSpec[]) {
  store = createLabStore({ data: lectureR() });
  render(
    <LabProvider store={store}>
      <SaveFigure figures={figures} />
    </LabProvider>,
  );
  return store;
}

describe('Save figure', () => {
  it('opens a menu of SVG and PNG named after the figure; Escape closes it and gives the focus back', () => {
    show([loss()]);
    const opener = screen.getByRole('button', { name: 'Save figure: the loss chart' });
    expect(opener.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Save the loss chart as SVG' })).toBeNull();
    fireEvent.click(opener);
    expect(opener.getAttribute('aria-expanded')).toBe('true');
    const svg = screen.getByRole('button', { name: 'Save the loss chart as SVG' });
    expect(screen.getByRole('button', { name: 'Save the loss chart as PNG' })).toBeTruthy();
    svg.focus();
    fireEvent.keyDown(svg, { key: 'Escape' });
    expect(opener.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(opener);
  });

  it('downloads the SVG as image/svg+xml, named for the figure and the step, with its title', async () => {
    const s = show([loss()]);
    // The first model (step 0) is computed in the page here, by code loaded on demand: the name has
    // the step once it is on screen, so the save waits for it (saving before it came was a race).
    await waitFor(() => expect(s.getState().timeline.length).toBeGreaterThan(0), { timeout: 10_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Save figure: the loss chart' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the loss chart as SVG' }));
    // The figure writers load on the first save (a dynamic import): give a busy machine time.
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    const [name, blob] = download.mock.calls[0]!;
    expect(name).toBe('mf-lab-loss-step0.svg');
    expect(blob.type).toBe('image/svg+xml');
    const text = await blob.text();
    expect(text).toContain('<title>The objective after each half-step</title>');
    expect(text).toContain('λ = 0.1 · d = 2');
    expect(text).toContain('stroke:rgb(0, 114, 178)');
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Saved mf-lab-loss-step0.svg');
  });

  it('downloads the PNG as image/png, with the step on screen in its name', async () => {
    const s = show([loss()]);
    act(() => {
      s.setState({ timeline: [{ ...(s.getState().timeline[0] ?? {}), step: 12 } as LabState['timeline'][number]] });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save figure: the loss chart' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the loss chart as PNG' }));
    // The figure writers load on the first save (a dynamic import): give a busy machine time.
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    const [name, blob] = download.mock.calls[0]!;
    expect(name).toBe('mf-lab-loss-step12.png');
    expect(blob.type).toBe('image/png');
  });

  it('says so when the figure is not on screen, and downloads nothing', async () => {
    show([loss(() => [null])]);
    fireEvent.click(screen.getByRole('button', { name: 'Save figure: the loss chart' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the loss chart as SVG' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The loss chart is not on screen: open its tab or panel, then save it.',
    );
    expect(download).not.toHaveBeenCalled();
  });

  it('offers several figures in one menu, and lists them for the header’s Export menu while on screen', () => {
    const figures = [loss(), { ...loss(), key: 'U', name: 'U', title: 'U' }];
    show(figures);
    expect(figuresOnScreen().map((f) => f.name)).toEqual(['the loss chart', 'U']);
    fireEvent.click(screen.getByRole('button', { name: 'Save figure: the loss chart, U' }));
    expect(screen.getByRole('button', { name: 'Save U as PNG' })).toBeTruthy();
    cleanup();
    expect(figuresOnScreen()).toEqual([]);
  });

  it('puts the figures on screen in the header’s Export menu, saved the same way', async () => {
    store = createLabStore({ data: lectureR() });
    render(
      <LabProvider store={store}>
        <ExportMenu />
        <SaveFigure figures={[loss()]} />
      </LabProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: /^Export/ }));
    expect(screen.getByText('The loss chart')).toBeTruthy();
    const inMenu = screen.getAllByRole('button', { name: 'Save the loss chart as PNG' });
    // The Save figure menu is closed (its buttons hidden): the one found is the Export menu's.
    expect(inMenu).toHaveLength(1);
    fireEvent.click(inMenu[0]!);
    // The figure writers load on the first save (a dynamic import): give a busy machine time.
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(download.mock.calls[0]![1].type).toBe('image/png');
  });
});
