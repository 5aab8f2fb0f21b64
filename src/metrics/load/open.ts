import type { Db } from '../db/types'
import type { Dataset } from '../../ingest/dataset/dataset'
import type { RuleSettings } from '../../domain/settings'
import type { AddedYear } from '../../domain/calendar'
import type { SqlFiles } from '../sql'
import { Analysis } from '../analysis'
import { buildFacts, loadSmallTables } from '../prepare'
import { coverageIssues, dropLogTables, insertLogs } from './finish'
import { LOG_CALENDAR_BOUND, withoutStandIns } from './index'
import { timed } from '../../domain/timing'

/**
 * Analysis.open for a data set whose log tables the engine read (assembleWithEngine): the
 * other tables load as always, the logs move from the loader's tables into the contract's,
 * then the per-row facts are built over them. The calendar warnings of the logs take their
 * place among Analysis's own (checkCalendarCoverage's order: evaluations, rectifications,
 * applications, then the tables it read itself).
 */
export async function openWithEngineLogs(db: Db, ds: Dataset, sql: SqlFiles, settings: RuleSettings, fallbackYear: number, addedYears: readonly AddedYear[] = []): Promise<Analysis> {
  const analysis = await Analysis.restore(db, ds, sql, settings, fallbackYear, addedYears, async (calendar) => {
    // The small tables only: loadIntoDb would build every facts table and aggregate over the
    // still empty logs first, to be replaced a moment later.
    await timed('small tables', () => loadSmallTables(db, withoutStandIns(ds), calendar, settings, fallbackYear, sql))
    await timed('insert logs', () => insertLogs(db))
    await timed('facts', () => buildFacts(db, sql, settings, 'all'))
  })
  const { from, to } = analysis.calendar.coverage
  const logs = []
  for (const [table, cols] of LOG_CALENDAR_BOUND)
    logs.push(...await timed(`coverage ${table}`, () => coverageIssues(db, table, cols, from, to)))
  await dropLogTables(db)
  const ignored = analysis.coverageIssues.filter(i => i.code === 'calendar_year_ignored').length
  analysis.coverageIssues.splice(ignored, 0, ...logs)
  return analysis
}
