import type { Analysis } from '../core/analysis'
import type { AddedYear } from '../core/calendar'
import type { Dataset } from '../core/load/dataset'
import type { RuleSettings } from '../core/settings'
import { timed } from '../core/timing'

/** The engine module (and its 30 MB of WASM) is fetched only when data is first analysed. */
const engineModule = () => import('../db/browser-worker')

export async function openAnalysis(ds: Dataset, settings: RuleSettings, fallbackYear: number, calendarYears: readonly AddedYear[] = []): Promise<Analysis> {
  const [{ Analysis }, { loadSqlFilesVite }, { openBrowserDb }] = await Promise.all([
    import('../core/analysis'),
    import('../core/sql/files-vite'),
    engineModule(),
  ])
  const db = await timed('engine', () => openBrowserDb())
  try {
    return await timed('open', () => Analysis.open(db, ds, loadSqlFilesVite(), settings, fallbackYear, calendarYears))
  }
  catch (e) {
    await db.close()
    throw e
  }
}

/** Starts fetching and compiling the engine while the page renders its skeleton. */
export function warmEngine(): void {
  void engineModule().then(m => m.startEngine())
}
