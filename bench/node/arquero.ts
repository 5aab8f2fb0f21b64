// The plain-JavaScript baseline: the three headline figures (task status counts, the
// "1、5、15" counts, the pooled reduction cuts and target shares) computed with Arquero, a
// column-oriented JavaScript data-frame library, from the same canonical rows duban loads.
// Expressions are strings: Arquero compiles them from their text, which a TypeScript
// transpiler would otherwise rewrite (undefined → void 0) into something it cannot parse.
// Same definitions as task_status.sql, bad_review_cases.sql + rule_1_5_15.sql and
// reduction_bundles.sql + reduction_overall.sql; the bench asserts identical results.

import type { ColumnTable } from 'arquero'
import type { Analysis } from '../../src/metrics/analysis'
import type { Db } from '../../src/metrics/db/types'
import type { RuleSettings } from '../../src/domain/settings'
import * as aq from 'arquero'
import { buildSchedule } from '../../src/metrics/schedule'

const { op } = aq

/** The tables the baseline reads, as Arquero column tables with typed values. */
export interface ArqueroInput {
  evaluations: ColumnTable
  rectifications: ColumnTable
  progress: ColumnTable
  schedule: ColumnTable
  baselines: ColumnTable
  bundles: ColumnTable
  calendar: ColumnTable
}

/** Rows of a query as Arquero columns. */
async function fromDb(db: Db, sql: string): Promise<ColumnTable> {
  const rows = await db.query(sql)
  const names = rows.length ? Object.keys(rows[0]!) : [...sql.matchAll(/ AS (\w+)/g)].map(m => m[1]!)
  return aq.table(Object.fromEntries(names.map(n => [n, rows.map(r => r[n] ?? null)])))
}

const ts = (c: string) => `strftime(${c}, '%Y-%m-%d %H:%M:%S') AS ${c}`

/**
 * The input tables, read from the loaded database (so every scale gets them the same way,
 * even 5M rows that only the engines hold) in the shapes the app's loader gives: date-times
 * as 'YYYY-MM-DD HH:mm:ss' text, numbers and booleans typed. Not timed: duban's load into
 * the engine is not timed either.
 */
export async function arqueroInput(a: Analysis, settings: RuleSettings, fallbackYear: number): Promise<ArqueroInput> {
  const cal = a.calendar.rows()
  const sched = buildSchedule(a.dataset, settings, fallbackYear)
  return {
    evaluations: await fromDb(a.db, `SELECT eval_id AS eval_id, dept AS dept, ${ts('rated_at')}, level AS level FROM evaluations`),
    rectifications: await fromDb(a.db, `SELECT eval_id AS eval_id, ${ts('contacted_at')}, ${ts('rectified_at')}, ${ts('closed_at')}, verdict AS verdict, complex AS complex FROM rectifications`),
    progress: await fromDb(a.db, `SELECT task_id AS task_id, strftime(report_date, '%Y-%m-%d') AS report_date, status AS status, strftime(done_date, '%Y-%m-%d') AS done_date FROM task_progress`),
    schedule: aq.table({
      task_id: sched.map(s => s.task_id),
      due_date: sched.map(s => s.due_date),
      deadline_kind: sched.map(s => s.deadline_kind),
    }),
    baselines: await fromDb(a.db, 'SELECT bundle_name AS bundle_name, materials_before AS materials_before, materials_after AS materials_after, time_before_wd AS time_before_wd, time_after_wd AS time_after_wd, steps_before AS steps_before, steps_after AS steps_after, trips_before AS trips_before, trips_after AS trips_after, form_fields AS form_fields, auto_fields AS auto_fields FROM reform_baselines'),
    bundles: await fromDb(a.db, 'SELECT bundle_name AS bundle_name, lead_dept AS lead_dept FROM bundles'),
    calendar: aq.table({ d: cal.map(r => r.d), workday: cal.map(r => r.workday), wd_num: cal.map(r => r.wd_num) }),
  }
}

export interface Headline {
  task_status: Record<string, number>
  rule_1_5_15: Record<string, number | string | null>
  reduction: Record<string, number | null>
}

