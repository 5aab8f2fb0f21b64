// Resolution of a date token to a day, with its precision and a reading in both languages.

import type { Ymd } from './calendar'
import type { Token } from './tokens'
import type { DeadlineOptions, DeadlinePrecision } from './types'
import { dayBeforeMonth, daysInMonth, enDate, monthEnd, MONTHS_EN, validYear, zhDate } from './calendar'

const DEFAULT_EARLY_XUN_END = 10
const DEFAULT_MID_XUN_END = 20
const QUARTER_ZH = ['一', '二', '三', '四']

export interface Resolved {
  date: Ymd
  precision: Exclude<DeadlinePrecision, 'none'>
  zh: string
  en: string
}

function xunEndDay(setting: number | undefined, fallback: number): number {
  return typeof setting === 'number' && Number.isInteger(setting) && setting >= 1 && setting <= 31 ? setting : fallback
}

export function resolve(tok: Token, y: number, raw: string, opts: DeadlineOptions): Resolved | null {
  const v = tok.value
  let date: Ymd
  let precision: Resolved['precision']
  let zh = ''
  let en = ''
  switch (v.unit) {
    case 'day':
      if (!(v.m >= 1 && v.m <= 12 && v.d >= 1 && v.d <= daysInMonth(y, v.m)))
        return null
      date = { y, m: v.m, d: v.d }
      precision = 'day'
      break
    case 'xun': {
      if (!(v.m >= 1 && v.m <= 12))
        return null
      const last = daysInMonth(y, v.m)
      const early = xunEndDay(opts.earlyXunEndDay, DEFAULT_EARLY_XUN_END)
      const mid = xunEndDay(opts.midXunEndDay, DEFAULT_MID_XUN_END)
      // A setting past the month's end (e.g. 30 in February) means the month's end.
      const day = v.xun === 0 ? Math.min(early, last) : v.xun === 1 ? Math.min(mid, last) : last
      date = { y, m: v.m, d: day }
      precision = 'xun'
      zh = ['上旬末', '中旬末', '下旬末'][v.xun] as string
      en = ['end of early month', 'end of mid-month', 'end of late month'][v.xun] as string
      break
    }
    case 'month':
      if (!(v.m >= 1 && v.m <= 12))
        return null
      precision = 'month'
      if (v.before) {
        date = dayBeforeMonth(y, v.m)
        zh = `“${raw}”从严理解为${y}年${v.m}月1日之前`
        en = `“${raw}” read strictly as before 1 ${MONTHS_EN[v.m - 1]} ${y}`
      }
      else {
        date = monthEnd(y, v.m)
        zh = '月底'
        en = 'end of month'
      }
      break
    case 'quarter':
      if (!(v.q >= 1 && v.q <= 4))
        return null
      precision = 'quarter'
      if (v.before) {
        date = dayBeforeMonth(y, v.q * 3 - 2)
        zh = `“${raw}”从严理解为${y}年第${QUARTER_ZH[v.q - 1]}季度开始之前`
        en = `“${raw}” read strictly as before Q${v.q} ${y} starts`
      }
      else {
        date = monthEnd(y, v.q * 3)
        zh = `第${QUARTER_ZH[v.q - 1]}季度末`
        en = `end of Q${v.q}`
      }
      break
    case 'half':
      precision = 'half_year'
      if (v.before) {
        date = dayBeforeMonth(y, v.h === 1 ? 1 : 7)
        zh = `“${raw}”从严理解为${y}年${v.h === 1 ? '上' : '下'}半年开始之前`
        en = `“${raw}” read strictly as before the ${v.h === 1 ? 'first' : 'second'} half of ${y} starts`
      }
      else {
        date = monthEnd(y, v.h === 1 ? 6 : 12)
        zh = v.h === 1 ? '上半年末' : '下半年末'
        en = v.h === 1 ? 'end of first half-year' : 'end of second half-year'
      }
      break
    case 'midyear':
      date = monthEnd(y, 6)
      precision = 'half_year'
      zh = '年中，按上半年末理解'
      en = 'mid-year, read as end of first half-year'
      break
    case 'year':
      precision = 'year'
      if (v.before) {
        date = { y: y - 1, m: 12, d: 31 }
        zh = `“${raw}”从严理解为${y}年开始之前`
        en = `“${raw}” read strictly as before ${y} starts`
      }
      else {
        date = { y, m: 12, d: 31 }
        zh = '年底'
        en = 'end of year'
      }
      break
  }
  if (!validYear(date.y))
    return null
  return {
    date,
    precision,
    zh: `${zhDate(date)}前${zh ? `（${zh}）` : ''}`,
    en: `by ${enDate(date)}${en ? ` (${en})` : ''}`,
  }
}
