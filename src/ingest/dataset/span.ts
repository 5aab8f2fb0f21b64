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
 * The days a data set covers, before any cap: its first event, and the date it declares (an
 * embedded set's `as_of`), else its latest event (an application, evaluation, rectification or
 * progress report), else the end of its plan year. What a warm start saves (DatasetSummary),
 * since it does not know on which day it will be read.
 */
export function uncappedSpan(ds: Dataset): DataSpan | null {
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
  const last = ds.plan?.as_of ?? latest?.slice(0, 10) ?? (planYear ? `${planYear}-12-31` : null)
  if (last === null)
    return null
  const start = first?.slice(0, 10) ?? (planYear ? `${planYear}-01-01` : `${last.slice(0, 4)}-01-01`)
  return { first: start < last ? start : last, last }
}

/**
 * A span never after `today`: data dated later (a clock behind the data, a declared date to
 * come) is not yet reviewable. A span wholly after today shrinks to today alone.
 */
export function capSpan(span: DataSpan | null, today: string): DataSpan | null {
  if (!span)
    return null
  const last = span.last > today ? today : span.last
  return { first: span.first < last ? span.first : last, last }
}

/**
 * The days a data set covers as of `today` (`uncappedSpan`, capped). One function for the app,
 * the command line and the bulletin, so they agree on the default review date and on which
 * months have data.
 */
export function dataSpan(ds: Dataset, today: string): DataSpan | null {
  return capSpan(uncappedSpan(ds), today)
}

/**
 * The year that dates year-less deadlines ("10月底前") when neither the row (年度) nor the plan
 * document names one: the year of the span's last day as of `today`, else today's. The app
 * (from a saved span), the command line and the bulletin all use it (the rows' and the plan's
 * years come first, in buildSchedule).
 */
export function planYearOf(span: DataSpan | null, today: string): number {
  return Number((capSpan(span, today)?.last ?? today).slice(0, 4))
}

/** `planYearOf` the data set's own span. */
export function planYearFallback(ds: Dataset, today: string): number {
  return planYearOf(uncappedSpan(ds), today)
}
