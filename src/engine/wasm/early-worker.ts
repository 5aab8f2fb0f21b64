import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'

/**
 * DuckDB's worker, made before DuckDB's own module is loaded. That module (the client and
 * Arrow) takes the first ~0.7 s of a cold visit to arrive; the worker's script (770 kB) then
 * took as long again to load, and only then was the .wasm requested. Made here, from the
 * entry, the worker's script loads alongside the app's code and the worker is ready when the
 * client asks it to instantiate. Nothing of DuckDB is imported: the bundle choice is the one
 * `selectBundle` makes (exceptions supported → `eh`; no `coi` bundle is offered), by the same
 * probe (a test holds the two to the same answer).
 */
export interface EngineWorker { worker: Worker, eh: boolean }

// The smallest module using a try/catch of WebAssembly's exception handling (wasm-feature-detect's
// `exceptions` probe, as DuckDB-WASM's getPlatformFeatures uses it).
const EXCEPTIONS_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]

export function wasmExceptions(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(new Uint8Array(EXCEPTIONS_PROBE))
  }
  catch {
    return false
  }
}

let early: EngineWorker | null = null

/** Makes the worker now (once); the engine module takes it when it starts (`takeEngineWorker`). */
export function spawnEngineWorker(): void {
  if (early || typeof Worker === 'undefined')
    return
  const eh = wasmExceptions()
  early = { worker: new Worker(eh ? ehWorker : mvpWorker), eh }
}

/** The worker made early, or a new one; either way it is the caller's from now on. */
export function takeEngineWorker(): EngineWorker {
  spawnEngineWorker()
  const w = early!
  early = null
  return w
}
