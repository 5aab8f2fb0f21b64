import type { Analysis } from '../metrics/analysis'
import type { AddedYear } from '../domain/calendar'
import type { Dataset } from '../ingest/dataset/dataset'
import type { RuleSettings } from '../domain/settings'
import { timed } from '../domain/timing'

/** The engine module (and its 30 MB of WASM) is fetched only when data is first analysed. */
const engineModule = () => import('../engine/wasm/browser-worker')

export async function openAnalysis(ds: Dataset, settings: RuleSettings, fallbackYear: number, calendarYears: readonly AddedYear[] = []): Promise<Analysis> {
  const [{ Analysis }, { loadSqlFilesVite }, { openBrowserDb }] = await Promise.all([
    import('../metrics/analysis'),
    import('./sql-files'),
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
