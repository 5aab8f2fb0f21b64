import type { CalendarSource } from '../domain/calendar/errors'

/** The figures of one review, as `duban metrics --format json` prints them and the app shows them. */
import type { TaskStatus } from '../domain/format/status'

export type { TaskStatus }
export { TASK_STATUSES } from '../domain/format/status'

/**
 * Cases left out of a rate because a limit depends on a year the holiday calendar does not
 * cover (待定（节假日安排未载入）), and the years to add. All zero when the calendar covers the data.
 */
export interface PendingCalendar { years: number[] }

export interface ScheduleTask {
  task_id: string
  section: string | null
  goal: string | null
  task: string
  deadline_text: string
  /** The cells as written; lead_units and coop_units are their single units (domain §2a). */
  lead_dept: string | null
  resp_depts: string | null
  origin: 'tasks' | 'bundles'
  bundle_name: string | null
  due_date: string | null
  deadline_kind: 'date' | 'date_then_ongoing' | 'ongoing' | 'recurring' | 'external' | 'unparsed'
  precision: string
  interpretation_zh: string
  interpretation_en: string
  status: TaskStatus
  done_date: string | null
  last_report_date: string | null
  reported_in_month: boolean
  wd_overdue: number | null
  wd_late: number | null
  /** Each answers for the task in department figures and rankings; the task still counts once in totals. */
  lead_units: string[]
  /** Co-operating units: listed with the task, never ranked on it. */
  coop_units: string[]
}

/**
 * The part of a stock (a count judged at the review date over every month up to the chosen
 * one) that comes from months before the chosen one: how many, and from which months (of
 * rating, submission or due date), oldest first. Zero with no month chosen. (domain §8a)
 */
export interface CarriedOver {
  count: number
  months: string[]
}

export interface Rule1515 {
  bad: number
  contact_due: number
  contact_on_time: number
  contact_rate: number | null
  rectify_due: number
  rectify_on_time: number
  rectify_rate: number | null
  complex_due: number
  complex_on_time: number
  complex_rate: number | null
  open_overdue: number
  excluded: number
  /** Of open_overdue, the bad reviews rated before the month. */
  carried_over: CarriedOver
  pending_calendar: PendingCalendar & { contact: number, rectify: number, complex: number }
}

export interface EvalDept {
  dept: string
  total: number
  good: number
  bad: number
  good_rate: number | null
  rule_1_5_15: Rule1515
}

export interface ReductionBundle {
  bundle_name: string
  lead_dept: string | null
  materials_before: number | null
  materials_after: number | null
  time_before_wd: number | null
  time_after_wd: number | null
  steps_before: number | null
  steps_after: number | null
  trips_before: number | null
  trips_after: number | null
  form_fields: number | null
  auto_fields: number | null
  materials_cut: number | null
  time_cut: number | null
  steps_cut: number | null
  trips_cut: number | null
  fees_cut: number | null
  auto_fill: number | null
  meets_materials: boolean | null
  meets_time: boolean | null
  meets_steps: boolean | null
  meets_trips: boolean | null
  meets_auto_fill: boolean | null
  apps_completed: number | null
  actual_median_wd: number | null
  actual_p90_wd: number | null
}

export interface TargetShare { met: number, n: number, share: number | null, target: number }

export interface ReductionOverall {
  bundles: number
  materials_cut: number | null
  time_cut: number | null
  steps_cut: number | null
  trips_cut: number | null
  auto_fill: number | null
  meeting: { materials: TargetShare, time: TargetShare, steps: TargetShare, trips: TargetShare, auto_fill: TargetShare }
}

export interface AppFigures {
  total: number
  online: number
  online_rate: number | null
  accept_due: number
  accepted_1wd: number
  accepted_1wd_rate: number | null
  completion_due: number
  on_time: number
  on_time_rate: number | null
  overdue: number
  instant: number
  avg_trips: number | null
  /** Of overdue, the applications submitted before the month and still open past their limit at the review date. */
  carried_over: CarriedOver
  pending_calendar: PendingCalendar & { accept: number, completion: number }
}

export interface MetricsResult {
  as_of: string
  month: string | null
  dept: string | null
  filters: { bundle: string | null, region: string | null, channel: string | null }
  calendar: { from: string, to: string, sources: CalendarSource[] }
  settings: Record<string, unknown>
  tables: Record<string, number>
  bundles_count: number
  schedule: {
    tasks: ScheduleTask[]
    counts: Record<TaskStatus, number>
    /** Of counts.overdue, the tasks due before the month. */
    carried_over: CarriedOver
    pending_calendar: PendingCalendar & { tasks: number }
  }
  evaluations: {
    total: number
    good: number
    bad: number
    good_rate: number | null
    rule_1_5_15: Rule1515
    by_dept: EvalDept[]
  }
  reduction: { bundles: ReductionBundle[], overall: ReductionOverall }
  applications: AppFigures & { by_dept: Array<AppFigures & { dept: string }> }
}
