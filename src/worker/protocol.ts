/**
 * The page ↔ worker protocol. The worker owns the model (R, U, V); the page sends
 * commands and renders the snapshots it gets back. Every request carries an id and a
 * generation: replies from an older generation (before a reset or a new data set) are
 * dropped by the client.
 */
import type {
  ConfidenceComparison,
  HalfStepResult,
  SweepOptions,
  SweepPoint,
  LossParts,
  Mode,
  SingularRow,
  SolveTrace,
  Side,
} from '../core';

/** Known entries as parallel arrays (row, column, value), with the matrix shape and labels. */
export interface EntryList {
  rows: Int32Array;
  cols: Int32Array;
  values: Float64Array;
}

/** What to factorise: everything the worker needs to rebuild the core's Problem. */
export interface ProblemSpec {
  mode: Mode;
  m: number;
  n: number;
  userIds: string[];
  itemIds: string[];
  /** Training entries: ratings (explicit) or observations r_ij ≥ 0 (implicit, c = 1 + α·r). */
  train: EntryList;
  /** Held-out entries, for the held-out RMSE. */
  test: EntryList | null;
  /** Implicit only: P and C given entry by entry (the lecture's), instead of c = 1 + α·r. */
  matrices: { P: number[][]; C: number[][] } | null;
}

export type Solver = 'als' | 'gd';

export interface ModelSettings {
  /** d, the number of latent factors. */
  factors: number;
  lambda: number;
  alpha: number;
  seed: number;
  /** Standard deviation of the initial entries of U and V. */
  initScale: number;
  solver: Solver;
  /** η, gradient descent's learning rate. */
  learningRate: number;
}

/** The kind of action a snapshot follows. */
export type StepKind = 'init' | 'users' | 'items' | 'row' | 'gd' | 'update' | 'restore';

export interface Metrics extends LossParts {
  trainRmse: number;
  testRmse: number | null;
}

/** The model after an action: what every view renders. */
export interface Snapshot {
  generation: number;
  /** Number of actions (half-steps or gradient steps) since initialisation. */
  step: number;
  kind: StepKind;
  m: number;
  n: number;
  d: number;
  /** The factors after the action; null for the earlier steps of a batch played at full speed. */
  U: Float64Array | null;
  V: Float64Array | null;
  metrics: Metrics;
  /** Rows whose systems were singular in this action (their vectors were left unchanged). */
  singular: SingularRow[];
  /** Gradient descent divergence, in words. */
  diverged: string | null;
  /** Which side the action solved, for highlighting. */
  solved: Side | 'both' | null;
  /** For a single-row solve ('row'): the row it solved. */
  row: number | null;
  /** A note about the action (e.g. why the model was re-initialised). */
  note: string | null;
}

export type Request =
  | { type: 'load'; spec: ProblemSpec; settings: ModelSettings; keepFactors: boolean }
  | { type: 'init' }
  | { type: 'halfStep'; side: Side }
  | { type: 'step' }
  | { type: 'settings'; settings: ModelSettings }
  | { type: 'play'; delayMs: number; maxSteps: number }
  | { type: 'pause' }
  | { type: 'restore'; U: Float64Array; V: Float64Array; step: number }
  | { type: 'solveRow'; side: Side; index: number }
  | { type: 'trace'; side: Side; index: number; factors: { U: Float64Array; V: Float64Array } | null }
  | { type: 'compareConfidence'; alpha: number; iterations: number }
  | { type: 'replay'; actions: string }
  | { type: 'sweep'; spec: ProblemSpec; options: SweepOptions };

export type RequestType = Request['type'];

/** Replies: one per request, plus a stream of snapshots while playing. */
export type Reply =
  | { type: 'snapshot'; id: number; generation: number; snapshots: Snapshot[] }
  | { type: 'trace'; id: number; generation: number; trace: SolveTrace }
  | { type: 'comparison'; id: number; generation: number; comparison: ConfidenceComparison }
  | { type: 'sweep'; id: number; generation: number; result: SweepResult }
  | { type: 'error'; id: number; generation: number; message: string }
  | { type: 'stopped'; id: number; generation: number; reason: string };

export interface Envelope {
  id: number;
  generation: number;
  request: Request;
}

export type { HalfStepResult };

export interface SweepResult {
  points: SweepPoint[];
  train: number;
  test: number;
}
