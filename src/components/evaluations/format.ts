import { CELL_RATE, countText, rateText as formatRate } from '../../domain/format/rate'

export { share } from '../../domain/format/rate'

/** Counts as supervisors read them: thousands separators, whatever the locale. */
export const fmtCount = countText

/** "62.5%（5/8）", or "—" when nothing is due: the same text RateText shows, for tables and CSV. */
export function rateText(num: number, den: number): string {
  return formatRate(num, den, CELL_RATE)
}

/** Urgency of a limit N working days away: red once past, yellow on the day and the day before. */
export type DueTone = 'overdue' | 'due_soon' | 'on_track'
export function dueTone(wdRemaining: number): DueTone {
  return wdRemaining < 0 ? 'overdue' : wdRemaining <= 1 ? 'due_soon' : 'on_track'
}

/** The last `n` months up to and including `last` (YYYY-MM), for trends that must stay legible. */
export function lastMonths<T extends { key: string }>(rows: T[], last: string, n = 12): T[] {
  return rows.filter(r => r.key <= last).slice(-n)
}
