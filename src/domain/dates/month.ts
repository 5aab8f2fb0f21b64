import { daysInMonth, fromDayNumber, MS_PER_DAY, pad2, pad4 } from './civil'
import { parseChinaDate } from './parse'

const CHINA_OFFSET_MS = 8 * 3_600_000
const MONTH = /^(\d{4})-(\d{2})$/

/** Today's date in China ('YYYY-MM-DD'), whatever the host's time zone. */
export function chinaToday(now: Date = new Date()): string {
  const ms = now.getTime()
  if (Number.isNaN(ms))
    throw new RangeError('无效的时间 / Invalid Date')
  return fromDayNumber(Math.floor((ms + CHINA_OFFSET_MS) / MS_PER_DAY))
}

/**
 * 'YYYY-MM' of a date or date-time. Anything parseChinaDate accepts works, so an ISO time
 * with an offset is assigned to its China month (2024-09-30T17:00:00Z → '2024-10').
 * Throws RangeError for input that does not parse.
 */
export function chinaMonthOf(date: string): string {
  const r = parseChinaDate(date)
  if (!r.ok)
    throw new RangeError(`无法识别的日期: ${String(date)} / Unrecognised date: ${String(date)}`)
  return r.value.slice(0, 7)
}

/** '2024-02' → '2024-02-29'. Throws RangeError unless given 'YYYY-MM'. */
export function lastDayOfMonth(month: string): string {
  const m = typeof month === 'string'
    ? MONTH.exec(month)
    : null
  const y = Number(m?.[1])
  const mo = Number(m?.[2])
  if (!(y >= 1 && mo >= 1 && mo <= 12))
    throw new RangeError(`无法识别的月份: ${String(month)} / Unrecognised month (expected YYYY-MM): ${String(month)}`)
  return `${pad4(y)}-${pad2(mo)}-${daysInMonth(y, mo)}`
}
