import type { SqlName } from './sql'
import { TASK_STATUSES } from '../domain/format/status'

/**
 * The columns each metric SQL file returns, in order, with the kind of value in each. The
 * row types below are derived from these lists, and test/metrics/rows.test.ts runs every file
 * on real DuckDB and checks its columns and values against them: a column renamed or added
 * in SQL without its list fails there, not as `undefined` on a page.
 *
 * Kinds: text, num, bool (a `?` allows NULL), or the list of texts a column can hold.
 */
export type ColumnKind = 'text' | 'text?' | 'num' | 'num?' | 'bool' | 'bool?' | readonly string[]

const DEADLINE_KINDS = ['date', 'date_then_ongoing', 'ongoing', 'recurring', 'external', 'unparsed'] as const
const ORIGINS = ['tasks', 'bundles'] as const
const DIMS = ['all', 'dept', 'matter', 'channel', 'month'] as const

const CASE_ID = { eval_id: 'text', dept: 'text', matter_name: 'text?', bundle_name: 'text?', window: 'text?', channel: 'text?' } as const
const APP_ID = { app_id: 'text', bundle_name: 'text?', matter_name: 'text?', dept: 'text', region: 'text?', channel: 'text?', trips: 'num?', promised_wd: 'num?', status: 'text?' } as const
const APP_COUNTS = { total: 'num', accept_due: 'num', accepted_1wd: 'num', completion_due: 'num', on_time: 'num', overdue: 'num' } as const
/** What application_agg holds per row, and agg_application_counts sums (in the order of the first). */
const APP_AGG_COUNTS = {
  total: 'num',
  online: 'num',
  instant: 'num',
  trips_sum: 'num',
  trips_n: 'num',
  accept_pending: 'num',
  accept_due: 'num',
  accepted_1wd: 'num',
  completion_due: 'num',
  on_time: 'num',
  overdue: 'num',
  open_overdue: 'num',
  completion_pending: 'num',
} as const
const BUNDLE_TARGETS = {
  bundle_name: 'text',
  lead_dept: 'text?',
  materials_before: 'num?',
  materials_after: 'num?',
  time_before_wd: 'num?',
  time_after_wd: 'num?',
  steps_before: 'num?',
  steps_after: 'num?',
  trips_before: 'num?',
  trips_after: 'num?',
  fees_before: 'num?',
  fees_after: 'num?',
  form_fields: 'num?',
  auto_fields: 'num?',
  materials_cut: 'num?',
  time_cut: 'num?',
  steps_cut: 'num?',
  trips_cut: 'num?',
  fees_cut: 'num?',
  auto_fill: 'num?',
  meets_materials: 'bool?',
  meets_time: 'bool?',
  meets_steps: 'bool?',
  meets_trips: 'bool?',
  meets_auto_fill: 'bool?',
} as const
const RULE_COUNTS = {
  contact_due: 'num',
  contact_on_time: 'num',
  rectify_due: 'num',
  rectify_on_time: 'num',
  complex_due: 'num',
  complex_on_time: 'num',
  open_overdue: 'num',
  excluded: 'num',
  carried_over: 'num',
} as const
const LIMITS = { contact_limit: 'text?', rectify_limit: 'text?', complex_limit: 'text?', limit_unknown: 'bool' } as const

