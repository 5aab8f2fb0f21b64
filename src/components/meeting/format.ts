/** "81.3%", or "—" when nothing was due: the same rounding as RateText, so both pages agree. */
export function percent(num: number, den: number): string {
  return den > 0 ? `${(num / den * 100).toFixed(1)}%` : '—'
}

/** A fraction (0.613) as "61.3%", or "—" when there is no figure. */
export function fractionPercent(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`
}

/** Counts with thousands separators ("12,340"), the same in zh-CN and English. */
export function count(n: number): string {
  return n.toLocaleString('zh-CN')
}
