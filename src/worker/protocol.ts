/**
 * The page ↔ worker protocol. The worker owns the model (R, U, V); the page sends
 * commands and renders the snapshots it gets back. Every request carries an id and a
 * generation: replies from an older generation (before a reset or a new data set) are
 * dropped by the client. Each request type names its replies in {@link ReplyMap}, and
 * {@link ReplyFor} derives a request's reply type from it (excalidraw's habit), so the
 * dispatcher cannot answer a request with a reply its caller does not expect.
 */
import type {
  ConfidenceComparison,
  Dataset,
  HalfStepResult,
  LossParts,
  Mode,
  Side,
  SingularRow,
  SolveTrace,
  SweepOptions,
  SweepPoint,
} from '../core';
import type { RunAction } from './actions';
import type { AlsOptions, Biases, CurveConfig, NewUserRow, RowSolver, Variant, VariantCurve } from '../core';
import type { FileRecipe } from './fileDataset';
import type { HeldOutSpec, SearchOptions, SearchProgress, SearchResult } from '../core';
import type { LabEvaluation } from './evaluation';
import type { MovieTweetingsCut } from './movieTweetingsDataset';
import type { DensityBins, Region } from '../core';

export type { FileRecipe, RecipeFile } from './fileDataset';
export type { LabEvaluation } from './evaluation';
export type { MovieTweetingsCut } from './movieTweetingsDataset';

/** Known entries of a matrix in CSR by user: row i's entries are ptr[i]..ptr[i+1] (columns sorted). */
export interface SparseRows {
  ptr: Int32Array;
  col: Int32Array;
  val: Float64Array;
}

/** What to factorise: everything the worker needs to rebuild the core's Problem. */
export interface ProblemSpec {
  mode: Mode;
  m: number;
  n: number;
  userIds: readonly string[];
  itemIds: readonly string[];
  /** Training entries: ratings (explicit), observations r_ij ≥ 0 (implicit, c = 1 + α·r), or P's known entries. */
  train: SparseRows;
  /** Held-out entries, for the held-out RMSE. */
  test: SparseRows | null;
  /** Implicit only: the lecture's C (base for every pair not listed), instead of c = 1 + α·r. */
  confidence: { base: number; entries: SparseRows } | null;
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
  /** The model variant: the lecture's objective, ALS-WR (λ per rating) or biases (explicit only). */
  variant: Variant;
  /** How ALS solves each row: the exact closed form, or a few conjugate-gradient steps. */
  rowSolver: RowSolver;
  /** Conjugate-gradient steps per row when rowSolver = 'cg'. */
  cgSteps: number;
}

/** The core's options for one ALS half-step under these settings. */
export function alsOptionsOf(settings: ModelSettings): AlsOptions {
  return { variant: settings.variant, lambda: settings.lambda, solver: settings.rowSolver, cgSteps: settings.cgSteps };
}

/** The kind of action a snapshot follows. */
export type StepKind = 'init' | 'users' | 'items' | 'row' | 'gd' | 'update' | 'restore';

export interface Metrics extends LossParts {
  trainRmse: number;
  testRmse: number | null;
}

