/**
 * Popover panels stay on screen: a left-aligned one (the Export menu) moves left when it runs
 * past the right edge; a right-aligned one (Save figure) moves right when it runs past the left
 * edge, but never past the right one. 8 px from each edge.
 */
import { describe, expect, it } from 'vitest';
import { onScreenShift } from '../../../src/views/common/usePopover';

describe('onScreenShift', () => {
  it('leaves a panel that fits where it is', () => {
    expect(onScreenShift({ left: 100, right: 400 }, 1280, 'left')).toBe(0);
    expect(onScreenShift({ left: 100, right: 400 }, 1280, 'right')).toBe(0);
  });

  it('moves a left-aligned panel back inside the right edge', () => {
    expect(onScreenShift({ left: 200, right: 500 }, 390, 'left')).toBe(500 - (390 - 8));
  });

  it('moves a right-aligned panel inside the left edge, but not past the right one', () => {
    expect(onScreenShift({ left: -40, right: 300 }, 390, 'right')).toBe(48);
    expect(onScreenShift({ left: -40, right: 370 }, 390, 'right')).toBe(390 - 8 - 370);
  });
});
