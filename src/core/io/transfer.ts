/**
 * The buffers of a data set's typed arrays, for `postMessage(dataset, buffers)`: the worker
 * builds the data set and hands its arrays to the page without copying them (ML-1M's are
 * about 40 MB). After the transfer the worker's copies are empty, so it must not use the
 * data set again — send it last, or keep what the worker still needs.
 */
import type { Dataset } from '../dataset';
import type { Ratings } from '../ratings';

function ratingsArrays(R: Ratings): ArrayBufferView[] {
  return [R.userPtr, R.userCol, R.userVal, R.itemPtr, R.itemRow, R.itemVal, R.itemToUserPos];
}

/** Each distinct buffer once (listing a buffer twice makes `postMessage` throw). */
export function datasetBuffers(dataset: Dataset): ArrayBuffer[] {
  const views = [...ratingsArrays(dataset.ratings), ...(dataset.test ? ratingsArrays(dataset.test) : [])];
  if (dataset.timestamps) views.push(dataset.timestamps);
  const out = new Set<ArrayBuffer>();
  for (const view of views) if (view.buffer instanceof ArrayBuffer && view.buffer.byteLength > 0) out.add(view.buffer);
  return [...out];
}
