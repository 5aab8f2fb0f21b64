import type { Analysis } from '../metrics/analysis'
import type { AddedYear } from '../domain/calendar'
import type { Dataset } from '../ingest/dataset/dataset'
import type { RuleSettings } from '../domain/settings'
import { timed } from '../domain/timing'
import { keyOf } from './warm-start/dataset-cache'
import { markStart, WARM_START } from './warm-start/marks'

/** The engine module (and its 30 MB of WASM) is fetched only when data is first analysed. */
const engineModule = () => import('../engine/wasm/browser-worker')

/**
 * The analysis of `ds`: from the tables an earlier visit saved for the same data, settings
 * and calendar when there are any (a warm start), else built (and then saved when idle).
 */
export async function openAnalysis(ds: Dataset, settings: RuleSettings, fallbackYear: number, calendarYears: readonly AddedYear[] = []): Promise<Analysis> {
  const [{ Analysis }, { loadSqlFilesVite }, { openBrowserDb }, warm] = await Promise.all([
    import('../metrics/analysis'),
    import('./sql-files'),
    engineModule(),
    import('./warm-start/tables'),
  ])
  const sql = loadSqlFilesVite()
  // The engine's connection is made while the saved tables are read.
  let opening = timed('engine', () => openBrowserDb())
  opening.catch(() => {}) // awaited below; not an unhandled rejection meanwhile
  const dataKey = WARM_START ? keyOf(ds) : undefined
  const key = dataKey ? await warm.keyOfTables(settings, fallbackYear, calendarYears, sql) : null
  const saved = dataKey && key ? await timed('warm-read', () => warm.savedTables(dataKey, key)) : null
  if (saved) {
    const db = await opening
    try {
      const a = await timed('open-warm', () => Analysis.restore(db, ds, sql, settings, fallbackYear, calendarYears, () => warm.fillFromSaved(db, saved)))
      markStart('start', 'warm')
      return a
    }
    catch {
      // A saved copy that does not load (damaged, or from an engine that reads it otherwise) is
      // not an error to show: the data set is built as on a first visit.
      await db.close().catch(() => {})
      opening = openBrowserDb()
    }
  }
  const db = await opening
  try {
    const a = await timed('open', () => Analysis.open(db, ds, sql, settings, fallbackYear, calendarYears))
    markStart('start', 'cold')
    if (dataKey && key)
      warm.saveWhenIdle(a, db, dataKey, key, settings)
    return a
  }
  catch (e) {
    await db.close()
    throw e
  }
}
