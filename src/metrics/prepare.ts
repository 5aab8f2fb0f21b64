import type { WorkCalendar } from '../domain/calendar'
import type { TableName } from '../domain/contract/tables'
import type { Db } from './db/types'
import type { LoadIssue } from '../ingest/table/issues'
import type { Dataset } from '../ingest/dataset/dataset'
import type { RuleSettings } from '../domain/settings'
import type { SqlFiles, SqlName } from './sql'
import { TABLES } from '../domain/contract/tables'
import { toCsv } from './db/params'
import { composeSql } from './sql'
import { timed } from '../domain/timing'
import { buildSchedule, scheduleUnits } from './schedule'
import { splitUnits } from '../domain/units/split'
import { BUNDLE_UNIT_COLUMNS, CALENDAR_COLUMNS, columnTypes, SCHEDULE_COLUMNS, SCHEDULE_UNIT_COLUMNS, schemaSql } from './schema'

/** Columns whose dates feed working-day arithmetic: they must lie inside the calendar's coverage. */
export const CALENDAR_BOUND: Partial<Record<TableName, string[]>> = {
  evaluations: ['rated_at'],
  rectifications: ['contacted_at', 'rectified_at', 'closed_at'],
  applications: ['submitted_at', 'accepted_at', 'completed_at'],
  task_progress: ['report_date', 'done_date'],
}

/**
 * Dates in a year the calendar does not cover. The rows stay: a limit beyond the calendar is
 * after its last day, and only what truly depends on the missing year is counted as pending
 * (domain section 4a). One warning per file, column and year, naming its first row, how many
 * rows and where the year is added.
 */
export function checkCalendarCoverage(ds: Dataset, cal: WorkCalendar): LoadIssue[] {
  const found = new Map<string, LoadIssue>()
  const { from, to } = cal.coverage
  for (const [table, cols] of Object.entries(CALENDAR_BOUND) as Array<[TableName, string[]]>) {
    const t = ds.tables[table]
    const idx = cols.map(c => t.columns.indexOf(c))
    const fi = t.columns.indexOf('_file')
    const ri = t.columns.indexOf('_row')
    for (const row of t.rows) {
      for (const [k, i] of idx.entries()) {
        const v = row[i]?.slice(0, 10)
        if (!v || (v >= from && v <= to))
          continue
        const file = row[fi] ?? table
        const key = `${file}\u0000${cols[k]}\u0000${v.slice(0, 4)}`
        const seen = found.get(key)
        if (seen) {
          seen.count = (seen.count ?? 1) + 1
          continue
        }
        found.set(key, {
          severity: 'warning',
          code: 'calendar_coverage',
          file,
          ...(row[ri] ? { row: Number(row[ri]) } : {}),
          column: cols[k]!,
          value: v,
          detail: `${from.slice(0, 4)}–${to.slice(0, 4)}`,
          count: 1,
        })
      }
    }
  }
  return [...found.values()]
}

/** The logs: the big tables, loaded (with the facts made from them) after the small ones. */
export const LOG_TABLES: readonly TableName[] = ['applications', 'evaluations', 'rectifications']

/** Creates the schema and loads the data set, the calendar, the judged schedule and the per-row facts into `db`. */
export async function loadIntoDb(db: Db, ds: Dataset, cal: WorkCalendar, settings: RuleSettings, fallbackYear: number, files: SqlFiles): Promise<void> {
  await loadSmallTables(db, ds, cal, settings, fallbackYear, files)
  await loadLogs(db, ds, settings, files)
}

/**
 * The schema, the lists, the schedule and its progress, the baselines and the calendar: all
 * that the schedule and reduction figures read, a few thousand rows at most.
 */
export async function loadSmallTables(db: Db, ds: Dataset, cal: WorkCalendar, settings: RuleSettings, fallbackYear: number, files: SqlFiles): Promise<void> {
  await db.exec(schemaSql())
  for (const t of TABLES.filter(x => !LOG_TABLES.includes(x.name)))
    await insertTable(db, ds, t.name)
  const calRows = cal.rows().map(r => [r.d, r.workday ? 'true' : 'false', String(r.wd_num), r.holiday])
  await db.insertCsv('calendar', toCsv(CALENDAR_COLUMNS.map(c => c.name), calRows), CALENDAR_COLUMNS)
  await db.exec(`CREATE OR REPLACE TABLE calendar_bounds AS ${composeSql(files, 'agg_calendar_bounds')}`)
  await loadSchedule(db, ds, settings, fallbackYear, files)
  await loadBundleUnits(db, ds)
}

