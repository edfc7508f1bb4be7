/** The lecture's symbols for a user's solve (u_i, V, Ωᵢ) or an item's (v_j, U, Ωʲ). */
import type { Side } from '../../core';

export interface Notation {
  /** The row being solved: u_i or v_j. */
  row: string;
  /** Its index letter. */
  idx: string;
  /** The fixed factor matrix: V or U. */
  fixed: string;
  /** The fixed matrix's row symbol: v or u. */
  fixedRow: string;
  /** Ω with the row's index. */
  omega: string;
  /** The matrix being written: U or V. */
  target: string;
  /** "user" / "item" and their plural. */
  who: string;
  others: string;
  /** Confidence diagonal and preference vector (implicit). */
  C: string;
  p: string;
  /** The same symbols as plain text (Unicode), for buttons: "uᵢ", "Ωⁱ", "Cⁱ", "pᵢ". */
  rowText: string;
  omegaText: string;
  Ctext: string;
  pText: string;
}

export function notation(side: Side): Notation {
  return side === 'users'
    ? {
        row: 'u_i',
        idx: 'i',
        fixed: 'V',
        fixedRow: 'v_j',
        omega: '\\Omega^{i}',
        target: 'U',
        who: 'user',
        others: 'items',
        C: 'C^{i}',
        p: 'p_i',
        rowText: 'uᵢ',
        omegaText: 'Ωⁱ',
        Ctext: 'Cⁱ',
        pText: 'pᵢ',
      }
    : {
        row: 'v_j',
        idx: 'j',
        fixed: 'U',
        fixedRow: 'u_i',
        omega: '\\Omega^{j}',
        target: 'V',
        who: 'item',
        others: 'users',
        C: 'C^{j}',
        p: 'p_j',
        rowText: 'vⱼ',
        omegaText: 'Ωʲ',
        Ctext: 'Cʲ',
        pText: 'pⱼ',
      };
}
