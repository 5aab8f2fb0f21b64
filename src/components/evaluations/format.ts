/** Counts as supervisors read them: thousands separators, whatever the locale. */
export function fmtCount(n: number): string {
  return n.toLocaleString('en-US')
}

/** A share in per cent, or null over an empty denominator (never 0% or NaN). */
export function share(num: number, den: number): number | null {
  return den > 0 ? num / den * 100 : null
}

/** "62.5%（5/8）", or "—" when nothing is due: the same text RateText shows, for tables and CSV. */
export function rateText(num: number, den: number): string {
  return den > 0 ? `${(num / den * 100).toFixed(1)}%（${fmtCount(num)}/${fmtCount(den)}）` : '—'
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

/**
 * A month tick short enough for twelve to sit side by side on a projector: "3月", with the
 * year under the first month and under each January ("1月\n2025年"); "Mar" in English.
 */
export function monthTick(value: string, index: number, zh: boolean): string {
  const [y, m] = value.split('-')
  const month = zh ? `${Number(m)}月` : new Date(Date.UTC(Number(y), Number(m) - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' })
  return index === 0 || m === '01' ? `${month}\n${zh ? `${y}年` : y}` : month
}

/**
 * Lower end of a rate axis (per cent): the tens below the lowest rate, so rates of 94–98% do
 * not lie flat along the top of a 0–100 axis. The axis labels say where it starts.
 */
export function rateAxisMin(values: Array<number | null>): number {
  const v = values.filter((x): x is number => x !== null)
  return v.length ? Math.max(0, Math.floor(Math.min(...v) / 10) * 10 - (Math.min(...v) % 10 === 0 ? 10 : 0)) : 0
}