/** The log tables and the per-row facts and aggregates made from them (after loadSmallTables). */
export async function loadLogs(db: Db, ds: Dataset, settings: RuleSettings, files: SqlFiles, chunkRows?: number): Promise<void> {
  for (const name of LOG_TABLES)
    await insertTable(db, ds, name, chunkRows)
  await timed('facts', () => buildFacts(db, files, settings, 'all'))
}

/**
 * Rows per insert: at least 10,000, and a big table in at most 8 inserts. The engine answers
 * one statement at a time, so a read the page asks while a log table goes in
 * (Analysis.openInParts) waits for the chunk under way, not the table; each insert costs a
 * staging table of its own, so a million rows in 10,000-row chunks took ~30% longer.
 */
export function insertChunkRows(rows: number): number {
  return Math.max(10_000, Math.ceil(rows / 8))
}

async function insertTable(db: Db, ds: Dataset, name: TableName, chunkRows?: number): Promise<void> {
  const t = TABLES.find(x => x.name === name)!
  const rows = ds.tables[name]
  if (rows.rows.length === 0)
    return
  // Names, phones and ID numbers never enter the engine: no metric reads them, so no
  // query, chart or export built on SQL can show them. They are also the longest and most
  // varied text of the logs, so leaving them out halves what the engine has to parse.
  const personal = new Set(t.columns.filter(c => c.personal).map(c => c.name))
  const types = columnTypes(name).filter(c => !personal.has(c.name))
  const pick = types.map(c => rows.columns.indexOf(c.name))
  // Columns straight from the rows where the engine takes them (no CSV text to build and parse).
  if (db.insertRows) {
    const chunk = chunkRows ?? insertChunkRows(rows.rows.length)
    await timed(`insert ${name}`, async () => {
      for (let i = 0; i < rows.rows.length; i += chunk)
        await db.insertRows!(name, types, rows.rows.slice(i, i + chunk), pick)
    })
    return
  }
  const csv = await timed(`stage ${name}`, () => toCsv(types.map(c => c.name), rows.rows, pick))
  await timed(`insert ${name}`, () => db.insertCsv(name, csv, types))
}

/**
 * Names any log table or a table made from one (facts, aggregates): a SQL file that names
 * none of them can answer before the logs are in (Analysis.openInParts).
 */
export const LOGS_READ = new RegExp(`\\b(?:${[...LOG_TABLES, 'application_facts', 'bad_review_facts', ...['application_dims', 'application_agg', 'application_dept_agg', 'application_elapsed_agg', 'evaluation_dims', 'evaluation_agg']].join('|')})\\b`)

/** Which per-row facts tables a settings change makes stale. */
export function staleFacts(before: RuleSettings, after: RuleSettings): FactsTable[] {
  const out: FactsTable[] = []
  if (before.acceptWd !== after.acceptWd)
    out.push('application_facts')
  if (before.contactDays !== after.contactDays || before.rectifyDays !== after.rectifyDays
    || before.complexDays !== after.complexDays || before.dayKind !== after.dayKind)
    out.push('bad_review_facts')
  return out
}

export type FactsTable = 'application_facts' | 'bad_review_facts'

const FACTS: Record<FactsTable, { file: SqlName, params: (s: RuleSettings) => Record<string, string | number> }> = {
  application_facts: { file: 'facts_applications', params: s => ({ accept_wd: s.acceptWd }) },
  bad_review_facts: {
    file: 'facts_bad_reviews',
    params: s => ({ contact_days: s.contactDays, rectify_days: s.rectifyDays, complex_days: s.complexDays, day_kind: s.dayKind }),
  },
}