/** Task lights at the review date, counted by status (whole data set, no filters). */
function taskStatus(x: ArqueroInput, asOf: string, s: RuleSettings): Record<string, number> {
  const m0 = `${asOf.slice(0, 7)}-01`
  const reports = x.progress.params({ asOf }).filter('(d, $) => d.report_date <= $.asOf')
  // The first 已完成 report decides: its done date (else its report date).
  const done = reports
    .filter('d => d.status === "已完成"')
    .groupby('task_id')
    .orderby('report_date')
    .filter('() => op.row_number() === 1')
    .ungroup()
    .derive({ done_d: 'd => d.done_date !== null ? d.done_date : d.report_date' })
    .select('task_id', 'done_d')
  const month = reports
    .params({ m0, asOf })
    .filter('(d, $) => d.report_date >= $.m0 && d.report_date <= $.asOf')
    .groupby('task_id')
    .count({ as: 'in_month' })
  const asofWd = x.calendar.params({ asOf }).filter('(d, $) => d.d === $.asOf').get('wd_num', 0) as number
  const warnRow = x.calendar.params({ n: asofWd + s.warningWd }).filter('(d, $) => d.workday && d.wd_num === $.n')
  const warnD = warnRow.numRows() ? warnRow.get('d', 0) as string : null
  const judged = x.schedule
    .join_left(done, 'task_id')
    .join_left(month, 'task_id')
    .params({ asOf, warnD })
    .derive({
      status: `(d, $) => d.deadline_kind === 'ongoing'
        ? (d.in_month ? 'ongoing_reported' : 'ongoing_unreported')
        : d.due_date === null && d.deadline_kind === 'external'
          ? 'awaiting_schedule'
          : d.due_date === null
            ? 'unparsed'
            : d.done_d != null
              ? (d.done_d <= d.due_date ? 'done_on_time' : 'done_late')
              : $.asOf > d.due_date
                ? 'overdue'
                : $.warnD !== null && d.due_date <= $.warnD ? 'due_soon' : 'on_track'`,
    })
  return Object.fromEntries(judged.groupby('status').count().objects().map((r: Record<string, unknown>) => [String(r.status), Number(r.count)]))
}

/** "1、5、15" counts over every bad review rated up to the review date (working-day limits). */
function rule1515(x: ArqueroInput, asOf: string, s: RuleSettings): Record<string, number | string | null> {
  const wd = x.calendar.filter('d => d.workday').select({ d: 'limit_d', wd_num: 'limit_wd' })
  const limit = (t: ColumnTable, n: number, as: string) => t
    .params({ n })
    .derive({ limit_wd: '(d, $) => d.rated_wd + $.n' })
    .join_left(wd, 'limit_wd')
    .rename({ limit_d: as })
    .select(aq.not('limit_wd'))
  let bad = x.evaluations
    .params({ asOf })
    .derive({ rated_d: 'd => op.substring(d.rated_at, 0, 10)' })
    .filter('(d, $) => d.level <= 2 && d.rated_d <= $.asOf')
    .join_left(x.rectifications, 'eval_id')
    .join_left(x.calendar.select({ d: 'rated_d', wd_num: 'rated_wd' }), 'rated_d')
  bad = limit(bad, s.contactDays, 'contact_limit')
  bad = limit(bad, s.rectifyDays, 'rectify_limit')
  bad = limit(bad, s.complexDays, 'complex_limit')
  const at = (v: string) => `(d, $) => d.${v} !== null && op.substring(d.${v}, 0, 10) <= $.asOf ? op.substring(d.${v}, 0, 10) : null`
  const cases = bad
    .params({ asOf })
    .derive({
      contacted_d: at('contacted_at'),
      rectified_d: at('rectified_at'),
      closing: 'd => d.closed_at !== null ? d.closed_at : d.rectified_at',
      excluded: 'd => d.verdict === "不属实" || d.verdict === "误评" || d.verdict === "恶意差评"',
    })
    .derive({
      closed_d: at('closing'),
      is_complex: 'd => d.complex === true && !d.excluded',
    })
    .derive({
      // A rating day outside the calendar: its limits are not known (pending, in no rate).
      unknown: 'd => d.rated_wd === null',
    })
    .derive({
      // A limit beyond the calendar (null from a known rating day) lies after every covered
      // day: done by the review date is on time, not done is not yet due (domain section 4a).
      contact_due: '(d, $) => !d.unknown && (d.contacted_d !== null || (d.contact_limit !== null && d.contact_limit < $.asOf))',
      contact_on_time: 'd => !d.unknown && d.contacted_d !== null && (d.contact_limit === null || d.contacted_d <= d.contact_limit)',
      rectify_due: '(d, $) => !d.excluded && !d.is_complex && !d.unknown && (d.rectified_d !== null || (d.rectify_limit !== null && d.rectify_limit < $.asOf))',
      rectify_on_time: 'd => !d.excluded && !d.is_complex && !d.unknown && d.rectified_d !== null && (d.rectify_limit === null || d.rectified_d <= d.rectify_limit)',
      complex_due: '(d, $) => d.is_complex && !d.unknown && (d.closed_d !== null || (d.complex_limit !== null && d.complex_limit < $.asOf))',
      complex_on_time: 'd => d.is_complex && !d.unknown && d.closed_d !== null && (d.complex_limit === null || d.closed_d <= d.complex_limit)',
      contact_pending: 'd => d.unknown',
      rectify_pending: 'd => !d.excluded && !d.is_complex && d.unknown',
      complex_pending: 'd => d.is_complex && d.unknown',
      // The step that decides a real case: 15 days for complex cases, else 5.
      open_overdue: `(d, $) => (d.contacted_d === null && d.contact_limit !== null && d.contact_limit < $.asOf)
        || (!d.excluded && (d.is_complex ? d.closed_d : d.rectified_d) === null
          && (d.is_complex ? d.complex_limit : d.rectify_limit) !== null
          && (d.is_complex ? d.complex_limit : d.rectify_limit) < $.asOf)`,
    })
  const flags = ['contact_due', 'contact_on_time', 'rectify_due', 'rectify_on_time', 'complex_due', 'complex_on_time', 'open_overdue', 'excluded', 'contact_pending', 'rectify_pending', 'complex_pending']
  const total = cases.rollup({ bad: op.count(), ...Object.fromEntries(flags.map(f => [f, `d => op.sum(d.${f} ? 1 : 0)`])) }).object() as Record<string, number | string | null>
  const years = [...new Set(cases.filter('d => d.unknown').array('rated_d') as string[])].map(d => d.slice(0, 4)).sort()
  // The review has no month, so nothing is carried over from an earlier one (domain section 8a).
  return { ...total, carried_over: 0, carried_months: null, pending_years: years.length ? years.join(',') : null }
}

