/** One row of evaluations_breakdown.sql. */
export interface BreakdownRow {
  dim: 'all' | 'dept' | 'matter' | 'channel' | 'month'
  key: string | null
  total: number
  good: number
  bad: number
  contact_due: number
  contact_on_time: number
  rectify_due: number
  rectify_on_time: number
  complex_due: number
  complex_on_time: number
  open_overdue: number
  excluded: number
  /** Of open_overdue, the reviews rated before the chosen month. */
  carried_over: number
}

/** One row of open_cases.sql. */
export interface OpenCaseRow {
  eval_id: string
  dept: string
  matter_name: string | null
  bundle_name: string | null
  window: string | null
  channel: string | null
  verdict: string | null
  is_complex: boolean
  excluded: boolean
  rated_date: string
  contact_limit: string | null
  case_limit: string | null
  contacted_date: string | null
  open_overdue: boolean
  /** Rated before the chosen month and still open (往月遗留). */
  carried: boolean
  rated_month: string
  wd_remaining: number | null
}

/** One row of excluded_cases.sql. */
export interface ExcludedCaseRow {
  eval_id: string
  dept: string
  matter_name: string | null
  bundle_name: string | null
  window: string | null
  channel: string | null
  verdict: string
  rated_date: string
  contact_limit: string | null
  contacted_date: string | null
  contact_due: boolean
  contact_on_time: boolean
}
