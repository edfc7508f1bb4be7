/**
 * The lab's message in words that fit the solver in use. The store words a convergence for
 * ALS ("ALS has reached a fixed point"); under gradient descent the same test means the steps
 * no longer move the loss, which is not a fixed point of ALS. Pure.
 */
const ALS_FIXED_POINT = /so ALS has reached a fixed point/;

export function statusText(text: string, solver: 'als' | 'gd'): string {
  if (solver !== 'gd') return text;
  return text
    .replace(ALS_FIXED_POINT, 'so gradient descent has settled (a stationary point of the objective, up to η’s step)')
    .replace(/a full step changed the loss/, 'a gradient step changed the loss');
}
