/**
 * How many characters R's widest cell shows ("4.5" is 3, "?" is 1), so that its columns
 * are wide enough and no wider. Big data is assumed to hold short ratings (a scan of
 * 1.6 M cells is not worth it).
 */
import { formatNumber } from '../../state/edits';
import type { LabData } from '../../state/labData';
import { confidenceAt, forEachCell } from '../common/labAccess';

const SCAN_LIMIT = 2500;

export function longestCellText(data: LabData): number {
  const m = data.userIds.length;
  const n = data.itemIds.length;
  if (m * n > SCAN_LIMIT) return 3;
  let best = 1;
  forEachCell(data, (_i, _j, v) => (best = Math.max(best, formatNumber(v).length)));
  if (data.confidence)
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        const c = confidenceAt(data, i, j);
        if (c !== null) best = Math.max(best, formatNumber(c).length);
      }
  return best;
}
