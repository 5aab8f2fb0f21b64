import type { ReportLang } from './types'
import { rateText as formatRate } from '../domain/format/rate'

// Counts and rates are written as on the screen and the command line.
export { countText as count, fractionText as pct } from '../domain/format/rate'

const CN_NUM = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** Section numbers as a 通报 writes them: 一、二、… 十一、 */
export function cnNumber(n: number): string {
  if (n <= 10)
    return CN_NUM[n]!
  if (n < 20)
    return `十${CN_NUM[n - 10]}`
  return `${CN_NUM[Math.floor(n / 10)]}十${n % 10 ? CN_NUM[n % 10] : ''}`
}

/** "81.3%（13/16）": a rate always with its basis; "—（无到期）" over an empty denominator. */
export function rateText(num: number, den: number, lang: ReportLang, empty?: string): string {
  return formatRate(num, den, { lang, reason: empty })
}

export function dateText(d: string | null | undefined, lang: ReportLang): string {
  if (!d)
    return '—'
  const [y, m, day] = d.split('-').map(Number)
  return lang === 'zh' ? `${y}年${m}月${day}日` : d
}

export function monthText(month: string, lang: ReportLang): string {
  const [y, m] = month.split('-').map(Number)
  if (lang === 'zh')
    return `${y}年${m}月`
  return new Date(Date.UTC(y!, m! - 1, 1)).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
}

/** An ISO instant as China time, `2024-10-16 10:00`. */
export function chinaDateTime(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 8 * 3600_000)
  return t.toISOString().slice(0, 16).replace('T', ' ')
}