/**
 * Materialises the per-row limits (facts_*.sql) that do not depend on the review date, so
 * a filter change reads dates instead of redoing working-day arithmetic on every row, and
 * the per-day aggregates made from them (agg_*.sql), so that it mostly reads small tables.
 * Run after the logs are loaded and whenever a setting they use changes.
 */
export async function buildFacts(db: Db, files: SqlFiles, settings: RuleSettings, which: FactsTable[] | 'all'): Promise<void> {
  const tables = which === 'all' ? Object.keys(FACTS) as FactsTable[] : which
  for (const table of tables) {
    const f = FACTS[table]
    await db.query(`CREATE OR REPLACE TABLE ${table} AS ${composeSql(files, f.file)}`, f.params(settings))
  }
  for (const agg of AGGREGATES.filter(a => a.from === 'all' ? which === 'all' : tables.includes(a.from)))
    await timed(`aggregate ${agg.table}`, () => db.exec(`CREATE OR REPLACE TABLE ${agg.table} AS ${composeSql(files, agg.file)}`))
}

/**
 * The per-day aggregates (agg_*.sql) the summary SQL reads instead of the facts, in the order
 * they build on each other, and the facts table each is made from: rebuilt with it ('all':
 * only when every facts table is, after a load).
 */
const AGGREGATES: ReadonlyArray<{ table: string, file: SqlName, from: FactsTable | 'all' }> = [
  { table: 'application_dims', file: 'agg_application_dims', from: 'application_facts' },
  { table: 'application_agg', file: 'agg_applications', from: 'application_facts' },
  { table: 'application_dept_agg', file: 'agg_application_depts', from: 'application_facts' },
  { table: 'application_elapsed_agg', file: 'agg_application_elapsed', from: 'application_facts' },
  // Volumes depend on no rule setting: built when all facts are (after a load), from the log.
  { table: 'evaluation_dims', file: 'agg_evaluation_dims', from: 'all' },
  { table: 'evaluation_agg', file: 'agg_evaluations', from: 'all' },
]

/** One row per bundle and each single unit of its 牵头部门 cells (domain §2a). */
export async function loadBundleUnits(db: Db, ds: Dataset): Promise<void> {
  const t = ds.tables.bundles
  const name = t.columns.indexOf('bundle_name')
  const lead = t.columns.indexOf('lead_dept')
  const seen = new Set<string>()
  const rows: string[][] = []
  for (const r of t.rows) {
    for (const unit of splitUnits(r[lead]).lead) {
      const key = `${r[name]}\u0000${unit}`
      if (r[name] && !seen.has(key)) {
        seen.add(key)
        rows.push([r[name]!, unit])
      }
    }
  }
  if (rows.length > 0)
    await db.insertCsv('bundle_units', toCsv(BUNDLE_UNIT_COLUMNS.map(c => c.name), rows), BUNDLE_UNIT_COLUMNS)
}

/** Re-parses deadlines (e.g. after the 中旬 day setting changed) and replaces the schedule table. */
export async function loadSchedule(db: Db, ds: Dataset, settings: RuleSettings, fallbackYear: number, files: SqlFiles): Promise<void> {
  const items = buildSchedule(ds, settings, fallbackYear)
  await db.exec('DELETE FROM schedule; DELETE FROM schedule_units;')
  const names = SCHEDULE_COLUMNS.map(c => c.name)
  const rows = items.map(it => names.map((n) => {
    const v = it[n as keyof typeof it]
    return v === null || v === undefined ? null : String(v)
  }))
  if (rows.length > 0)
    await db.insertCsv('schedule', toCsv(names, rows), SCHEDULE_COLUMNS)
  const units = scheduleUnits(items).map(u => [u.task_id, u.unit, u.role, String(u.ord)])
  if (units.length > 0)
    await db.insertCsv('schedule_units', toCsv(SCHEDULE_UNIT_COLUMNS.map(c => c.name), units), SCHEDULE_UNIT_COLUMNS)
  // Made again with the units, so it never lists those of a schedule replaced (an empty one included).
  await db.exec(`CREATE OR REPLACE TABLE schedule_unit_lists AS ${composeSql(files, 'agg_schedule_units')}`)
}
