import { civilFromDays, daysFromCivil, formatYmd, isValidYmd, pad2 } from './civil'

export type DateParseResult
  = | { ok: true, value: string, hasTime: boolean }
    | { ok: false, reason: 'empty' | 'format' | 'invalid' }

const EMPTY: DateParseResult = Object.freeze({ ok: false, reason: 'empty' })
const FORMAT: DateParseResult = Object.freeze({ ok: false, reason: 'format' })
const INVALID: DateParseResult = Object.freeze({ ok: false, reason: 'invalid' })

// The longest accepted shape ('2024-10-31T14:05:09.123456789 +08:00' plus some slack) is far
// below this; refusing longer input up front keeps the cost bounded whatever a cell holds.
const MAX_LENGTH = 64

const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/
// The backreference stops mixed separators ('2024-10/31') from passing as a date.
const NUMERIC_DATE = /^(?<y>\d{4})(?<sep>[-/.])(?<mo>\d{1,2})\k<sep>(?<d>\d{1,2})/
const CHINESE_DATE = /^(?<y>\d{4}) ?年 ?(?<mo>\d{1,2}) ?月 ?(?<d>\d{1,2}) ?(?<end>[日号])?/
const DATE_TIME_SEPARATOR = /^(?: ?t ?| )/i
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,12})?)? ?(?:(z)|([+-])(\d{2})(?::?(\d{2}))?)?$/i

// Full-width ASCII (U+FF01–U+FF5E) sits exactly 0xFEE0 above its ASCII twin; WPS and IME
// input often produce full-width digits, colons and separators in otherwise plain dates.
const FULL_WIDTH = /[\uFF01-\uFF5E]/g
// Anything but a single plain space between tokens; the common clean input skips the rewrite.
const ODD_SPACE = /\s{2,}|[^\S ]/

function normalize(s: string): string {
  FULL_WIDTH.lastIndex = 0
  if (FULL_WIDTH.test(s))
    s = s.replace(FULL_WIDTH, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
  return ODD_SPACE.test(s)
    ? s.replace(/\s+/g, ' ')
    : s
}

function formatDateTime(dayNumber: number, minuteOfDay: number, second: number): string | null {
  const [y, m, d] = civilFromDays(dayNumber)
  if (y < 1 || y > 9999)
    return null
  return `${formatYmd(y, m, d)} ${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}:${pad2(second)}`
}

interface DatePart { y: number, mo: number, d: number, rest: string }

/** The date fields and whatever follows the date-time separator; null when the shape is wrong. */
function splitDate(s: string): DatePart | null {
  const compact = COMPACT_DATE.exec(s)
  if (compact) {
    return {
      y: Number(compact[1]),
      mo: Number(compact[2]),
      d: Number(compact[3]),
      rest: '',
    }
  }

  const numeric = NUMERIC_DATE.exec(s)
  const chinese = numeric
    ? null
    : CHINESE_DATE.exec(s)
  const m = numeric ?? chinese
  if (!m?.groups)
    return null
  const part = {
    y: Number(m.groups.y),
    mo: Number(m.groups.mo),
    d: Number(m.groups.d),
    rest: s.slice(m[0].length),
  }
  if (part.rest === '')
    return part
  const sep = DATE_TIME_SEPARATOR.exec(part.rest)
  if (sep) {
    part.rest = part.rest.slice(sep[0].length)
    // A separator promises a time: '2024-10-31T' is not a date.
    return part.rest === ''
      ? null
      : part
  }
  // '2024年10月31日14:05' needs no separator once 日 closes the date.
  return chinese?.groups?.end ? part : null
}

/**
 * Parses a date or date-time as written in Chinese government exports into naive China
 * Standard Time 'YYYY-MM-DD HH:mm:ss'. Input with an explicit offset (or Z) is converted
 * to China time; input without one is China time already. Never throws.
 */
export function parseChinaDateTime(raw: string): DateParseResult {
  // Cells from CSV/xlsx readers are not always strings, whatever the type says.
  if (raw === null || raw === undefined)
    return EMPTY
  if (typeof raw !== 'string')
    return FORMAT
  const trimmed = raw.trim()
  if (trimmed === '')
    return EMPTY
  if (trimmed.length > MAX_LENGTH)
    return FORMAT
  const s = normalize(trimmed)

  const date = splitDate(s)
  if (!date)
    return FORMAT
  const { y, mo, d, rest } = date

  let hour = 0
  let minute = 0
  let second = 0
  let offsetMinutes: number | null = null
  const hasTime = rest !== ''
  if (hasTime) {
    const t = TIME.exec(rest)
    if (!t)
      return FORMAT
    hour = Number(t[1])
    minute = Number(t[2])
    second = t[3] === undefined
      ? 0
      : Number(t[3])
    if (t[4]) {
      offsetMinutes = 0
    }
    else if (t[5]) {
      const oh = Number(t[6])
      const om = t[7] === undefined
        ? 0
        : Number(t[7])
      if (oh > 23 || om > 59)
        return INVALID
      offsetMinutes = (t[5] === '-'
        ? -1
        : 1) * (oh * 60 + om)
    }
  }
  if (!isValidYmd(y, mo, d) || hour > 23 || minute > 59 || second > 59)
    return INVALID

  let dayNumber = daysFromCivil(y, mo, d)
  let minuteOfDay = hour * 60 + minute
  if (offsetMinutes !== null) {
    const total = dayNumber * 1440 + minuteOfDay + 480 - offsetMinutes
    dayNumber = Math.floor(total / 1440)
    minuteOfDay = total - dayNumber * 1440
  }
  const value = formatDateTime(dayNumber, minuteOfDay, second)
  return value === null
    ? INVALID
    : { ok: true, value, hasTime }
}

/** Like parseChinaDateTime but keeps only the China date, 'YYYY-MM-DD'. */
export function parseChinaDate(raw: string): DateParseResult {
  const r = parseChinaDateTime(raw)
  return r.ok
    ? {
        ok: true,
        value: r.value.slice(0, 10),
        hasTime: r.hasTime,
      }
    : r
}
