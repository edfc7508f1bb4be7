/**
 * Saves one figure of the lab as SVG or PNG: reads it off the screen, writes it (figureExport.ts)
 * and downloads it. What can go wrong (the figure is not on screen, a canvas the browser will
 * not read) comes back as an Error whose message says what happened and why.
 */
import { downloadBlob } from '../Export/download';
import { collectFigure } from './figureDom';
import { composeFigure, figureFileName } from './figureExport';
import { renderPng } from './renderPng';

export type FigureFormat = 'svg' | 'png';

export interface FigureSpec {
  /** The file name's part: "loss" gives mf-lab-loss-step12.svg. */
  key: string;
  /** How a sentence names it: "the loss chart" (Save the loss chart as SVG). */
  name: string;
  /** The saved figure's title. */
  title: string;
  /** Its own caption, when the lab's step / λ / d is not what it shows (the variants compared). */
  caption?: string;
  /** What is drawn, top to bottom (missing ones are left out). */
  roots: () => (Element | null | undefined)[];
}

export interface FigureCaptionInfo {
  text: string;
  step: number | null;
}

export const MIME: Record<FigureFormat, string> = { svg: 'image/svg+xml', png: 'image/png' };

/** Writes the figure and downloads it; returns the file name. */
export async function saveFigure(spec: FigureSpec, format: FigureFormat, caption: FigureCaptionInfo): Promise<string> {
  const roots = spec.roots().filter((r): r is Element => !!r && r.isConnected);
  if (roots.length === 0) throw new Error(`${capitalize(spec.name)} is not on screen: open its tab or panel, then save it.`);
  const content = collectFigure(roots);
  if (content.width < 2 || content.height < 2)
    throw new Error(`${capitalize(spec.name)} has no size on screen yet, so there is nothing to draw.`);
  const options = { title: spec.title, caption: spec.caption ?? caption.text };
  const fileName = figureFileName(spec.key, caption.step, format);
  let blob: Blob;
  try {
    blob = format === 'svg' ? new Blob([composeFigure(content, options)], { type: MIME.svg }) : await renderPng(content, options);
  } catch (e) {
    throw new Error(`The ${format.toUpperCase()} of ${spec.name} could not be drawn: ${(e as Error).message || String(e)}.`);
  }
  downloadBlob(fileName, blob);
  return fileName;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
