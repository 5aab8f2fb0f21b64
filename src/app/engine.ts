import type { Analysis, SavedAnswers } from '../metrics/analysis'
import type { WorkCalendar } from '../domain/calendar'
import type { LoadIssue } from '../ingest/table/issues'
import type { AddedYear } from '../domain/calendar'
import type { Dataset } from '../ingest/dataset/dataset'
import type { RuleSettings } from '../domain/settings'
import type { Db } from '../metrics/db/types'
import { timed } from '../domain/timing'
import { firstPageOf } from './prerender'
import { keyOf, whenRowsRead } from './warm-start/dataset-cache'
import { whenIdle } from './warm-start/engine-hint'
import { markStart, WARM_START } from './warm-start/marks'
import { waitingDb } from './warm-start/waiting-db'

/** The engine module (and its 30 MB of WASM) is fetched only when data is first analysed. */
const engineModule = () => import('../engine/wasm/browser-worker')

/** What an analysis needs besides the engine's module (a warm start draws its first page without that). */
const analysisModules = () => Promise.all([
  import('../metrics/analysis'),
  import('./sql-files'),
  import('./warm-start/tables'),
  import('./warm-start/answers'),
  import('../metrics/prepare'),
])

/** Asks for those modules ahead: a load does so before its data set is there, so they come meanwhile. */
export function preloadAnalysis(): void {
  analysisModules().catch(() => {})
}

/**
 * The analysis of `ds`. When an earlier visit saved the tables for the same data, settings
 * and calendar (a warm start), it is returned at once: it answers what that visit saved
 * (answers.ts) straight away, and everything else once the tables are back in the engine,
 * restored in the background. Otherwise the tables are built (and then saved when idle).
 */
export async function openAnalysis(ds: Dataset, settings: RuleSettings, fallbackYear: number, calendarYears: readonly AddedYear[] = []): Promise<Analysis> {
  const [{ Analysis }, { loadSqlFilesVite }, warm, { AnswerFile }, { loadIntoDb }] = await analysisModules()
  const openBrowserDb = async () => (await engineModule()).openBrowserDb()
  const sql = loadSqlFilesVite()
  const dataKey = WARM_START ? keyOf(ds) : undefined
  const key = dataKey ? await warm.keyOfTables(settings, fallbackYear, calendarYears, sql) : null
  /** The engine's connection, asked for once `first` has come; awaited below, not an unhandled rejection meanwhile. */
  const openEngine = (first: Promise<void> = Promise.resolve()) => {
    const opening = timed('engine', async () => {
      await first
      return openBrowserDb()
    })
    opening.catch(() => {})
    return opening
  }
  /**
   * An Analysis handed out at once, answering `saved` straight away; `fill` brings the engine
   * and its tables behind it (every other read waits for them), then `after` runs.
   */
  function behind<D extends Db>(fill: (calendar: WorkCalendar) => Promise<D>, saved: SavedAnswers, coverage: LoadIssue[] | null, after?: (a: Analysis, db: D) => void): Analysis {
    let filled: (db: Db) => void = () => {}
    let failed: (e: unknown) => void = () => {}
    const real = new Promise<Db>((resolve, reject) => {
      filled = resolve
      failed = reject
    })
    const a: Analysis = Analysis.restoreInBackground(waitingDb(real), ds, sql, settings, fallbackYear, calendarYears, async (calendar) => {
      try {
        const db = await fill(calendar)
        filled(db)
        after?.(a, db)
      }
      catch (e) {
        failed(e)
        throw e
      }
    }, saved, coverage)
    return a
  }
  const page = firstPageOf(ds)
  if (dataKey && key && page && page.inputs === await warm.keyOfInputs(settings, fallbackYear, calendarYears, sql)) {
    // The build's first page (prerender/): drawn from its answers at once, while the files
    // decode and the engine starts once the page is idle; the tables are then built as on any
    // cold visit, and saved with those answers for the next visit.
    const answers = AnswerFile.parse([dataKey, key], page.answers, true)
    const opening = openEngine(whenIdle())
    markStart('answers', 'prerendered')
    markStart('start', 'prerendered')
    return behind(async (calendar) => {
      await whenRowsRead(ds)
      const db = await opening
      await timed('open', () => loadIntoDb(db, ds, calendar, settings, fallbackYear, sql))
      return db
    }, answers, page.coverage, (a, db) => warm.saveWhenIdle(a, db, dataKey, key, settings, answers))
  }
  // Looked up together (each is a few round trips to the browser); the answers serve a cold build as well.
  const [saved, answers, coverage] = dataKey && key
    ? await timed('warm-answers', () => Promise.all([warm.hasSavedTables(dataKey, key), AnswerFile.open([dataKey, key]), warm.savedCoverage(dataKey, key)]))
    : [false, null, null]
  if (dataKey && key && saved && answers) {
    // The first page is drawn from these answers; the engine starts once the page is idle
    // after that, and the saved tables go back in (engine-hint.ts).
    const opening = openEngine(whenIdle())
    // A warm start's data set is handed on only whole (its big tables' bytes were read meanwhile).
    await whenRowsRead(ds)
    markStart('answers', answers.size > 0 ? 'restored' : 'none')
    // Warm from here on (the first page may draw now); 'cold' again should the saved tables not load.
    markStart('start', 'warm')
    return behind(calendar => warm.restoreOrBuild(opening, openBrowserDb, dataKey, key, ds, calendar, settings, fallbackYear, sql), answers, coverage)
  }
  // The engine first: rows still to come (a restored data set's files, or a first page of the
  // build that these settings cannot use, still decoding) come meanwhile.
  const opening = openEngine()
  try {
    await whenRowsRead(ds)
  }
  catch (e) {
    void opening.then(db => db.close(), () => {})
    throw e
  }
  const db = await opening
  try {
    // Handed out once the small tables are in: the schedule's figures draw while the logs load.
    const a = await timed('open', () => Analysis.openInParts(db, ds, sql, settings, fallbackYear, calendarYears, answers))
    markStart('start', 'cold')
    if (dataKey && key)
      warm.saveWhenIdle(a, db, dataKey, key, settings, answers)
    return a
  }
  catch (e) {
    await db.close()
    throw e
  }
}
