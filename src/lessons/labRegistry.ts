/**
 * The labs of the lesson step on screen, by id: exercises act on them, the presenter's keys drive
 * the first. Its own module: the pages and exercises use it without loading the labs themselves.
 */
import { createContext, useContext } from 'react';
import type { StoreApi } from 'zustand';
import type { LabState } from '../state/labStore';

export const LabRegistry = createContext<Map<string, StoreApi<LabState>> | null>(null);

export function useLabRegistry(): Map<string, StoreApi<LabState>> | null {
  return useContext(LabRegistry);
}