export const SQL_COLUMNS = {
  task_status: {
    pt: 'num',
    task_id: 'text',
    section: 'text?',
    goal: 'text?',
    task: 'text',
    deadline_text: 'text',
    lead_dept: 'text?',
    resp_depts: 'text?',
    origin: ORIGINS,
    bundle_name: 'text?',
    due_date: 'text?',
    deadline_kind: DEADLINE_KINDS,
    precision: 'text',
    interpretation_zh: 'text',
    interpretation_en: 'text',
    status: TASK_STATUSES,
    done_date: 'text?',
    last_report_date: 'text?',
    reported_in_month: 'bool',
    wd_overdue: 'num?',
    wd_late: 'num?',
    // Units joined with U+001F (run.ts splits them): one text column reads alike from every engine.
    lead_units: 'text?',
    coop_units: 'text?',
  },
  bad_review_cases: {
    pt: 'num',
    ...CASE_ID,
    named: 'bool',
    rated_d: 'text',
    contacted_d: 'text?',
    rectified_d: 'text?',
    closed_d: 'text?',
    excluded: 'bool',
    is_complex: 'bool',
    verdict: 'text?',
    as_of: 'text',
    ...LIMITS,
    asof_wd: 'num',
    in_month: 'bool',
    case_limit: 'text?',
    case_done: 'text?',
    contact_due: 'bool',
    contact_on_time: 'bool',
    contact_pending: 'bool',
    rectify_due: 'bool',
    rectify_on_time: 'bool',
    rectify_pending: 'bool',
    complex_due: 'bool',
    complex_on_time: 'bool',
    complex_pending: 'bool',
    open_overdue: 'bool',
    is_open: 'bool',
  },
  rule_1_5_15: {
    pt: 'num',
    dept: 'text?',
    is_total: 'bool',
    bad: 'num',
    ...RULE_COUNTS,
    carried_months: 'text?',
    contact_pending: 'num',
    rectify_pending: 'num',
    complex_pending: 'num',
    pending_years: 'text?',
  },
  open_cases: {
    ...CASE_ID,
    verdict: 'text?',
    is_complex: 'bool',
    excluded: 'bool',
    rated_date: 'text',
    contact_limit: 'text?',
    case_limit: 'text?',
    contacted_date: 'text?',
    open_overdue: 'bool',
    carried: 'bool',
    rated_month: 'text',
    wd_remaining: 'num?',
  },
  evaluations_summary: { pt: 'num', dept: 'text?', is_total: 'bool', total: 'num', good: 'num', bad: 'num' },
  reduction_bundles: { ...BUNDLE_TARGETS, apps_completed: 'num?', actual_median_wd: 'num?', actual_p90_wd: 'num?' },
  reduction_overall: {
    bundles: 'num',
    materials_cut: 'num?',
    time_cut: 'num?',
    steps_cut: 'num?',
    trips_cut: 'num?',
    auto_fill: 'num?',
    materials_n: 'num',
    materials_met: 'num',
    time_n: 'num',
    time_met: 'num',
    steps_n: 'num',
    steps_met: 'num',
    trips_n: 'num',
    trips_met: 'num',
    auto_fill_n: 'num',
    auto_fill_met: 'num',
  },
  applications_summary: {
    pt: 'num',
    dept: 'text?',
    is_total: 'bool',
    total: 'num',
    online: 'num',
    accept_due: 'num',
    accepted_1wd: 'num',
    completion_due: 'num',
    on_time: 'num',
    overdue: 'num',
    carried_over: 'num',
    carried_months: 'text?',
    instant: 'num',
    avg_trips: 'num?',
    accept_pending: 'num',
    completion_pending: 'num',
    pending_years: 'text?',
  },
  evaluations_breakdown: { pt: 'num', dim: DIMS, key: 'text?', total: 'num', good: 'num', bad: 'num', ...RULE_COUNTS, contact_pending: 'num', rectify_pending: 'num', complex_pending: 'num', pending_years: 'text?' },
  excluded_cases: {
    ...CASE_ID,
    verdict: 'text',
    rated_date: 'text',
    contact_limit: 'text?',
    contacted_date: 'text?',
    contact_due: 'bool',
    contact_on_time: 'bool',
  },
  application_cases: {
    ...APP_ID,
    sub_d: 'text',
    dropped: 'bool',
    is_online: 'bool',
    accept_limit: 'text?',
    acc_d: 'text?',
    done_d: 'text?',
    done_limit: 'text?',
    done_limit_wd: 'num?',
    sub_unknown: 'bool',
    done_unknown: 'bool',
    as_of: 'text',
    in_month: 'bool',
    asof_wd: 'num',
    accept_due: 'bool',
    accepted_in_time: 'bool',
    accept_pending: 'bool',
    done_due: 'bool',
    done_in_time: 'bool',
    done_pending: 'bool',
    overdue: 'bool?',
    open_overdue: 'bool',
  },
  applications_trend: { month: 'text', total: 'num', online: 'num', accept_due: 'num', accepted_1wd: 'num', completion_due: 'num', on_time: 'num', overdue: 'num' },
  applications_by_channel: { channel: 'text?', is_online: 'bool', ...APP_COUNTS },
  overdue_applications: {
    app_id: 'text',
    dept: 'text',
    bundle_name: 'text?',
    matter_name: 'text?',
    region: 'text?',
    channel: 'text?',
    status: 'text?',
    promised_wd: 'num',
    submitted_date: 'text',
    accepted_date: 'text?',
    done_limit: 'text',
    wd_overdue: 'num',
    open_overdue_total: 'num',
    carried: 'bool',
    submitted_month: 'text',
  },
  reduction_targets: BUNDLE_TARGETS,
  facts_applications: {
    ...APP_ID,
    sub_d: 'text',
    acc_day: 'text?',
    done_day: 'text?',
    dropped: 'bool',
    is_online: 'bool',
    accept_limit: 'text?',
    done_limit_acc: 'text?',
    done_limit_acc_wd: 'num?',
    done_limit_sub: 'text?',
    done_limit_sub_wd: 'num?',
    elapsed_wd: 'num?',
    sub_unknown: 'bool',
    acc_unknown: 'bool',
  },
  facts_bad_reviews: {
    ...CASE_ID,
    named: 'bool',
    rated_d: 'text',
    contacted_day: 'text?',
    rectified_day: 'text?',
    closed_day: 'text?',
    excluded: 'bool',
    is_complex: 'bool',
    verdict: 'text?',
    ...LIMITS,
  },
  // The per-day aggregates (agg_*.sql), materialised at load; only summed by the files above.
  agg_application_dims: { dims_id: 'num', dept: 'text?', bundle_name: 'text?', region: 'text?', channel: 'text?', is_online: 'bool' },
  agg_applications: { dims_id: 'num', sub_m: 'text', day: 'text', pend_year: 'num?', ...APP_AGG_COUNTS },
  agg_application_depts: { dept: 'text?', channel: 'text?', is_online: 'bool', sub_m: 'text', day: 'text', pend_year: 'num?', ...APP_AGG_COUNTS },
  agg_application_elapsed: { bundle_name: 'text', done_day: 'text', elapsed_wd: 'num', n: 'num' },
  agg_application_counts: { pt: 'num', dept: 'text?', channel: 'text?', is_online: 'bool', sub_m: 'text', pend_year: 'num?', in_month: 'bool', ...APP_AGG_COUNTS },
  agg_evaluation_dims: { dims_id: 'num', dept: 'text?', bundle_name: 'text?', matter_name: 'text?', channel: 'text?' },
  agg_evaluations: { dims_id: 'num', rated_d: 'text', total: 'num', good: 'num', bad: 'num' },
  // The review dates (included by task_status and bad_review_cases).
  review_points: { pt: 'num', as_of: 'text', m0: 'text?', m1: 'text?' },
  // Materialised with the calendar and the schedule (the small tables), read by task_status.
  agg_calendar_bounds: { cal_to: 'text', max_gap: 'num', last_wd: 'num' },
  agg_schedule_units: { task_id: 'text', lead_units: 'text?', coop_units: 'text?' },
} as const satisfies Record<SqlName, Record<string, ColumnKind>>

