/** Counts shared by applications_trend.sql and applications_by_channel.sql rows. */
export interface AppCounts {
  total: number
  accept_due: number
  accepted_1wd: number
  completion_due: number
  on_time: number
  overdue: number
}

export interface AppTrendRow extends AppCounts {
  month: string
  online: number
}

export interface AppChannelRow extends AppCounts {
  channel: string | null
  is_online: boolean
}

/** One row of overdue_applications.sql. */
export interface OverdueAppRow {
  app_id: string
  dept: string
  bundle_name: string | null
  matter_name: string | null
  region: string | null
  channel: string | null
  status: string | null
  promised_wd: number
  submitted_date: string
  accepted_date: string | null
  done_limit: string
  wd_overdue: number
  open_overdue_total: number
  /** Submitted before the chosen month and still open past its limit (往月遗留). */
  carried: boolean
  submitted_month: string
}
