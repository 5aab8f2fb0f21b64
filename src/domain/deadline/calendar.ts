// Plain Y/M/D arithmetic: no Date objects, no time zones.

// Years outside this window are far more likely to be typos or garbage than real plans.
const MIN_YEAR = 1900
const MAX_YEAR = 2199

export const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export interface Ymd { y: number, m: number, d: number }

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2)
    return isLeap(y) ? 29 : 28
  return [4, 6, 9, 11].includes(m) ? 30 : 31
}

export function validYear(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR
}

export function monthEnd(y: number, m: number): Ymd {
  return { y, m, d: daysInMonth(y, m) }
}

// The last day before month m of year y starts.
export function dayBeforeMonth(y: number, m: number): Ymd {
  return m === 1 ? { y: y - 1, m: 12, d: 31 } : monthEnd(y, m - 1)
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

export function isoDate(v: Ymd): string {
  return `${pad(v.y, 4)}-${pad(v.m, 2)}-${pad(v.d, 2)}`
}

export function zhDate(v: Ymd): string {
  return `${v.y}年${v.m}月${v.d}日`
}

export function enDate(v: Ymd): string {
  return `${v.d} ${MONTHS_EN[v.m - 1]} ${v.y}`
}
