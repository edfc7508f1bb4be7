// @vitest-environment jsdom
/**
 * The class's data set in the lab (through the one adapter), and the lab's share link that
 * sends it back to every phone: the URL codec through the store's state, small enough for a
 * QR code (the factors give way to the run's actions when they would not fit).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoreApi } from 'zustand';
import { createLabStore, type LabState } from '../../../src/state/labStore';
import { decodeLab } from '../../../src/state/urlCodec';
import { encodeAnswerCode } from '../../../src/survey/answerCode';
import { addCodes } from '../../../src/survey/collectAnswers';
import { classDataset } from '../../../src/survey/classDataset';
import { openInLab } from '../../../src/survey/openInLab';
import { cellAt, titleOf } from '../../../src/state/labData';
import { ratingAt } from '../../../src/core';
import { labShareLink } from '../../../src/share/shareLink';
import { QR_MAX_BYTES } from '../../../src/share/qrLimits';
import { lectureR } from '../../../src/state/presets';
import { FILMS } from './helpers';

const ONE_ITERATION = [
  { kind: 'als', side: 'users' },
  { kind: 'als', side: 'items' },
];
const stores: StoreApi<LabState>[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.getState().dispose()));

function classOf(students: number) {
  const codes = Array.from({ length: students }, (_, s) =>
    encodeAnswerCode(FILMS, {
      respondent: `S${String(s).padStart(3, '0')}`,
      ratings: FILMS.items.map((_, j) => ((s + j) % 4 === 0 ? null : 1 + ((s * 3 + j) % 5))),
      nickname: s % 2 ? `Kid${s}` : '',
    }),
  );
  return classDataset(FILMS, addCodes([], codes.join('\n'), FILMS).rows);
}

async function until(store: StoreApi<LabState>, done: (s: LabState) => boolean) {
  await vi.waitFor(() => expect(done(store.getState())).toBe(true), { timeout: 5000, interval: 5 });
}
const atStep = (step: number) => (s: LabState) => s.timeline.at(-1)?.step === step && !s.playing;

describe('opening the class’s R in the lab', () => {
  it('replaces the data as one undoable edit and starts ALS from the seed', async () => {
    const store = createLabStore();
    stores.push(store);
    await until(store, atStep(0));
    store.getState().step();
    await until(store, atStep(2));
    const dataset = classOf(30);
    openInLab(store, dataset);
    await until(store, (s) => s.timeline.length === 1 && s.timeline[0]!.kind === 'init' && s.timeline[0]!.m === 30);
    const data = store.getState().data;
    expect(data.userIds).toEqual(dataset.ratings.userIds);
    for (let i = 0; i < 30; i++)
      for (let j = 0; j < dataset.ratings.n; j++) expect(cellAt(data, i, j)).toBe(ratingAt(dataset.ratings, i, j));
    expect(titleOf(data, 0)).toBe('The Lion King');
    store.getState().undo();
    expect(store.getState().data).toEqual(lectureR());
  });
});

describe('the share link that sends it back to the phones', () => {
  it('holds the class’s R, the run and (when they fit a QR code) the factors', async () => {
    const store = createLabStore();
    stores.push(store);
    openInLab(store, classOf(30));
    await until(store, (s) => s.timeline.at(-1)?.m === 30);
    store.getState().step();
    await until(store, atStep(2));
    const link = labShareLink(store.getState(), 'https://mf.example/');
    expect(link.withoutFactors).toBe(false);
    expect(link.url.length).toBeLessThanOrEqual(QR_MAX_BYTES);
    const decoded = decodeLab(link.url.split('#')[1]!);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    // The phones get the class's R inline (they do not have the data set the instructor's browser keeps),
    // with the data set's name and hash, so their data menu names it too.
    const data = store.getState().data;
    expect(decoded.lab.source.kind).toBe('data');
    if (decoded.lab.source.kind !== 'data') return;
    expect({ ...decoded.lab.source.data, dataset: null }).toEqual({ ...data, dataset: null });
    expect(decoded.lab.source.data.dataset).toMatchObject({ name: data.dataset!.name, key: data.dataset!.key });
    expect(decoded.lab.run.actions).toEqual(ONE_ITERATION);
    expect(decoded.lab.run.U).toEqual(store.getState().timeline.at(-1)!.U);
  });

  it('leaves the factors out when they would make the link too long for a QR code', async () => {
    const store = createLabStore();
    stores.push(store);
    openInLab(store, classOf(30));
    store.getState().setSettings({ factors: 10 });
    await until(store, (s) => s.timeline.at(-1)?.m === 30 && s.timeline.at(-1)?.d === 10);
    store.getState().step();
    await until(store, atStep(2));
    const link = labShareLink(store.getState(), 'https://mf.example/');
    expect(link.withoutFactors).toBe(true);
    expect(link.url.length).toBeLessThanOrEqual(QR_MAX_BYTES);
    const decoded = decodeLab(link.url.split('#')[1]!);
    expect(decoded.ok && decoded.lab.run).toEqual({ actions: ONE_ITERATION });
  });
});
