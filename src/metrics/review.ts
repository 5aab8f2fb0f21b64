import type { Params } from './db/types'
import type { ReviewDateReason } from '../domain/dates'
import type { RuleSettings } from '../domain/settings'
import { lastDayOfMonth, previousReview, reviewDate } from '../domain/dates'

/** One review: its date, month and filters. What every metric query is asked about. */
export interface MetricsQuery {
  asOf: string
  month?: string | null
  dept?: string | null
  /** Narrow to one bundle (applications, evaluations, reduction, its schedule item). */
  bundle?: string | null
  /** Applications only: where and through which channel they were submitted. */
  region?: string | null
  channel?: string | null
}

/** What a view says about its review: the filters, a date set explicitly, and where the data ends. */
export interface ReviewInputs {
  month: string | null
  /** A review date set explicitly (the URL's `asOf`), else null. */
  asOf: string | null
  /** The data's last day: the review date with no month, and the end of an unfinished month. */
  dataEnd: string | null
  dept: string | null
  bundle: string | null
  region: string | null
  channel: string | null
}

export interface Review {
  query: MetricsQuery
  /** Why the review date is that day (domain §8a). */
  reason: ReviewDateReason
  /** The same review one month earlier at that month's own review date: what changes compare with. */
  previous: MetricsQuery
}

/** The same review one month earlier, at that month's own review date (domain §8a). */
export function previousReviewQuery(q: MetricsQuery, dataEnd: string | null): MetricsQuery {
  return { ...q, ...previousReview(q.month, q.asOf, dataEnd) }
}

/**
 * The review a view describes (domain §8a): the date set explicitly, else the chosen month's
 * end (the data's last day in its last, unfinished month), else the data's last day; with the
 * month before for the changes. Null when nothing says a date.
 */
export function reviewOf(v: ReviewInputs): Review | null {
  const date = reviewDate(v.month, v.asOf, v.dataEnd)
  if (!date)
    return null
  const query: MetricsQuery = { asOf: date.asOf, month: v.month, dept: v.dept, bundle: v.bundle, region: v.region, channel: v.channel }
  return { query, reason: date.reason, previous: previousReviewQuery(query, v.dataEnd) }
}

/**
 * The bound parameters of a review, the one place they are built: every metric SQL file
 * takes them (and only binds those it names). `extra` adds a file's own, e.g. a drill-down.
 */
export function reviewParams(q: MetricsQuery, s: RuleSettings, extra: Params = {}): Params {
  return {
    as_of: q.asOf,
    month_start: q.month ? `${q.month}-01` : null,
    month_end: q.month ? lastDayOfMonth(q.month) : null,
    dept: q.dept ?? null,
    bundle: q.bundle ?? null,
    region: q.region ?? null,
    channel: q.channel ?? null,
    warning_wd: s.warningWd,
    contact_days: s.contactDays,
    rectify_days: s.rectifyDays,
    complex_days: s.complexDays,
    day_kind: s.dayKind,
    accept_wd: s.acceptWd,
    t_materials: s.targets.materials,
    t_time: s.targets.time,
    t_steps: s.targets.steps,
    t_auto: s.targets.autoFill,
    t_trips: s.targets.trips,
    // The month before, answered in the same statement by the files that can (review_points.sql):
    // none unless asked (pairedParams).
    prev_as_of: null,
    prev_month_start: null,
    prev_month_end: null,
    ...extra,
  }
}

/** The parameters that say a review's dates; the others are its filters and the settings. */
const REVIEW_DATES = ['as_of', 'month_start', 'month_end'] as const

/** `p` at the dates of `other`, its filters and settings kept: the second point's own review. */
export function withDatesOf(p: Params, other: Params): Params {
  return { ...p, ...Object.fromEntries(REVIEW_DATES.map(k => [k, other[k] ?? null])) }
}

/** The review's parameters for the points of review_points.sql: the review (pt 0) and `before` (pt 1). */
export function pairedParams(p: Params, before: Params): Params {
  return { ...p, ...Object.fromEntries(REVIEW_DATES.map(k => [`prev_${k}`, before[k] ?? null])) }
}
