/**
 * Building data sets in the worker: one builder per kind of {@link DatasetRecipe}, each
 * reporting progress and stopping at its checkpoints when cancelled. The generated presets
 * are built here, the built-in MovieTweetings cuts (movieTweetingsDataset.ts) and files a
 * person opened (fileDataset.ts); a new kind joins by adding its recipe to DatasetRecipe and
 * its builder to BUILDERS.
 */
import { appendUsers, movieLensShaped, syntheticRatings, type Dataset, type Ratings } from '../core';
import type { BuildContext } from './buildContext';
import type { DatasetRecipe } from './protocol';
import { formatCount } from '../core/formatCount';

export { BuildCancelled, type BuildContext } from './buildContext';

type Builder<K extends DatasetRecipe['kind']> = (
  recipe: Extract<DatasetRecipe, { kind: K }>,
  ctx: BuildContext,
) => Promise<Dataset>;

/** Largest generated data set (ratings): a guard against a garbled recipe. */
export const MAX_GENERATED_RATINGS = 5_000_000;

function generated(name: string, description: string, ratings: Ratings): Dataset {
  return {
    name,
    kind: 'explicit',
    ratings,
    scale: { min: 1, max: 5, step: 1 },
    itemTitles: null,
    itemGenres: null,
    timestamps: null,
    test: null,
    source: { kind: 'generated', description },
  };
}

const BUILDERS: { [K in DatasetRecipe['kind']]: Builder<K> } = {
  async preset(recipe, ctx) {
    ctx.progress('generating 100,000 ratings', 0, 1);
    await ctx.checkpoint();
    const R = movieLensShaped(recipe.seed ?? 100);
    ctx.progress('generating 100,000 ratings', 1, 1);
    await ctx.checkpoint();
    return generated(
      'MovieLens-100k shape (synthetic)',
      'Synthetic ratings with the shape and sparsity of MovieLens-100k (943 users × 1,682 items, 100,000 ratings)',
      R,
    );
  },
  async synthetic(recipe, ctx) {
    const { users, items, ratings, seed } = recipe;
    const whole = (x: number) => Number.isInteger(x) && x >= 1;
    if (!whole(users) || !whole(items) || !whole(ratings) || !Number.isInteger(seed))
      throw new RangeError('Generated data needs whole numbers of users, items and ratings, and a whole seed.');
    if (ratings > MAX_GENERATED_RATINGS || ratings > users * items)
      throw new RangeError(
        `Cannot generate ${formatCount(ratings)} ratings for ${users} × ${items} (at most ${formatCount(MAX_GENERATED_RATINGS)}, and no more than the pairs).`,
      );
    ctx.progress('generating ratings', 0, 1);
    await ctx.checkpoint();
    const R = syntheticRatings({ users, items, ratings, seed, rank: 5 });
    ctx.progress('generating ratings', 1, 1);
    await ctx.checkpoint();
    return generated(
      recipe.name ?? `Synthetic ${formatCount(users)} × ${formatCount(items)}`,
      `Synthetic ratings: ${users} users × ${items} items, ${ratings} ratings, seed ${seed}`,
      R,
    );
  },
  // Loaded when first used: the page's main-thread fallback imports this module, and the
  // importers (fflate, the parsers) have no place in the first-load script.
  movietweetings: async (recipe, ctx) => (await import('./movieTweetingsDataset')).buildMovieTweetings(recipe.cut, ctx),
  file: async (recipe, ctx) => (await import('./fileDataset')).buildFileDataset(recipe, ctx),
  async classInMovieTweetings(recipe, ctx) {
    const real = await (await import('./movieTweetingsDataset')).buildMovieTweetings(recipe.cut, ctx);
    const { dataset, unknownItems } = appendUsers(real, recipe.rows, recipe.name, Math.floor(Date.now() / 1000));
    if (unknownItems.length > 0) {
      // Every rating is kept or the class is not opened: a student's row must not lose films silently.
      throw new RangeError(
        `${unknownItems.length === 1 ? 'A film' : `${unknownItems.length} films`} of the survey (${unknownItems.join(', ')}) ${unknownItems.length === 1 ? 'is' : 'are'} not in this cut of MovieTweetings.`,
      );
    }
    return dataset;
  },
};

/** Builds the data set a recipe describes. */
export function buildDataset(recipe: DatasetRecipe, ctx: BuildContext): Promise<Dataset> {
  const builder = BUILDERS[recipe.kind] as Builder<DatasetRecipe['kind']> | undefined;
  if (!builder) return Promise.reject(new RangeError(`There is no way to build a data set of kind “${String(recipe.kind)}”.`));
  return builder(recipe, ctx);
}

/** The distinct buffers of a data set's typed arrays (to transfer it without copying). */
export function datasetBuffers(dataset: Dataset): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (R: Ratings | null) => {
    if (!R) return;
    for (const a of [R.userPtr, R.userCol, R.userVal, R.itemPtr, R.itemRow, R.itemVal, R.itemToUserPos])
      buffers.add(a.buffer as ArrayBuffer);
  };
  add(dataset.ratings);
  add(dataset.test);
  if (dataset.timestamps) buffers.add(dataset.timestamps.buffer as ArrayBuffer);
  return [...buffers];
}
