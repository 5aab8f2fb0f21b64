// Day numbers count days since 1970-01-01 (the same numbers as Date.UTC(...) / 86_400_000),
// computed with integer arithmetic (Howard Hinnant's civil-date algorithms) so that neither
// the host time zone nor Date's two-digit-year quirk (years 0–99 map to 1900–1999) can leak in.

export const MS_PER_DAY = 86_400_000

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) {
    return isLeapYear(y)
      ? 29
      : 28
  }
  return m === 4 || m === 6 || m === 9 || m === 11
    ? 30
    : 31
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
}

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2
    ? y - 1
    : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

export function civilFromDays(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10
    ? mp + 3
    : mp - 9
  const y = yoe + era * 400 + (m <= 2
    ? 1
    : 0)
  return [y, m, d]
}

export function pad2(n: number): string {
  return n < 10
    ? `0${n}`
    : String(n)
}

export function pad4(n: number): string {
  return String(n).padStart(4, '0')
}

export function formatYmd(y: number, m: number, d: number): string {
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`
}

/** 'YYYY-MM-DD' for a day number; the inverse of toDayNumber. */
export function fromDayNumber(dayNumber: number): string {
  const [y, m, d] = civilFromDays(dayNumber)
  return formatYmd(y, m, d)
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Day number of a strict 'YYYY-MM-DD' string, or null when it is not one or not a real date. */
export function toDayNumber(date: string): number | null {
  const m = typeof date === 'string'
    ? DATE_ONLY.exec(date)
    : null
  if (!m)
    return null
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  return isValidYmd(y, mo, d)
    ? daysFromCivil(y, mo, d)
    : null
}
