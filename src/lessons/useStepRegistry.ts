/** The lab stores of the step on screen, for exercises and the presenter's keys. */
import { useMemo } from 'react';
import type { StoreApi } from 'zustand';
import type { LabState } from '../state/labStore';

export function useStepRegistry(key: string): Map<string, StoreApi<LabState>> {
  // A fresh registry per step: labs register themselves as they mount.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => new Map<string, StoreApi<LabState>>(), [key]);
}