/** Pooled cuts Σ(before − after)/Σbefore and the bundles meeting each target (no filters). */
function reduction(x: ArqueroInput, s: RuleSettings): Record<string, number | null> {
  const lead = x.bundles.groupby('bundle_name').rollup({ lead_dept: op.min('lead_dept') })
  const cut = (b: string, a: string) => `d => d.${b} !== null && d.${b} > 0 && d.${a} !== null ? (d.${b} - d.${a}) / d.${b} : null`
  const b = x.baselines
    .join_left(lead, 'bundle_name')
    .derive({
      materials_cut: cut('materials_before', 'materials_after'),
      time_cut: cut('time_before_wd', 'time_after_wd'),
      steps_cut: cut('steps_before', 'steps_after'),
      trips_cut: cut('trips_before', 'trips_after'),
      auto_fill: 'd => d.form_fields !== null && d.form_fields > 0 && d.auto_fields !== null ? d.auto_fields / d.form_fields : null',
    })
  const t = s.targets
  const pooled = (c: string, num: string, den: string) => ({
    [`${c}_num`]: `d => op.sum(d.${c} !== null ? ${num} : 0)`,
    [`${c}_den`]: `d => op.sum(d.${c} !== null ? ${den} : 0)`,
    [`${c}_n`]: `d => op.sum(d.${c} !== null ? 1 : 0)`,
  })
  const r = b.params({ t }).rollup({
    bundles: op.count(),
    ...pooled('materials_cut', 'd.materials_before - d.materials_after', 'd.materials_before'),
    ...pooled('time_cut', 'd.time_before_wd - d.time_after_wd', 'd.time_before_wd'),
    ...pooled('steps_cut', 'd.steps_before - d.steps_after', 'd.steps_before'),
    ...pooled('trips_cut', 'd.trips_before - d.trips_after', 'd.trips_before'),
    ...pooled('auto_fill', 'd.auto_fields', 'd.form_fields'),
    materials_met: '(d, $) => op.sum(d.materials_cut !== null && d.materials_cut >= $.t.materials ? 1 : 0)',
    time_met: '(d, $) => op.sum(d.time_cut !== null && d.time_cut >= $.t.time ? 1 : 0)',
    steps_met: '(d, $) => op.sum(d.steps_cut !== null && d.steps_cut >= $.t.steps ? 1 : 0)',
    trips_met: '(d, $) => op.sum(d.trips_cut !== null && d.trips_cut >= $.t.trips ? 1 : 0)',
    auto_fill_met: '(d, $) => op.sum(d.auto_fill !== null && d.auto_fill >= $.t.autoFill ? 1 : 0)',
  }).object() as Record<string, number>
  // SQL's sum over no rows is NULL, and x / NULL is NULL: a cut is null when no bundle has one.
  const ratio = (c: string) => (r[`${c}_n`]! > 0 && r[`${c}_den`] !== 0 ? r[`${c}_num`]! / r[`${c}_den`]! : null)
  return {
    bundles: r.bundles!,
    materials_cut: ratio('materials_cut'),
    time_cut: ratio('time_cut'),
    steps_cut: ratio('steps_cut'),
    trips_cut: ratio('trips_cut'),
    auto_fill: ratio('auto_fill'),
    materials_n: r.materials_cut_n!,
    materials_met: r.materials_met!,
    time_n: r.time_cut_n!,
    time_met: r.time_met!,
    steps_n: r.steps_cut_n!,
    steps_met: r.steps_met!,
    trips_n: r.trips_cut_n!,
    trips_met: r.trips_met!,
    auto_fill_n: r.auto_fill_n!,
    auto_fill_met: r.auto_fill_met!,
  }
}

export function arqueroHeadline(x: ArqueroInput, asOf: string, s: RuleSettings): Headline {
  return {
    task_status: taskStatus(x, asOf, s),
    rule_1_5_15: rule1515(x, asOf, s),
    reduction: reduction(x, s),
  }
}
