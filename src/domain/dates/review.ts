import { lastDayOfMonth } from './month'

/** Why a review is held at its date: set by the user, the chosen month's end, or the data's last day. */
export type ReviewDateReason = 'set' | 'month_end' | 'data_end'

export interface ReviewDate {
  asOf: string
  reason: ReviewDateReason
}

/**
 * The review date of a view (domain §8a), one rule for the screen, the command line and the
 * bulletin: a date set explicitly wins; a chosen month is reviewed at its last day, or at
 * the data's last day when the month is the data's last and not yet over; with no month,
 * at the data's last day. Null only when nothing says a date (no month, no data).
 */
export function reviewDate(month: string | null | undefined, asOf: string | null | undefined, dataEnd: string | null | undefined): ReviewDate | null {
  if (asOf)
    return { asOf, reason: 'set' }
  if (month) {
    const end = lastDayOfMonth(month)
    if (dataEnd && dataEnd.slice(0, 7) === month && dataEnd < end)
      return { asOf: dataEnd, reason: 'data_end' }
    return { asOf: end, reason: 'month_end' }
  }
  return dataEnd ? { asOf: dataEnd, reason: 'data_end' } : null
}

/** The month before 'YYYY-MM'. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/**
 * The review a month-on-month change compares with: the month before, at its own review
 * date (domain §8a), so cohort is compared with cohort and stock with stock. With no month
 * chosen, the month before the review date's, at its end, over all months.
 */
export function previousReview(month: string | null | undefined, asOf: string, dataEnd: string | null | undefined): { month: string | null, asOf: string } {
  const prev = previousMonth(month ?? asOf.slice(0, 7))
  return { month: month ? prev : null, asOf: reviewDate(prev, null, dataEnd)!.asOf }
}
