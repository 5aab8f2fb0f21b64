import type { Db, Params, Row, SqlValue } from './db/types'
import type { MetricsQuery } from './review'
import type { AppSummaryRow, Rule1515Row, SqlRow, TaskStatusRow } from './rows'
import type { SqlFiles, SqlName } from './sql'
import type { RuleSettings } from '../domain/settings'
import type { AppFigures, CarriedOver, EvalDept, MetricsResult, ReductionOverall, Rule1515, ScheduleTask, TaskStatus } from './types'
import { TABLES } from '../domain/contract/tables'
import { reviewParams } from './review'
import { composeSql } from './sql'
import { TASK_STATUSES } from './types'

export type { MetricsQuery } from './review'

/** A rate is only a number over a non-empty denominator; otherwise null ("—" on screen). */
export function rate(num: number, den: number): number | null {
  return den > 0 ? num / den : null
}

/** The `$names` of each SQL text seen, found once: every filter change asks again for the same few texts. */
const NAMED = new Map<string, ReadonlySet<string>>()

function namesIn(sql: string): ReadonlySet<string> {
  let names = NAMED.get(sql)
  if (!names) {
    names = new Set(Array.from(sql.matchAll(/\$(\w+)/g), m => m[1]!))
    if (NAMED.size >= 200)
      NAMED.clear()
    NAMED.set(sql, names)
  }
  return names
}

/** The parameters a SQL text names, and only those: what its answer can depend on. */
export function usedParams(sql: string, params: Params): Params {
  const names = namesIn(sql)
  return Object.fromEntries(Object.entries(params).filter(([k]) => names.has(k)))
}

/**
 * Runs one SQL file, binding only the parameters its text names. Its rows are of the file's
 * declared columns (rows.ts), which test/metrics/rows.test.ts checks against DuckDB's answer.
 */
export async function runSql<N extends SqlName>(db: Db, files: SqlFiles, name: N, params: Params): Promise<SqlRow<N>[]> {
  const sql = composeSql(files, name)
  return await db.query(sql, usedParams(sql, params)) as SqlRow<N>[]
}

/** Runs a metric SQL file by name (the plain `runSql` on a Db, or an Analysis that remembers answers). */
export type SqlRunner = <N extends SqlName>(name: N, params: Params) => Promise<SqlRow<N>[]>

/**
 * Which parts of a review to compute. The month-on-month deltas only need the headline
 * counts, not the reduction (it has no month) nor the table counts.
 */
export type MetricsPart = 'schedule' | 'evaluations' | 'reduction' | 'applications' | 'counts'
export const ALL_PARTS: readonly MetricsPart[] = ['schedule', 'evaluations', 'reduction', 'applications', 'counts']

/** The row counts of every table, for the provenance panel. */
export function tableCountsSql(): string {
  return `SELECT ${TABLES.map(t => `(SELECT CAST(count(*) AS INTEGER) FROM ${t.name}) AS ${t.name}`).join(', ')}, (SELECT CAST(count(DISTINCT bundle_name) AS INTEGER) FROM bundles) AS bundles_count`
}

// task_status.sql joins a task's units with U+001F: one text column reads the same from every engine.
const unitList = (v: unknown): string[] => (typeof v === 'string' && v !== '' ? v.split('\u001F') : [])
const n = (v: unknown): number => (typeof v === 'number' ? v : 0)
const numOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null)
/** "2003,2001" (string_agg) → [2001, 2003]. */
const yearList = (v: unknown): number[] => (typeof v === 'string' && v ? [...new Set(v.split(',').map(Number))].sort((a, b) => a - b) : [])

/** `carried_over` and `carried_months` ('2024-03,2024-05') of a stock's SQL row. */
export function toCarried(r: { carried_over?: SqlValue, carried_months?: SqlValue } | undefined): CarriedOver {
  const months = r?.carried_months
  return { count: n(r?.carried_over), months: typeof months === 'string' && months !== '' ? months.split(',') : [] }
}

