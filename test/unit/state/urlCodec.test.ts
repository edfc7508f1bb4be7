/**
 * The lab in a link, worked on the lecture's 4×6 R:
 *
 *        i1 i2 i3 i4 i5 i6
 *   u1 [  1  ?  ?  2  ?  1 ]
 *   u2 [  ?  2  3  ?  2  1 ]
 *   u3 [  1  5  5  ?  ?  5 ]
 *   u4 [  ?  ?  2  ?  ?  3 ]
 *
 * becomes `#v=1&mode=explicit&users=u1..u4&items=i1..i6&R=1,?,?,2,?,1;?,2,3,?,2,1;…`, and
 * every link that cannot be used says why in words instead of throwing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labDataFromDense, positionsOf, type Cell, type LabData } from '../../../src/state/labData';
import {
  DEFAULT_SETTINGS,
  isMovieTweetingsPreset,
  lecturePC,
  lectureR,
  presetData,
  type PresetId,
} from '../../../src/state/presets';
import { decodeRun, type RunAction } from '../../../src/worker/actions';
import {
  decodeFloats,
  decodeLab,
  decodeLabLenient,
  encodeFloats,
  encodeLab,
  escapeLabel,
  labOptionsOf,
  PRESET_IDS,
  PRESET_SHAPES,
  unescapeLabel,
  URL_FACTOR_LIMIT,
  type SharedLab,
} from '../../../src/state/urlCodec';
import type { ModelSettings } from '../../../src/worker/protocol';

/** A run's actions from their text (u, i, g, p, q, U<k>, I<k>). */
function acts(text: string): RunAction[] {
  const run = decodeRun(text);
  if (!run.ok) throw new Error(run.error);
  return run.actions;
}

/** The defaults as a link carries them: the lecture's variant and the exact solve are left out. */
const { variant: _v, rowSolver: _r, cgSteps: _c, ...LINK_SETTINGS } = DEFAULT_SETTINGS;

const edited = (data: LabData, settings = LINK_SETTINGS, actions = ''): SharedLab => ({
  source: { kind: 'data', data },
  settings,
  run: { actions: acts(actions) },
});

function decodeOk(text: string): SharedLab {
  const result = decodeLab(text);
  if (!result.ok) throw new Error(`expected ${text} to decode, got: ${result.error}`);
  return result.lab;
}

function decodeError(text: string): string {
  const result = decodeLab(text);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  return result.error;
}

describe('an opened data set that travels as its data', () => {
  const named = (): LabData => ({
    ...lectureR(),
    dataset: { name: 'survey, week 3.csv', key: 'ab'.repeat(16), source: { kind: 'generated', description: 'test' } },
  });

  it('keeps its name and content hash (a reload says “Data: survey, week 3.csv”, not “Custom”)', () => {
    const text = encodeLab(edited(named()));
    expect(text).toContain(`&named=${escapeLabel('survey, week 3.csv')}&key=${'ab'.repeat(16)}`);
    const back = decodeOk(text);
    expect(back.source.kind === 'data' && back.source.data.dataset).toMatchObject({
      name: 'survey, week 3.csv',
      key: 'ab'.repeat(16),
    });
    expect(labOptionsOf(back).data?.dataset?.name).toBe('survey, week 3.csv');
  });

  it('without a usable hash, the name is dropped by itself and the data still opens', () => {
    const text = encodeLab(edited(named())).replace(`key=${'ab'.repeat(16)}`, 'key=zz');
    expect(decodeError(text)).toMatch(/content hash/);
    const lenient = decodeLabLenient(text);
    expect(lenient.ok && lenient.lab.source.kind === 'data' && lenient.lab.source.data.dataset).toBeNull();
    expect(lenient.ok && lenient.lab.source.kind === 'data' && lenient.lab.source.data.userIds).toEqual(['u1', 'u2', 'u3', 'u4']);
  });
});

