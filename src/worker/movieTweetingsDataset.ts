/**
 * The `movietweetings` recipe: the built-in MovieTweetings 100K snapshot, fetched from the
 * app's own files only when chosen (never part of the first-load script), parsed once per
 * worker, and cut to the chosen preset.
 */
import { loadMovieTweetingsAsync, movieTweetingsPreset, type Dataset, type MovieTweetingsPresetId, type Ratings } from '../core';
import { fetchMovieTweetings } from '../io/fetchMovieTweetings';
import { appBaseUrl, type BuildContext } from './buildContext';

/** The cuts a recipe names: the projector-sized headline, the k-cores, the whole snapshot. */
export type MovieTweetingsCut = 'projector' | 'core20' | 'core10' | 'core5' | 'whole';

const PRESET_OF: Record<MovieTweetingsCut, MovieTweetingsPresetId> = {
  projector: 'headline',
  core20: 'core20',
  core10: 'core10',
  core5: 'core5',
  whole: 'all',
};

/** The whole snapshot, parsed once per worker (a promise, so two quick choices share one fetch). */
let whole: Promise<Dataset> | null = null;

function copyRatings(R: Ratings): Ratings {
  return {
    ...R,
    userPtr: R.userPtr.slice(),
    userCol: R.userCol.slice(),
    userVal: R.userVal.slice(),
    itemPtr: R.itemPtr.slice(),
    itemRow: R.itemRow.slice(),
    itemVal: R.itemVal.slice(),
    itemToUserPos: R.itemToUserPos.slice(),
  };
}

async function loadWhole(ctx: BuildContext): Promise<Dataset> {
  const base = ctx.baseUrl ?? appBaseUrl();
  if (!base) throw new Error('The built-in MovieTweetings files cannot be found: the app has no address here.');
  ctx.progress('fetching MovieTweetings 100K', 0, 1);
  const files = await fetchMovieTweetings(base, ctx.fetchFile ?? ((url) => fetch(url)));
  ctx.progress('fetching MovieTweetings 100K', 1, 1);
  await ctx.checkpoint();
  return loadMovieTweetingsAsync(files, {
    pause: () => ctx.checkpoint(),
    onProgress: (p) => ctx.progress(`${p.phase} MovieTweetings`, p.done, p.total),
  });
}

/** Builds a MovieTweetings cut. The cached snapshot is never handed out itself (its arrays are transferred). */
export async function buildMovieTweetings(cut: MovieTweetingsCut, ctx: BuildContext): Promise<Dataset> {
  const id = PRESET_OF[cut];
  if (!id) throw new RangeError(`MovieTweetings has no cut “${String(cut)}” (known: ${Object.keys(PRESET_OF).join(', ')}).`);
  if (!whole) {
    whole = loadWhole(ctx);
    // A failed or cancelled load is not kept: the next choice tries again.
    whole.catch(() => (whole = null));
  }
  const all = await whole;
  ctx.progress('cutting', 0, 1);
  await ctx.checkpoint();
  const cutOut = movieTweetingsPreset(all, id);
  if (cutOut !== all) return cutOut;
  return {
    ...all,
    ratings: copyRatings(all.ratings),
    timestamps: all.timestamps ? all.timestamps.slice() : null,
    itemTitles: all.itemTitles ? [...all.itemTitles] : null,
  };
}

/** Forgets the parsed snapshot (tests). */
export function forgetMovieTweetings(): void {
  whole = null;
}
