// @vitest-environment jsdom
/**
 * The model-variant settings on a real lab store: a labelled Model select whose choice
 * reaches the settings, each variant's own λ one click away (with why), biases disabled for
 * implicit data with the reason beside it, and — for implicit data — the row solve with K.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand';
import { VARIANT_DEFAULTS } from '../../../src/core';
import { LabProvider } from '../../../src/state/LabContext';
import { createLabStore, type LabState } from '../../../src/state/labStore';
import { lecturePC, lectureR } from '../../../src/state/presets';
import { SettingsPanel } from '../../../src/views/Controls/SettingsPanel';
import { comparedMetric, comparedModels } from '../../../src/views/Compare/compareConfigs';
import { DEFAULT_SETTINGS } from '../../../src/state/presets';

let store: StoreApi<LabState> | null = null;
afterEach(() => {
  cleanup();
  store?.getState().dispose();
  store = null;
});

function panel(data = lectureR()) {
  store = createLabStore({ data });
  render(
    <LabProvider store={store}>
      <SettingsPanel />
    </LabProvider>,
  );
  return store;
}

/** Opens the Model options (a disclosure in the run bar) and returns the select. */
function modelSelect(): HTMLSelectElement {
  const opener = screen.getByRole('button', { name: /^Model:/ });
  if (opener.getAttribute('aria-expanded') !== 'true') fireEvent.click(opener);
  return screen.getByLabelText('Model') as HTMLSelectElement;
}

describe('the Model setting', () => {
  it('is a labelled select of the three variants whose choice reaches the settings', () => {
    const s = panel();
    const select = modelSelect();
    expect(select.tagName).toBe('SELECT');
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual([
      'The lecture’s objective',
      'ALS-WR: λ per rating',
      'Biases: μ + bᵢ + cⱼ',
    ]);
    expect(select.options[2]!.disabled).toBe(false);
    fireEvent.change(select, { target: { value: 'wr' } });
    expect(s.getState().settings.variant).toBe('wr');
    // Its one line says what it changes.
    expect(screen.getByText(/multiplied by its number of ratings/)).toBeTruthy();
  });

  it('offers each variant’s own default λ, with why', () => {
    const s = panel();
    fireEvent.change(modelSelect(), { target: { value: 'biases' } });
    const button = screen.getByRole('button', { name: `Use λ = ${VARIANT_DEFAULTS.biases.lambda} (this variant’s default)` });
    expect(document.getElementById(button.getAttribute('aria-describedby')!)!.textContent).toBe(VARIANT_DEFAULTS.biases.reason);
    fireEvent.click(button);
    expect(s.getState().settings.lambda).toBe(VARIANT_DEFAULTS.biases.lambda);
    expect(screen.getByText(`λ = ${VARIANT_DEFAULTS.biases.lambda} is this variant’s default.`)).toBeTruthy();
  });

  it('disables biases for implicit data and says why; offers the row solve with K', () => {
    const s = panel(lecturePC());
    expect(screen.getByRole('button', { name: /^Model:/ }).getAttribute('aria-expanded')).toBe('false');
    const biases = Array.from(modelSelect().options).find((o) => o.value === 'biases')!;
    expect(biases.disabled).toBe(true);
    expect(biases.textContent).toContain('explicit ratings only');
    expect(screen.getByText(/Biases are for explicit ratings only/)).toBeTruthy();
    expect(screen.queryByLabelText(/conjugate-gradient steps per row/)).toBeNull();
    const rows = screen.getByLabelText('Row solve') as HTMLSelectElement;
    expect(Array.from(rows.options).map((o) => o.textContent)).toEqual(['Exact (Cholesky)', 'Conjugate gradient, K steps']);
    fireEvent.change(rows, { target: { value: 'cg' } });
    expect(s.getState().settings.rowSolver).toBe('cg');
    expect(screen.getByRole('button', { name: /^Model:/ }).textContent).toContain('lecture, CG');
    const K = screen.getByLabelText('K, conjugate-gradient steps per row') as HTMLInputElement;
    fireEvent.change(K, { target: { value: '5' } });
    fireEvent.blur(K);
    expect(s.getState().settings.cgSteps).toBe(5);
    fireEvent.change(K, { target: { value: '11' } });
    fireEvent.blur(K);
    expect(screen.getByRole('alert').textContent).toMatch(/from 1 to 10/);
    expect(s.getState().settings.cgSteps).toBe(5);
    expect(screen.getAllByText(/Takács et al. 2011/).length).toBeGreaterThan(0);
  });

  it('a link’s biases on implicit data show the lecture’s objective running, with the reason', () => {
    store = createLabStore({ data: lecturePC(), settings: { variant: 'biases' } });
    render(
      <LabProvider store={store}>
        <SettingsPanel />
      </LabProvider>,
    );
    expect(modelSelect().value).toBe('lecture');
    expect(screen.getByText(/so this run uses the lecture’s objective/)).toBeTruthy();
  });

  it('is disabled under gradient descent, which follows the lecture’s objective', () => {
    const s = panel();
    fireEvent.change(screen.getByLabelText('Solver'), { target: { value: 'gd' } });
    expect(s.getState().settings.solver).toBe('gd');
    expect(modelSelect().disabled).toBe(true);
    expect(screen.getByText(/Gradient descent follows the lecture’s objective/)).toBeTruthy();
  });
});

describe('what Compare variants fits', () => {
  it('explicit: lecture, ALS-WR and biases at their own λ or the lab’s', () => {
    const own = comparedModels('explicit', DEFAULT_SETTINGS, 'own');
    expect(own.map((m) => m.config.label)).toEqual(['lecture', 'wr', 'biases']);
    expect(own.map((m) => (typeof m.config.als === 'number' ? m.config.als : m.config.als.lambda))).toEqual([5, 0.1, 10]);
    const lab = comparedModels('explicit', { ...DEFAULT_SETTINGS, lambda: 0.7 }, 'lab');
    expect(lab.every((m) => typeof m.config.als !== 'number' && m.config.als.lambda === 0.7)).toBe(true);
    expect(lab[2]!.name).toBe('Biases (μ + bᵢ + cⱼ), λ = 0.7');
  });

  it('implicit: lecture and ALS-WR exact, the lecture’s by CG — never biases; objective plotted', () => {
    const models = comparedModels('implicit', { ...DEFAULT_SETTINGS, cgSteps: 4 }, 'own');
    expect(models.map((m) => m.config.als)).toMatchObject([
      { variant: 'lecture', solver: 'exact' },
      { variant: 'wr', solver: 'exact' },
      { variant: 'lecture', solver: 'cg', cgSteps: 4 },
    ]);
    expect(comparedMetric('implicit', 10)).toBe('loss');
    expect(comparedMetric('explicit', 0)).toBe('loss');
    expect(comparedMetric('explicit', 3)).toBe('heldOut');
  });
});
