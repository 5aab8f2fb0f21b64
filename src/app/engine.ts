import type { Analysis } from '../core/analysis'
import type { Db } from '../core/db/types'
import type { Dataset } from '../core/load/dataset'
import type { RuleSettings } from '../core/settings'

let dbPromise: Promise<Db> | null = null

/** The engine module (and its 30 MB of WASM) is fetched only when data is first analysed. */
function engineDb(): Promise<Db> {
  dbPromise ??= import('../db/browser-worker').then(m => m.openBrowserDb())
  return dbPromise
}

export async function openAnalysis(ds: Dataset, settings: RuleSettings, fallbackYear: number): Promise<Analysis> {
  const [{ Analysis }, { loadSqlFilesVite }, db] = await Promise.all([
    import('../core/analysis'),
    import('../core/sql/files-vite'),
    engineDb(),
  ])
  return Analysis.open(db, ds, loadSqlFilesVite(), settings, fallbackYear)
}

/** Starts fetching and compiling the engine while the page renders its skeleton. */
export function warmEngine(): void {
  void engineDb()
}
