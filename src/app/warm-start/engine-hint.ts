/**
 * Whether to start the engine at once. On a warm start the first page is drawn from saved
 * answers, and compiling DuckDB's 8 MB of WASM then only competes with drawing it for the
 * machine's cores (a second visit drew ~0.9 s later with the engine started at once than with
 * it started after, A/B on this machine). On a cold start the engine is the longest wait, so it
 * starts with the page. Which one comes is known only once the saved copy is looked up, so the
 * last save leaves a hint here, read synchronously by the entry; a wrong hint costs only the
 * time to that lookup (a miss starts the engine then and clears the hint).
 */
const KEY = 'duban-warm-hint'

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  }
  catch {
    return null // storage blocked: no hint, the engine starts at once
  }
}

/** True when the last visit saved a warm start (so this one will most likely be warm). */
export function warmLikely(): boolean {
  try {
    return storage()?.getItem(KEY) === '1'
  }
  catch {
    return false
  }
}

export function hintWarm(likely: boolean): void {
  try {
    if (likely)
      storage()?.setItem(KEY, '1')
    else
      storage()?.removeItem(KEY)
  }
  catch {
    // Quota or privacy mode: the next visit simply starts the engine at once.
  }
}

/** Resolves once the page has drawn what it could and the main thread is idle (or after `timeout` ms). */
export function whenIdle(timeout = 1500): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout })
    else
      setTimeout(resolve, 0)
  })
}