type ValueOf<K> = K extends 'text' ? string
  : K extends 'text?' ? string | null
    : K extends 'num' ? number
      : K extends 'num?' ? number | null
        : K extends 'bool' ? boolean
          : K extends 'bool?' ? boolean | null
            : K extends readonly (infer L)[] ? L
              : never

/** A row whose columns and values a column list describes. */
export type RowOf<C> = { -readonly [K in keyof C]: ValueOf<C[K]> }

/** One row of a metric SQL file: `SqlRow<'open_cases'>`. */
export type SqlRow<N extends SqlName> = RowOf<typeof SQL_COLUMNS[N]>

export type TaskStatusRow = SqlRow<'task_status'>
export type Rule1515Row = SqlRow<'rule_1_5_15'>
export type OpenCaseRow = SqlRow<'open_cases'>
export type ExcludedCaseRow = SqlRow<'excluded_cases'>
export type BreakdownRow = SqlRow<'evaluations_breakdown'>
export type AppSummaryRow = SqlRow<'applications_summary'>
export type AppTrendRow = SqlRow<'applications_trend'>
export type AppChannelRow = SqlRow<'applications_by_channel'>
export type OverdueAppRow = SqlRow<'overdue_applications'>

/** The column names of a metric SQL file, in the order it returns them. */
export function columnsOf(name: SqlName): string[] {
  return Object.keys(SQL_COLUMNS[name])
}

/** Whether a value returned in a column is of that column's kind. */
export function fitsKind(kind: ColumnKind, v: unknown): boolean {
  if (typeof kind !== 'string')
    return typeof v === 'string' && kind.includes(v)
  if (v === null)
    return kind.endsWith('?')
  const base = kind.replace('?', '')
  return base === 'text' ? typeof v === 'string' : base === 'num' ? typeof v === 'number' : typeof v === 'boolean'
}