describe('the lecture’s R as a link', () => {
  it('is short and readable', () => {
    const text = encodeLab(edited(lectureR(), LINK_SETTINGS, 'uiui'));
    expect(text).toBe(
      'v=1&mode=explicit&users=u1..u4&items=i1..i6&R=1,?,?,2,?,1;?,2,3,?,2,1;1,5,5,?,?,5;?,?,2,?,?,3&scale=1..5' +
        '&d=2&lambda=0.1&alpha=10&seed=1&init=0.5&solver=als&eta=0.01&run=ui*2',
    );
    expect(text.length).toBeLessThan(300);
    expect(decodeOk(text)).toEqual(edited(lectureR(), LINK_SETTINGS, 'uiui'));
  });

  it('as an unedited preset is only a reference', () => {
    const lab: SharedLab = { source: { kind: 'preset', preset: 'lecture-r' }, settings: LINK_SETTINGS, run: { actions: [] } };
    const text = encodeLab(lab);
    expect(text).toBe('v=1&preset=lecture-r&d=2&lambda=0.1&alpha=10&seed=1&init=0.5&solver=als&eta=0.01');
    expect(decodeOk(text)).toEqual(lab);
  });

  it('keeps the factors of a run exactly, as bytes', () => {
    const U = Float64Array.from([0.1, -0.2, 1 / 3, Math.PI, -0, 5e-324, 1.7976931348623157e308, -1e-300]);
    const V = Float64Array.from({ length: 12 }, (_, k) => Math.sin(k + 1) / 7);
    const lab: SharedLab = {
      source: { kind: 'preset', preset: 'lecture-r' },
      settings: LINK_SETTINGS,
      run: { actions: acts('uiui'), U, V },
    };
    const text = encodeLab(lab);
    expect(text.length).toBeLessThan(400);
    const back = decodeOk(text);
    expect(back).toEqual(lab);
    expect(Object.is(back.run.U![4], -0)).toBe(true);
  });

  it('leaves out factors above the limit (the run is replayed instead)', () => {
    const U = new Float64Array(943 * 10);
    const V = new Float64Array(1682 * 10);
    const lab: SharedLab = {
      source: { kind: 'preset', preset: 'ml100k' },
      settings: { ...LINK_SETTINGS, factors: 10, initScale: 0.1 },
      run: { actions: acts('ui'.repeat(40)), U, V },
    };
    const text = encodeLab(lab);
    expect(text.length).toBeLessThan(500);
    expect(text).toContain('preset=ml100k');
    expect(text).toContain('run=ui*40');
    expect(decodeOk(text).run).toEqual({ actions: acts('ui'.repeat(40)) });
    expect(U.length + V.length).toBeGreaterThan(URL_FACTOR_LIMIT);
    expect(decodeOk(encodeLab(lab, { maxFactors: Infinity })).run.U).toEqual(U);
  });

  it('the lecture’s P and C keep C and the scale', () => {
    const pc = lecturePC();
    const data = {
      ...pc,
      heldOut: positionsOf(pc, [
        [0, 0],
        [2, 5],
      ]),
    };
    const text = encodeLab(edited(data));
    expect(text).toContain('C=0.85,0,0,0.34,0,0.98;');
    expect(text).toContain('held=1:1,3:6');
    expect(decodeOk(text)).toEqual(edited(data));
  });
});

describe('pieces of the format', () => {
  it('escapes labels with any characters, lone surrogates included', () => {
    for (const label of ['Amélie', 'a,b', 'x..y', 'R&D=1', '50%', '?', '*', '~', ' ', '😀', '\ud800', 'a\udfffb', '東京', '#1'])
      expect(unescapeLabel(escapeLabel(label))).toBe(label);
    expect(escapeLabel('a,b.c')).toBe('a%2Cb%2Ec');
  });

  it('reads float64 bytes back exactly', () => {
    const x = Float64Array.from([0, -0, 1, -1.5, Number.MIN_VALUE, Number.MAX_VALUE, 0.1 + 0.2]);
    expect(decodeFloats(encodeFloats(x))).toEqual(x);
    expect(decodeFloats('not base64!')).toBeNull();
  });

  it('knows every preset’s shape', () => {
    // MovieTweetings cuts are fetched and cut in the worker (test/unit/worker/datasetRecipes.test.ts checks their shapes).
    for (const id of PRESET_IDS.filter((p): p is Exclude<PresetId, 'random'> => p !== 'random' && !isMovieTweetingsPreset(p))) {
      const { data } = presetData(id);
      expect([data.userIds.length, data.itemIds.length], id).toEqual(PRESET_SHAPES[id]);
    }
  });

  it('turns a decoded lab into the store’s options', () => {
    expect(labOptionsOf(decodeOk('v=1&preset=random&random=5x7,0.3,9&d=3'))).toEqual({
      preset: 'random',
      random: { users: 5, items: 7, density: 0.3, seed: 9 },
      settings: { factors: 3 },
    });
    const options = labOptionsOf(decodeOk(encodeLab(edited(lectureR(), LINK_SETTINGS, 'ui'))));
    expect(options.data).toEqual(lectureR());
    expect(options.run).toEqual({ actions: acts('ui') });
  });

  it('reads a link that a chat tool percent-encoded', () => {
    const text = encodeLab(edited(lectureR(), LINK_SETTINGS, 'uiui'));
    const mangled = text.replace(/\?/g, '%3F').replace(/;/g, '%3B').replace(/\*/g, '%2A');
    expect(decodeOk(mangled)).toEqual(decodeOk(text));
  });
});

