/**
 * Fetches the built-in MovieTweetings files (on demand: only when the data set is chosen) and
 * unpacks them, ready for `loadMovieTweetings`. Runs in the worker or on the page; the base
 * URL is the app's (`import.meta.env.BASE_URL` resolved against the page, or the worker's
 * `self.location`).
 */
import { MOVIETWEETINGS_FILES, RatingsParseError, type MovieTweetingsFiles } from '../core';
import { gunzipIfNeeded } from './zipArchive';

type Fetch = (url: string) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;

/**
 * Both files' bytes, unpacked. A server may send a `.gz` already inflated (Vite's does, with
 * Content-Encoding: gzip); {@link gunzipIfNeeded} looks at the bytes, so either way works.
 */
export async function fetchMovieTweetings(
  baseUrl: string | URL,
  fetchFile: Fetch = fetch,
): Promise<MovieTweetingsFiles & { ratings: Uint8Array; movies: Uint8Array }> {
  const get = async (path: string) => {
    const url = new URL(path, baseUrl).href;
    const response = await fetchFile(url);
    if (!response.ok) {
      throw new RatingsParseError(0, `The built-in MovieTweetings file ${path} could not be loaded (HTTP ${response.status}).`);
    }
    return gunzipIfNeeded(new Uint8Array(await response.arrayBuffer()));
  };
  const [ratings, movies] = await Promise.all([get(MOVIETWEETINGS_FILES.ratings), get(MOVIETWEETINGS_FILES.movies)]);
  return { ratings, movies };
}