/** UVᵀ at evenly sampled rows and columns (row-major rows.length × cols.length), for large models. */
export interface ProductSample {
  rows: Int32Array;
  cols: Int32Array;
  values: Float64Array;
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
  /**
   * The biases variant's μ, bᵢ and cⱼ (r̂ = μ + bᵢ + cⱼ + uᵢᵀvⱼ), kept with U and V; absent or null
   * for the other variants (r̂ = uᵢᵀvⱼ).
   */
  biases?: Biases | null;
  /** For large models (m·n above LARGE_PRODUCT), UVᵀ at the rows and columns a heatmap draws; null otherwise. */
  product: ProductSample | null;
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

/**
 * How to build a data set in the worker: the generated presets, a cut of the built-in
 * MovieTweetings snapshot (fetched on demand), or files a person opened (see
 * datasetBuilders.ts). The command, progress and cancel are the same for all.
 */
export type DatasetRecipe =
  | { kind: 'preset'; preset: 'ml100k'; seed?: number }
  | { kind: 'synthetic'; users: number; items: number; ratings: number; seed: number; name?: string }
  | { kind: 'movietweetings'; cut: MovieTweetingsCut }
  /** A class's survey rows appended below a MovieTweetings cut's real raters (see appendUsers). */
  | { kind: 'classInMovieTweetings'; cut: MovieTweetingsCut; rows: NewUserRow[]; name: string }
  | FileRecipe;

export type Request =
  | { type: 'load'; spec: ProblemSpec; settings: ModelSettings; keepFactors: boolean }
  | { type: 'init' }
  | { type: 'halfStep'; side: Side }
  | { type: 'step' }
  | { type: 'settings'; settings: ModelSettings }
  | { type: 'play'; delayMs: number; maxSteps: number }
  | { type: 'pause' }
  | { type: 'restore'; U: Float64Array; V: Float64Array; step: number; biases?: Biases | null }
  | { type: 'solveRow'; side: Side; index: number }
  | { type: 'trace'; side: Side; index: number; factors: { U: Float64Array; V: Float64Array; biases?: Biases | null } | null }
  | { type: 'compareConfidence'; alpha: number; iterations: number }
  | { type: 'replay'; actions: RunAction[] }
  | { type: 'sweep'; spec: ProblemSpec; options: SweepOptions }
  | { type: 'buildDataset'; recipe: DatasetRecipe }
  | { type: 'cancel'; target: number }
  /** Model variants side by side on the lab's data and held-out cells, from the lab's seeded start (cancel: `cancel`). */
  | { type: 'compareVariants'; configs: CurveConfig[]; iterations: number }
  /** The current factors on the held-out cells, beside the baselines; k is the ranking cut-off (implicit). */
  | { type: 'evaluate'; k: number }
  /** A grid search over d × λ (× α) on a spec's training entries; stateless, progress as it goes, cancellable. */
  | { type: 'search'; spec: ProblemSpec; options: SearchOptions }
  /** Which positions of R (user order) a held-out split holds out, for data too large to split on the page. */
  | {
      type: 'holdOut';
      rows: { m: number; nnz: number; userPtr: Int32Array };
      timestamps: Float64Array | null;
      spec: HeldOutSpec;
    }
  /** R's known cells in bins over a region of R with its rows and columns ordered (the density view). */
  | { type: 'density'; query: DensityQuery }
  /** Which users and items a dense-core cut keeps (chosen on the worker's copy of R). */
  | { type: 'cut'; spec: CutSpec };

/** How the density view orders rows (users) or columns (items). */
export type OrderBy = { kind: 'activity' } | { kind: 'original' } | { kind: 'factor'; k: number };

export interface DensityQuery {
  rows: OrderBy;
  cols: OrderBy;
  /** Ordered positions to show; null for all of R. */
  region: Region | null;
  /** At most this many bins down and across (the canvas's pixels). */
  maxRows: number;
  maxCols: number;
}

/** A dense core: the top-N users × top-M items, or a minimum of ratings per user and per item (until stable). */
export type CutSpec = { kind: 'top'; users: number; items: number } | { kind: 'min'; perUser: number; perItem: number };

export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

interface ReplyBase {
  id: number;
  generation: number;
}
export interface SnapshotReply extends ReplyBase {
  type: 'snapshot';
  snapshots: Snapshot[];
}
export interface TraceReply extends ReplyBase {
  type: 'trace';
  trace: SolveTrace;
}
export interface ComparisonReply extends ReplyBase {
  type: 'comparison';
  comparison: ConfidenceComparison;
}
export interface SweepReply extends ReplyBase {
  type: 'sweep';
  result: SweepResult;
}
export interface DatasetReply extends ReplyBase {
  type: 'dataset';
  dataset: Dataset;
  /** Content hash of the data set (hex), computed where it was built. */
  key: string;
}
export interface ProgressReply extends ReplyBase {
  type: 'progress';
  /** What is being done ("generating ratings", "building the matrix"). */
  phase: string;
  done: number;
  total: number;
}
export interface StoppedReply extends ReplyBase {
  type: 'stopped';
  reason: string;
}
/** The curves of a variant comparison: one per config, in order. */
export interface VariantCurvesReply extends ReplyBase {
  type: 'variantCurves';
  curves: VariantCurve[];
  /** Held-out cells the held-out RMSE was measured on (0: nothing held out). */
  heldOut: number;
}
/** A request that needs no other answer (pause when not playing, cancel). */
export interface AckReply extends ReplyBase {
  type: 'ack';
}
export interface ErrorReply extends ReplyBase {
  type: 'error';
  message: string;
  /** The request was cancelled (not a failure). */
  cancelled?: boolean;
}
/** Sent by the client itself (never by the worker): the worker died or hung and a new one was started. */
export interface RestartedReply extends ReplyBase {
  type: 'restarted';
  reason: string;
}

export interface EvaluationReply extends ReplyBase {
  type: 'evaluation';
  evaluation: LabEvaluation;
}
export interface SearchProgressReply extends ReplyBase {
  type: 'searchProgress';
  progress: SearchProgress;
}
export interface SearchReply extends ReplyBase {
  type: 'search';
  result: SearchResult;
}
export interface HeldOutReply extends ReplyBase {
  type: 'heldOut';
  /** Held-out positions of R in user order, ascending. */
  positions: Int32Array;
}

export interface DensityReply extends ReplyBase {
  type: 'density';
  bins: DensityBins;
  /** The region shown (clamped to R) and the orders it is in: position → user or item index. */
  region: Region;
  rowOrder: Int32Array;
  colOrder: Int32Array;
  /** The data's shape when the bins were made (a reply about other data is stale). */
  m: number;
  n: number;
}
export interface CutReply extends ReplyBase {
  type: 'cut';
  users: Int32Array;
  items: Int32Array;
  /** Known cells between them. */
  known: number;
}

/** The replies each request type may get (besides an error). */
export interface ReplyMap {
  load: SnapshotReply;
  init: SnapshotReply;
  halfStep: SnapshotReply;
  step: SnapshotReply;
  settings: SnapshotReply;
  play: SnapshotReply | StoppedReply;
  pause: AckReply;
  restore: SnapshotReply;
  solveRow: SnapshotReply;
  trace: TraceReply;
  compareConfidence: ComparisonReply;
  replay: SnapshotReply;
  sweep: SweepReply;
  buildDataset: DatasetReply | ProgressReply;
  cancel: AckReply;
  compareVariants: VariantCurvesReply | ProgressReply;
  evaluate: EvaluationReply;
  search: SearchReply | SearchProgressReply;
  holdOut: HeldOutReply;
  density: DensityReply;
  cut: CutReply;
}

/** The replies a request may get. */
export type ReplyFor<R extends Request> = ReplyMap[R['type']] | ErrorReply;

/** Every reply the worker sends, plus the client's own `restarted`. */
export type Reply = ReplyFor<Request> | RestartedReply;

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

/** Above this many entries UVᵀ is not drawn whole: the worker sends it at sampled rows and columns. */
export const LARGE_PRODUCT = 200_000;
/** How many rows and columns of a large UVᵀ the worker samples (the canvas heatmap's resolution). */
export const PRODUCT_SAMPLE = { rows: 420, cols: 640 } as const;