/** The overdue tasks due before the month (domain §8a: the stock carries earlier months). */
export function carriedTasks(tasks: ReadonlyArray<Record<string, unknown>>, month: string | null | undefined): CarriedOver {
  if (!month)
    return { count: 0, months: [] }
  const start = `${month}-01`
  const late = tasks.filter(t => t.status === 'overdue' && typeof t.due_date === 'string' && t.due_date < start)
  return { count: late.length, months: [...new Set(late.map(t => String(t.due_date).slice(0, 7)))].sort() }
}

export function toRule(r: Rule1515Row | undefined): Rule1515 {
  const x: Partial<Rule1515Row> = r ?? {}
  return {
    bad: n(x.bad),
    contact_due: n(x.contact_due),
    contact_on_time: n(x.contact_on_time),
    contact_rate: rate(n(x.contact_on_time), n(x.contact_due)),
    rectify_due: n(x.rectify_due),
    rectify_on_time: n(x.rectify_on_time),
    rectify_rate: rate(n(x.rectify_on_time), n(x.rectify_due)),
    complex_due: n(x.complex_due),
    complex_on_time: n(x.complex_on_time),
    complex_rate: rate(n(x.complex_on_time), n(x.complex_due)),
    open_overdue: n(x.open_overdue),
    excluded: n(x.excluded),
    carried_over: toCarried(x),
    pending_calendar: toEvalPending(x),
  }
}

/** The cases of the month whose limits the calendar cannot tell, from rule_1_5_15's or evaluations_breakdown's row. */
export function toEvalPending(x: { contact_pending?: number, rectify_pending?: number, complex_pending?: number, pending_years?: string | null }): Rule1515['pending_calendar'] {
  return { contact: n(x.contact_pending), rectify: n(x.rectify_pending), complex: n(x.complex_pending), years: yearList(x.pending_years) }
}

export function toAppFigures(r: AppSummaryRow | undefined): AppFigures {
  const x: Partial<AppSummaryRow> = r ?? {}
  return {
    total: n(x.total),
    online: n(x.online),
    online_rate: rate(n(x.online), n(x.total)),
    accept_due: n(x.accept_due),
    accepted_1wd: n(x.accepted_1wd),
    accepted_1wd_rate: rate(n(x.accepted_1wd), n(x.accept_due)),
    completion_due: n(x.completion_due),
    on_time: n(x.on_time),
    on_time_rate: rate(n(x.on_time), n(x.completion_due)),
    overdue: n(x.overdue),
    instant: n(x.instant),
    avg_trips: numOrNull(x.avg_trips),
    carried_over: toCarried(x),
    pending_calendar: { accept: n(x.accept_pending), completion: n(x.completion_pending), years: yearList(x.pending_years) },
  }
}

function toOverall(r: SqlRow<'reduction_overall'> | undefined, s: RuleSettings): ReductionOverall {
  const x: Partial<SqlRow<'reduction_overall'>> = r ?? {}
  const share = (met: unknown, total: unknown, target: number) => ({ met: n(met), n: n(total), share: rate(n(met), n(total)), target })
  return {
    bundles: n(x.bundles),
    materials_cut: numOrNull(x.materials_cut),
    time_cut: numOrNull(x.time_cut),
    steps_cut: numOrNull(x.steps_cut),
    trips_cut: numOrNull(x.trips_cut),
    auto_fill: numOrNull(x.auto_fill),
    meeting: {
      materials: share(x.materials_met, x.materials_n, s.targets.materials),
      time: share(x.time_met, x.time_n, s.targets.time),
      steps: share(x.steps_met, x.steps_n, s.targets.steps),
      trips: share(x.trips_met, x.trips_n, s.targets.trips),
      auto_fill: share(x.auto_fill_met, x.auto_fill_n, s.targets.autoFill),
    },
  }
}

/** A department's volumes, or only its name when all it has this month is carried-over stock. */
type DeptVolumes = Pick<SqlRow<'evaluations_summary'>, 'dept'> & Partial<SqlRow<'evaluations_summary'>>

/**
 * Every figure of a review from the metric SQL (or only the `parts` asked for: the others
 * come back empty). `counts` answers the rows loaded per table.
 */
