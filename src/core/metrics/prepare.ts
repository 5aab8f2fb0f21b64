import type { WorkCalendar } from '../calendar'
import type { TableName } from '../contract/tables'
import type { Db } from '../db/types'
import type { LoadIssue } from '../load/issues'
import type { Dataset } from '../load/dataset'
import type { RuleSettings } from '../settings'
import { TABLES } from '../contract/tables'
import { toCsv } from '../db/params'
import { buildSchedule } from './schedule'
import { CALENDAR_COLUMNS, columnTypes, SCHEDULE_COLUMNS, schemaSql } from './schema'

/** Columns whose dates feed working-day arithmetic: they must lie inside the calendar's coverage. */
const CALENDAR_BOUND: Partial<Record<TableName, string[]>> = {
  evaluations: ['rated_at'],
  rectifications: ['contacted_at', 'rectified_at', 'closed_at'],
  applications: ['submitted_at', 'accepted_at', 'completed_at'],
  task_progress: ['report_date', 'done_date'],
}

/**
 * Rows whose working-day dates the calendar cannot count are left out with an error each,
 * rather than judged on a guessed calendar.
 */
export function checkCalendarCoverage(ds: Dataset, cal: WorkCalendar): LoadIssue[] {
  const issues: LoadIssue[] = []
  const { from, to } = cal.coverage
  for (const [table, cols] of Object.entries(CALENDAR_BOUND) as Array<[TableName, string[]]>) {
    const t = ds.tables[table]
    const idx = cols.map(c => t.columns.indexOf(c))
    const fi = t.columns.indexOf('_file')
    const ri = t.columns.indexOf('_row')
    t.rows = t.rows.filter((row) => {
      for (const [k, i] of idx.entries()) {
        const v = row[i]
        if (v && (v.slice(0, 10) < from || v.slice(0, 10) > to)) {
          issues.push({
            severity: 'error',
            code: 'calendar_coverage',
            file: row[fi] ?? table,
            ...(row[ri] ? { row: Number(row[ri]) } : {}),
            column: cols[k]!,
            value: v.slice(0, 10),
            detail: `${from.slice(0, 4)}–${to.slice(0, 4)}`,
          })
          return false
        }
      }
      return true
    })
  }
  return issues
}

/** Creates the schema and loads the data set, the calendar and the judged schedule into `db`. */
export async function loadIntoDb(db: Db, ds: Dataset, cal: WorkCalendar, settings: RuleSettings, fallbackYear: number): Promise<void> {
  await db.exec(schemaSql())
  for (const t of TABLES) {
    const rows = ds.tables[t.name]
    if (rows.rows.length > 0)
      await db.insertCsv(t.name, toCsv(rows.columns, rows.rows), columnTypes(t.name))
  }
  const calRows = cal.rows().map(r => [r.d, r.workday ? 'true' : 'false', String(r.wd_num), r.holiday])
  await db.insertCsv('calendar', toCsv(CALENDAR_COLUMNS.map(c => c.name), calRows), CALENDAR_COLUMNS)
  await loadSchedule(db, ds, settings, fallbackYear)
}

/** Re-parses deadlines (e.g. after the 中旬 day setting changed) and replaces the schedule table. */
export async function loadSchedule(db: Db, ds: Dataset, settings: RuleSettings, fallbackYear: number): Promise<void> {
  const items = buildSchedule(ds, settings, fallbackYear)
  await db.exec('DELETE FROM schedule;')
  if (items.length === 0)
    return
  const names = SCHEDULE_COLUMNS.map(c => c.name)
  const rows = items.map(it => names.map((n) => {
    const v = it[n as keyof typeof it]
    return v === null || v === undefined ? null : String(v)
  }))
  await db.insertCsv('schedule', toCsv(names, rows), SCHEDULE_COLUMNS)
}
