// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ToyExample } from '../../../src/views/ToyExample/ToyExample';

afterEach(cleanup);

// jsdom has no CSS.escape (the colour legend uses it for its gradient's id).
const g = globalThis as { CSS?: { escape?: (s: string) => string } };
g.CSS ??= {};
g.CSS.escape ??= (s: string) => s.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);

const readout = (who: string) => screen.getByLabelText(`Prediction for ${who}`).textContent;

describe('the toy example panel', () => {
  it('opens on the slide’s example: the 3rd user’s prediction for the 4th item is 1.6', () => {
    render(<ToyExample />);
    expect(readout('u3, i4')).toBe('1.6');
    expect((screen.getByLabelText('U row 3, column 1') as HTMLInputElement).value).toBe('0.2');
    expect((screen.getByLabelText('V transposed row 2, column 4') as HTMLInputElement).value).toBe('−1');
    const grid = screen.getByRole('grid', { name: 'UVᵀ, the predictions' });
    expect(within(grid).getAllByRole('gridcell')).toHaveLength(24);
    // The 11 predictions (R's ?) are marked, as the slide's red numbers.
    expect(grid.querySelectorAll('.toy-predicted')).toHaveLength(11);
  });

  it('recomputes UVᵀ as an entry of U is typed: u₃ = (0.3, 0.4) gives 0.3·10 + 0.4·(−1) = 2.6', () => {
    render(<ToyExample />);
    fireEvent.change(screen.getByLabelText('U row 3, column 1'), { target: { value: '0.3' } });
    expect(readout('u3, i4')).toBe('2.6');
    expect(document.querySelector('[data-cell="2,3"]')!.textContent).toContain('2.6');
    // The first user's row is untouched.
    expect(document.querySelector('[data-cell="0,3"]')!.textContent).toContain('2.3');
  });

  it('refuses a non-number with a message, and keeps the old value', () => {
    render(<ToyExample />);
    const input = screen.getByLabelText('U row 3, column 1') as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'abc' } });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toContain('“abc” is not a number. U row 3, column 1 keeps 0.2.');
    expect(input.value).toBe('0.2');
    expect(readout('u3, i4')).toBe('1.6');
  });

  it('explains the chosen cell with its numbers, and goes back to the lecture’s numbers', () => {
    render(<ToyExample />);
    fireEvent.change(screen.getByLabelText('V transposed row 1, column 1'), { target: { value: '2' } });
    fireEvent.click(within(document.querySelector('[data-cell="1,0"]') as HTMLElement).getByRole('button'));
    // u₂ᵀv₁ = 0.3·2 + 0.5·1 = 1.1, and R has ? at (2, 1).
    expect(readout('u2, i1')).toBe('1.1');
    expect(screen.getByLabelText('The chosen prediction').textContent).toContain('R has ? here');
    fireEvent.click(screen.getByRole('button', { name: 'Back to the lecture’s numbers' }));
    expect(readout('u2, i1')).toBe('0.8');
    expect((screen.getByLabelText('V transposed row 1, column 1') as HTMLInputElement).value).toBe('1');
  });

  it('moves through UVᵀ with the arrow keys', () => {
    render(<ToyExample />);
    const start = within(document.querySelector('[data-cell="2,3"]') as HTMLElement).getByRole('button');
    expect(start.tabIndex).toBe(0);
    fireEvent.keyDown(start, { key: 'ArrowUp' });
    expect(readout('u2, i4')).toBe('2.5');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(readout('u2, i5')).toBe('1.7');
    expect(screen.getByLabelText('The chosen prediction').textContent).toContain('R has 2 here');
  });

  it('shows exact values on demand', () => {
    render(<ToyExample />);
    fireEvent.change(screen.getByLabelText('U row 3, column 1'), { target: { value: '0.25' } });
    // 0.25·10 − 0.4 = 2.1 exactly; 0.25·11 − 0.8 = 1.95 rounds to 1.9 or 2.0 on the slide's one decimal.
    expect(document.querySelector('[data-cell="2,2"]')!.textContent).toMatch(/^(1\.9|2)/);
    fireEvent.click(screen.getByLabelText(/Show exact values/));
    expect(document.querySelector('[data-cell="2,2"]')!.textContent).toMatch(/^1\.95/);
  });
});