export async function computeMetrics(run: SqlRunner, counts: () => Promise<Row[]>, q: MetricsQuery, s: RuleSettings, calendar: MetricsResult['calendar'], parts: readonly MetricsPart[] = ALL_PARTS): Promise<MetricsResult> {
  const p = reviewParams(q, s)
  const want = <N extends SqlName>(part: MetricsPart, name: N): Promise<SqlRow<N>[]> => (parts.includes(part) ? run(name, p) : Promise.resolve([]))
  const [tasks, rule, evals, redBundles, redOverall, apps, countRows] = await Promise.all([
    want('schedule', 'task_status'),
    want('evaluations', 'rule_1_5_15'),
    want('evaluations', 'evaluations_summary'),
    want('reduction', 'reduction_bundles'),
    want('reduction', 'reduction_overall'),
    want('applications', 'applications_summary'),
    parts.includes('counts') ? counts() : Promise.resolve([]),
  ])
  const statusCounts = Object.fromEntries(TASK_STATUSES.map(st => [st, 0])) as Record<TaskStatus, number>
  for (const t of tasks)
    statusCounts[t.status]++
  const evalTotal = evals.find(r => r.is_total)
  const ruleTotal = rule.find(r => r.is_total)
  // A department whose only bad reviews this month are carried over has no row of volumes.
  const evalDepts = evals.filter(r => !r.is_total)
  const stockOnly: DeptVolumes[] = rule.filter(x => !x.is_total && !evalDepts.some(r => r.dept === x.dept)).map(x => ({ dept: x.dept }))
  const depts: DeptVolumes[] = stockOnly.length === 0 ? evalDepts : [...evalDepts, ...stockOnly].sort((a, b) => (String(a.dept) < String(b.dept) ? -1 : String(a.dept) > String(b.dept) ? 1 : 0))
  const byDept: EvalDept[] = depts.map((r) => {
    const rr = rule.find(x => !x.is_total && x.dept === r.dept)
    return {
      dept: String(r.dept),
      total: n(r.total),
      good: n(r.good),
      bad: n(r.bad),
      good_rate: rate(n(r.good), n(r.total)),
      rule_1_5_15: toRule(rr),
    }
  })
  const appTotal = apps.find(r => r.is_total)
  const countRow = countRows[0] ?? {}
  const { bundles_count: bundlesCount, ...tableCounts } = countRow
  return {
    as_of: q.asOf,
    month: q.month ?? null,
    dept: q.dept ?? null,
    filters: { bundle: q.bundle ?? null, region: q.region ?? null, channel: q.channel ?? null },
    calendar,
    settings: { ...s },
    tables: Object.fromEntries(Object.entries(tableCounts).map(([k, v]) => [k, n(v)])),
    bundles_count: n(bundlesCount),
    schedule: {
      // The review point (pt) is the SQL's own: one review's rows reach here.
      tasks: tasks.map(({ pt: _pt, ...t }: TaskStatusRow): ScheduleTask => ({ ...t, reported_in_month: Boolean(t.reported_in_month), lead_units: unitList(t.lead_units), coop_units: unitList(t.coop_units) })),
      counts: statusCounts,
      carried_over: carriedTasks(tasks, q.month),
      // The window crosses the calendar's end, so the year after it is the one to add.
      pending_calendar: { tasks: statusCounts.pending_calendar, years: statusCounts.pending_calendar > 0 ? [Number(calendar.to.slice(0, 4)) + 1] : [] },
    },
    evaluations: {
      total: n(evalTotal?.total),
      good: n(evalTotal?.good),
      bad: n(evalTotal?.bad),
      good_rate: rate(n(evalTotal?.good), n(evalTotal?.total)),
      rule_1_5_15: toRule(ruleTotal),
      by_dept: byDept,
    },
    reduction: {
      bundles: redBundles,
      overall: toOverall(redOverall[0], s),
    },
    applications: {
      ...toAppFigures(appTotal),
      by_dept: apps.filter(r => !r.is_total).map(r => ({ dept: String(r.dept), ...toAppFigures(r) })),
    },
  }
}
