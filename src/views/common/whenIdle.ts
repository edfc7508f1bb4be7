/** Calls `then` in an idle moment (or after `timeout` ms at the latest); returns a cancel. */
export function whenIdle(then: () => void, timeout = 1500): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(then, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(then, Math.min(timeout, 300));
  return () => clearTimeout(id);
}
