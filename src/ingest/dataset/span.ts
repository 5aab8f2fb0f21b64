import type { TableName } from '../../domain/contract/tables'
import type { Dataset } from './dataset'

/** Event columns whose dates say how far a data set reaches. */
export const EVENTS: Array<[TableName, string]> = [
  ['applications', 'submitted_at'],
  ['applications', 'accepted_at'],
  ['applications', 'completed_at'],
  ['applications', 'delivered_at'],
  ['evaluations', 'rated_at'],
  ['rectifications', 'contacted_at'],
  ['rectifications', 'rectified_at'],
  ['rectifications', 'closed_at'],
  ['task_progress', 'report_date'],
  ['task_progress', 'done_date'],
]

export interface DataSpan {
  /** The first day with data ('YYYY-MM-DD'). */
  first: string
  /** The data's last day: where a review with no month, or of the data's last month, is held. */
  last: string
}

/**
 * The days a data set covers. The last day is the date the data set declares (an embedded
 * set's `as_of`), else its latest event (an application, evaluation, rectification or
 * progress report), else the end of its plan year — never after `today`. One function for the app, the command line and the
 * bulletin, so they agree on the default review date and on which months have data.
 */
export function dataSpan(ds: Dataset, today: string): DataSpan | null {
  let first: string | null = null
  let latest: string | null = null
  for (const [table, col] of EVENTS) {
    const t = ds.tables[table]
    const i = t.columns.indexOf(col)
    if (i < 0)
      continue
    for (const row of t.rows) {
      const v = row[i]
      if (!v)
        continue
      if (latest === null || v > latest)
        latest = v
      if (first === null || v < first)
        first = v
    }
  }
  const planYear = ds.plan?.plan_year
  let last = ds.plan?.as_of ?? latest?.slice(0, 10) ?? (planYear ? `${planYear}-12-31` : null)
  if (last === null)
    return null
  if (last > today)
    last = today
  const start = first?.slice(0, 10) ?? (planYear ? `${planYear}-01-01` : `${last.slice(0, 4)}-01-01`)
  return { first: start < last ? start : last, last }
}

/**
 * The year that dates year-less deadlines ("10月底前") when neither the row (年度) nor the plan
 * document names one: the year of the data's last day, else today's. The app, the command
 * line and the bulletin all use it (the rows' and the plan's years come first, in buildSchedule).
 */
export function planYearFallback(ds: Dataset, today: string): number {
  return Number((dataSpan(ds, today)?.last ?? today).slice(0, 4))
}