describe('links that cannot be used say why', () => {
  const lecture = encodeLab(edited(lectureR()));

  it.each([
    ['', 'it is empty'],
    ['#lab=v1.garbage', 'it is not an MF Lab link (it does not say which format it uses)'],
    ['v=2&preset=lecture-r', 'it was made by a newer MF Lab (format 2; this one reads format 1)'],
    ['v=0&preset=lecture-r', 'its format “0” is not one this MF Lab reads (format 1)'],
    ['v=1&preset=netflix', 'it names an example “netflix” that MF Lab does not have'],
    ['v=1&preset=lecture-r&zoom=3', 'it has a part “zoom” that MF Lab does not know'],
    ['v=1&preset=lecture-r&d=2&d=3', 'it gives “d” twice'],
    ['v=1&preset=lecture-r&d=0', 'its number of factors d = 0 is not a whole number from 1 to 100'],
    ['v=1&preset=lecture-r&d=2.5', 'its number of factors d = 2.5 is not a whole number'],
    ['v=1&preset=lecture-r&lambda=-1', 'its λ = -1 is negative'],
    ['v=1&preset=lecture-r&lambda=Infinity', 'its setting lambda = “Infinity” is not a number'],
    ['v=1&preset=lecture-r&eta=0', 'its learning rate η = 0 is not above 0'],
    ['v=1&preset=lecture-r&solver=sgd', 'its solver “sgd” is neither als nor gd'],
    ['v=1&preset=lecture-r&run=uiuz', 'its run has an unknown action at “z”'],
    ['v=1&preset=lecture-r&run=uiU4', 'its run solves user 5, but there are 4 users'],
    ['v=1&preset=lecture-r&run=I6', 'its run solves item 7, but there are 6 items'],
    ['v=1&preset=lecture-r&run=ui*9999999', 'its run has more than 100,000 actions'],
    ['v=1&preset=lecture-r&d=2&U=AAAAAAAAAAA', 'it gives U without V'],
    ['v=1&preset=lecture-r&U=AAAAAAAAAAA&V=AAAAAAAAAAA', 'it gives U and V but not their number of factors d'],
    ['v=1&preset=lecture-r&d=2&U=AAAAAAAAAAA&V=AAAAAAAAAAA', 'its factor matrix U has 1 number, but 4 users × d = 2 need 8'],
    ['v=1&preset=tastes&random=8x10,0.5,7', 'it gives random-data options for the example “tastes”'],
    ['v=1&preset=random&random=8x10,1.5,7', "its random data's density 1.5 is not above 0 and at most 1"],
    ['v=1&preset=random&random=8by10', 'is not of the form users×items,density,seed'],
    ['v=1&preset=lecture-r&R=1', 'it names the example “lecture-r” and also gives its own data (“R”)'],
    ['v=1&d=2', 'it holds neither an example (preset=…) nor a rating matrix (R=…)'],
  ])('%j', (text, message) => {
    expect(decodeError(text)).toContain(message);
  });

  it.each([
    [
      lecture.replace('R=1,?,?,2,?,1;?,2,3,?,2,1', 'R=1,?,?,2,?,1;?,2,3,?,2'),
      'its rating matrix has 5 values in row 2 but there are 6 items',
    ],
    [
      lecture.replace('R=1,?,?,2,?,1;?,2,3,?,2,1', 'R=1,?,?,2,?,1;?,2,3,?,2,1,4'),
      'its rating matrix has more than 6 values in row 2',
    ],
    [lecture.replace(';?,?,2,?,?,3', ''), 'its rating matrix has 3 rows but there are 4 users'],
    [lecture.replace('R=1,', 'R=7,'), 'its rating matrix has 7 in row 1, column 1, outside the rating scale 1 to 5'],
    [lecture.replace('R=1,', 'R=x,'), 'its rating matrix has “x” in row 1, which is not a number'],
    [lecture.replace('R=1,', 'R=NaN,'), 'its rating matrix has “NaN” in row 1, which is not a number'],
    [lecture.replace('R=1,', 'R=1e999,'), 'its rating matrix has “1e999” in row 1, which is not a number'],
    [lecture.replace('users=u1..u4', 'users=a,b,a,c'), 'two of its users are both called “a”'],
    [lecture.replace('users=u1..u4', 'users=a,,b,c'), 'one of its users has an empty name'],
    [lecture.replace('users=u1..u4', 'users=a%E0,b,c,d'), 'the users label “a%E0” is not properly escaped'],
    [lecture.replace('users=u1..u4', 'users=u0..u4'), 'do not start with a label ending in 1'],
    [lecture.replace('scale=1..5', 'scale=5..1'), 'its rating scale 5..1 is empty'],
    [lecture.replace('&scale=1..5', ''), 'it has data but no rating scale'],
    [lecture.replace('mode=explicit', 'mode=fuzzy'), 'its mode “fuzzy” is neither explicit nor implicit'],
    [lecture + '&held=1:2', 'it holds out cell 1:2, which is ?'],
    [lecture + '&held=9:2', 'its held-out cell 9:2 lies outside the 4×6 matrix'],
    [lecture + '&held=1:1,1:1', 'it holds out cell 1:1 twice'],
    [lecture + '&C=1,1,1,1,1,1;1,1,1,1,1,1;1,1,1,1,1,1;1,1,1,1,1,1', 'it gives a confidence matrix C for explicit ratings'],
    [lecture.replace('R=1,?,?,2,?,1', 'R=?*1000000000'), 'its rating matrix has more than 6 values in row 1'],
  ])('%j', (text, message) => {
    expect(decodeError(text)).toContain(message);
  });

  it('implicit data checks P, C and observations', () => {
    const pc = encodeLab(edited(lecturePC()));
    expect(decodeError(pc.replace('R=1,', 'R=2,'))).toBe(
      'its preference matrix P has 2 in row 1, column 1, but P holds only 0 or 1',
    );
    expect(decodeError(pc.replace('C=0.85,', 'C=-1,'))).toBe(
      'its confidence matrix C has -1 in row 1, column 1, but a confidence is at least 0',
    );
    expect(decodeError(pc.replace('C=0.85,', 'C=?,'))).toBe(
      'its confidence matrix C has “?” in row 1, but every entry needs a number',
    );
    const alpha = encodeLab(edited({ ...lecturePC(), confidence: null }));
    expect(decodeError(alpha.replace('R=1,', 'R=-3,'))).toBe(
      'its observation matrix has -3 in row 1, column 1, but an observation is at least 0',
    );
  });

  it('truncated and garbled links give a message, never an exception', () => {
    const U = Float64Array.from({ length: 8 }, (_, k) => k / 3);
    const V = Float64Array.from({ length: 12 }, (_, k) => -k / 7);
    const full = encodeLab({
      source: { kind: 'data', data: lectureR() },
      settings: LINK_SETTINGS,
      run: { actions: acts('uiuiU3I5u'), U, V },
    });
    for (let cut = 0; cut < full.length; cut++) {
      const result = decodeLab(full.slice(0, cut));
      if (!result.ok) expect(result.error.length).toBeGreaterThan(5);
    }
    fc.assert(
      fc.property(fc.nat({ max: full.length - 1 }), fc.string({ maxLength: 3, unit: 'binary' }), (at, junk) => {
        const result = decodeLab(full.slice(0, at) + junk + full.slice(at + 1));
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error).toMatch(/^(it|its|one|two|the) /);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const result = decodeLab(text);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------
// Round trip: encode → decode is the identity on valid labs

const label = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
  fc.constantFrom(',', '.', '..', '*', '%', '~', '&', '=', '#', '?', ';', ' ', '😀', 'é', '\ud800', 'a\udfff', 'u1', '1'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }),
);

const labels = (count: number, prefix: string) =>
  fc.oneof(
    fc.uniqueArray(label, { minLength: count, maxLength: count }),
    fc.constant(Array.from({ length: count }, (_, k) => `${prefix}${k + 1}`)),
  );

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });

const dataArb: fc.Arbitrary<LabData> = fc
  .record({
    m: fc.integer({ min: 1, max: 5 }),
    n: fc.integer({ min: 1, max: 6 }),
    kind: fc.constantFrom('explicit', 'alpha', 'matrix'),
  })
  .chain(({ m, n, kind }) => {
    const scale =
      kind === 'matrix'
        ? fc.constant({ min: 0, max: 1 })
        : fc
            .tuple(finite, finite)
            .filter(([a, b]) => a < b)
            .map(([min, max]) => ({ min, max }));
    return scale.chain((sc) => {
      const whole =
        Math.ceil(sc.min) <= Math.floor(sc.max) ? [fc.integer({ min: Math.ceil(sc.min), max: Math.floor(sc.max) })] : [];
      const value: fc.Arbitrary<Cell> =
        kind === 'explicit'
          ? fc.oneof(fc.constant(null), fc.double({ noNaN: true, min: sc.min, max: sc.max }), ...whole)
          : kind === 'alpha'
            ? fc.oneof(fc.constant(null), fc.double({ noNaN: true, min: 0, max: 1e9 }), fc.nat(20))
            : fc.constantFrom(null, 0, 1);
      const row = fc.array(fc.oneof({ weight: 1, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }), {
        minLength: n,
        maxLength: n,
      });
      return fc
        .record({
          userIds: labels(m, 'u'),
          itemIds: labels(n, 'item'),
          cells: fc.array(row, { minLength: m, maxLength: m }),
          confidence:
            kind === 'matrix'
              ? fc.array(fc.array(fc.double({ noNaN: true, min: 0, max: 100 }), { minLength: n, maxLength: n }), {
                  minLength: m,
                  maxLength: m,
                })
              : fc.constant(null),
        })
        .chain((d) => {
          const known = d.cells.flatMap((r, i) => r.flatMap((v, j) => (v === null ? [] : [[i, j] as [number, number]])));
          return fc.shuffledSubarray(known).map((heldOut): LabData =>
            labDataFromDense({
              mode: kind === 'explicit' ? 'explicit' : 'implicit',
              userIds: d.userIds,
              itemIds: d.itemIds,
              cells: d.cells,
              confidence: d.confidence,
              scale: sc,
              heldOut,
            }),
          );
        });
    });
  });

/** The lecture's variant and the exact solve are the defaults a link leaves out: a link carries the others. */
const settingsArb: fc.Arbitrary<Partial<ModelSettings>> = fc
  .record({
    factors: fc.integer({ min: 1, max: 4 }),
    lambda: fc.double({ noNaN: true, min: 0, max: 1e6 }),
    alpha: fc.double({ noNaN: true, min: 0, max: 1e6 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    initScale: fc.double({ noNaN: true, min: 0, max: 10 }),
    solver: fc.constantFrom('als' as const, 'gd' as const),
    learningRate: fc.double({ noNaN: true, min: Number.MIN_VALUE, max: 10 }),
    variant: fc.option(fc.constantFrom('wr' as const, 'biases' as const), { nil: undefined }),
    rowSolver: fc.option(fc.constant('cg' as const), { nil: undefined }),
    cgSteps: fc.integer({ min: 1, max: 50 }),
  })
  .map(({ variant, rowSolver, cgSteps, ...rest }) => ({
    ...rest,
    ...(variant ? { variant } : {}),
    ...(rowSolver ? { rowSolver, cgSteps } : {}),
  }));

/** Every action the app can record (ALS half-steps, gradient steps, row solves), alone and in repeated patterns. */
const actionArb = (m: number, n: number): fc.Arbitrary<RunAction> =>
  fc.oneof(
    fc.constantFrom<RunAction>(
      { kind: 'als', side: 'users' },
      { kind: 'als', side: 'items' },
      { kind: 'gd', sides: 'both' },
      { kind: 'gd', sides: 'users' },
      { kind: 'gd', sides: 'items' },
    ),
    fc.integer({ min: 0, max: m - 1 }).map((index): RunAction => ({ kind: 'row', side: 'users', index })),
    fc.integer({ min: 0, max: n - 1 }).map((index): RunAction => ({ kind: 'row', side: 'items', index })),
  );

const actionsArb = (m: number, n: number): fc.Arbitrary<RunAction[]> =>
  fc.oneof(
    fc.array(actionArb(m, n), { maxLength: 40 }),
    fc
      .array(fc.tuple(fc.array(actionArb(m, n), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 30 })), {
        maxLength: 5,
      })
      .map((gs) => gs.flatMap(([pattern, k]) => Array.from({ length: k }, () => pattern).flat())),
  );

const factorValue = fc.double({ noNaN: true, noDefaultInfinity: true });

function withRun(m: number, n: number, settings: Partial<ModelSettings>, source: SharedLab['source']): fc.Arbitrary<SharedLab> {
  const d = settings.factors ?? 2;
  return fc
    .record({
      actions: actionsArb(m, n),
      factors: fc.option(
        fc.tuple(
          fc.array(factorValue, { minLength: m * d, maxLength: m * d }),
          fc.array(factorValue, { minLength: n * d, maxLength: n * d }),
        ),
      ),
    })
    .map(({ actions, factors }) => ({
      source,
      settings,
      run: factors ? { actions, U: Float64Array.from(factors[0]), V: Float64Array.from(factors[1]) } : { actions },
    }));
}

const editedLab: fc.Arbitrary<SharedLab> = fc
  .tuple(dataArb, settingsArb)
  .chain(([data, settings]) => withRun(data.userIds.length, data.itemIds.length, settings, { kind: 'data', data }));

const presetLab: fc.Arbitrary<SharedLab> = fc
  .tuple(
    fc.constantFrom(...PRESET_IDS),
    fc.option(
      fc.record({
        users: fc.integer({ min: 1, max: 30 }),
        items: fc.integer({ min: 1, max: 30 }),
        density: fc.double({ noNaN: true, min: Number.MIN_VALUE, max: 1 }),
        seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      }),
      { nil: undefined },
    ),
    settingsArb,
  )
  .chain(([preset, random, settings]) => {
    const source: SharedLab['source'] =
      preset === 'random' && random ? { kind: 'preset', preset, random } : { kind: 'preset', preset };
    const [m, n] = preset === 'random' ? (random ? [random.users, random.items] : [8, 10]) : PRESET_SHAPES[preset];
    return preset === 'ml100k'
      ? fc.constant<SharedLab>({ source, settings, run: { actions: acts('uiuiU942I1681') } })
      : withRun(m, n, settings, source);
  });

describe('round trip', () => {
  it('decode(encode(lab)) is lab for edited data: unicode labels, `?`, C, scales, held-out cells, settings, runs and factors', () => {
    fc.assert(
      fc.property(editedLab, (lab) => {
        expect(decodeOk(encodeLab(lab, { maxFactors: Infinity }))).toEqual(lab);
      }),
      { numRuns: 400 },
    );
  });

  it('decode(encode(lab)) is lab for presets, random options included', () => {
    fc.assert(
      fc.property(presetLab, (lab) => {
        expect(decodeOk(encodeLab(lab, { maxFactors: Infinity }))).toEqual(lab);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('hide=controls (a projected demo) round trips, reaches the store options, and an unknown view option is dropped by name', () => {
    const lab: SharedLab = {
      source: { kind: 'preset', preset: 'lecture-r' },
      settings: { lambda: 0.5 },
      run: { actions: [] },
      view: { hideControls: true },
    };
    const text = encodeLab(lab);
    expect(text).toBe('v=1&preset=lecture-r&lambda=0.5&hide=controls');
    expect(decodeOk(text)).toEqual(lab);
    expect(labOptionsOf(decodeOk(text)).hideControls).toBe(true);
    expect(labOptionsOf(decodeOk('v=1&preset=lecture-r')).hideControls).toBeUndefined();
    const strange = decodeLab('v=1&preset=lecture-r&hide=everything');
    expect(strange).toEqual({ ok: false, error: 'its view option hide=“everything” is not one MF Lab knows (hide=controls)' });
    const lenient = decodeLabLenient('v=1&preset=lecture-r&hide=everything');
    expect(lenient.ok && lenient.dropped.map((d) => d.part)).toEqual(['its view option']);
    expect(lenient.ok && lenient.lab.view).toBeUndefined();
  });

  it('settings given only in part stay partial', () => {
    const lab: SharedLab = {
      source: { kind: 'preset', preset: 'tastes' },
      settings: { lambda: 0.5, solver: 'gd' },
      run: { actions: [] },
    };
    expect(decodeOk(encodeLab(lab))).toEqual(lab);
  });

  it('survives the browser’s own fragment handling', () => {
    fc.assert(
      fc.property(editedLab, (lab) => {
        const text = encodeLab(lab, { maxFactors: Infinity });
        const url = new URL('https://example.org/lab/#' + text);
        expect(url.hash).toBe('#' + text);
        expect(decodeOk(url.hash)).toEqual(lab);
      }),
      { numRuns: 200 },
    );
  });
});
