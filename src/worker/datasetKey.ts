/**
 * A data set's content hash: SHA-256 (Web Crypto, off the JavaScript thread where the
 * browser allows) of its shape, kind, scale, labels, titles and the CSR arrays of its
 * ratings and held-out part. Two people who open the same file get the same key, whatever
 * its line endings or column order, so a link can name the data set by it.
 */
import type { Dataset, Ratings } from '../core';

function ratingsParts(R: Ratings | null): Uint8Array[] {
  if (!R) return [];
  return [R.userPtr, R.userCol, R.userVal].map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

/** The hex SHA-256 of a data set's content. */
export async function datasetKey(dataset: Dataset): Promise<string> {
  const R = dataset.ratings;
  const header = JSON.stringify({
    m: R.m,
    n: R.n,
    kind: dataset.kind,
    scale: dataset.scale,
    users: R.userIds,
    items: R.itemIds,
    titles: dataset.itemTitles,
    test: dataset.test ? dataset.test.nnz : null,
  });
  const parts = [new TextEncoder().encode(header), ...ratingsParts(R), ...ratingsParts(dataset.test)];
  const total = parts.reduce((s, p) => s + p.byteLength, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.byteLength;
  }
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
