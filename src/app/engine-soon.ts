import { spawnEngineWorker } from '../engine/wasm/early-worker'

/**
 * Starts the engine without waiting for it: its worker at once (early-worker.ts), DuckDB's
 * client when its module has loaded. Called by the entry on a visit expected to be cold, and
 * by the embedded loader when an expected warm start found no saved copy, or an expected
 * first page of the build (prerender/) could not be fetched. A failure shows
 * when data is first analysed, not here.
 */
let asked = false

export function startEngineSoon(): void {
  // Once: a worker made after the engine took the first would be left idle.
  if (asked)
    return
  asked = true
  spawnEngineWorker()
  void import('../engine/wasm/browser-worker').then(m => m.startEngine()).catch(() => {})
}
