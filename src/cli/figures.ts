// The review every figure command (`metrics`, `report`, `notices`) computes: one way to read
// --data, --calendar and --table, one review-date rule and one plan year, so the three can
// never disagree about the same folder (issue 14 part 5, domain §8a).

import type { Lang } from '../ingest/table/issues'
import type { CliIO } from './main'
import { Analysis } from '../metrics/analysis'
import { chinaToday, reviewDate } from '../domain/dates'
import { formatIssue } from '../ingest/table/issues'
import { dataSpan, planYearFallback } from '../ingest/dataset/span'
import { withDefaults } from '../domain/settings'
import { loadSqlFilesNode } from '../engine/node/sql-files'
import { openNativeDb } from '../engine/node/native'
import { openWithEngineLogs } from '../metrics/load/open'
import { timed } from '../domain/timing'
import { tracedDb, tracing } from './trace'
import { loadCalendarFiles } from './calendar'
import { DATA_OPTIONS, loadFigureData, parseTableOption } from './data'

/** Options every figure command accepts, added to its own parseArgs options. */
export const FIGURE_OPTIONS = {
  ...DATA_OPTIONS,
  'calendar': { type: 'string', multiple: true },
  'data': { type: 'string' },
  'as-of': { type: 'string' },
  'month': { type: 'string' },
  'dept': { type: 'string' },
  'lang': { type: 'string' },
} as const

export interface FigureArgs {
  data: string
  month?: string | undefined
  /** A review date set explicitly: it wins over the month's. */
  asOf?: string | undefined
  calendar?: string[] | undefined
  table?: string[] | undefined
  skipUnreadable?: boolean | undefined
}

export interface OpenedReview {
  analysis: Analysis
  asOf: string
  /** The data's last day: the previous month's review date depends on it. */
  dataEnd: string | null
  close: () => Promise<void>
}

/**
 * Reads the folder as the app reads it, builds the calendar with the added years, opens the
 * analysis and prints the data's issues on stderr. Returns an exit code instead when nothing
 * may be computed: 2 for a malformed --table, 3 for a refused folder. A --calendar file that
 * cannot be read throws CalendarFileError (runCli prints it, exit 1).
 */
export async function openReview(a: FigureArgs, io: CliIO, lang: Lang): Promise<OpenedReview | 2 | 3> {
  const tables = parseTableOption(a.table)
  if (typeof tables === 'string') {
    io.stderr(tables)
    return 2
  }
  const years = await loadCalendarFiles(a.calendar ?? [], io.now(), lang)
  // The engine opens first: it reads the large log files of the folder itself.
  const native = await timed('engine', () => openNativeDb())
  const db = tracing(io) ? tracedDb(native) : native
  try {
    const loaded = await timed('read', () => loadFigureData(a.data, io, lang, { tables, skipUnreadable: a.skipUnreadable ?? false }, db))
    if (!loaded) {
      await db.close()
      return 3
    }
    const ds = loaded.dataset
    // --as-of, else the end of --month (or the data's last day in its last, unfinished month),
    // else the data's last day; never after today.
    const today = chinaToday(io.now())
    const dataEnd = dataSpan(ds, today)?.last ?? null
    const asOf = reviewDate(a.month, a.asOf, dataEnd)?.asOf ?? today
    const open = loaded.engine ? openWithEngineLogs : Analysis.open.bind(Analysis)
    const analysis = await timed('analysis', () => open(db, ds, loadSqlFilesNode(), withDefaults(), planYearFallback(ds, today), years))
    for (const i of [...ds.issues, ...analysis.coverageIssues])
      io.stderr(`${formatIssue(i, lang)}\n`)
    return { analysis, asOf, dataEnd, close: () => db.close() }
  }
  catch (e) {
    await db.close()
    throw e
  }
}
