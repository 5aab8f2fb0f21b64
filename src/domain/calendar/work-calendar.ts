import type { CalendarCoverage, CalendarSource } from './errors'
import type { AddedYear } from './year'
import { daysFromCivil, fromDayNumber, toDayNumber } from '../dates/civil'
import { baseCalendar } from './data'
import { CalendarCoverageError } from './errors'

/** A local change to the national schedule, e.g. a city's extra day off or a make-up working day. */
export interface CalendarAdjustment {
  date: string
  workday: boolean
  note?: string
}

export interface WorkCalendarOptions {
  /** Applied in order over the national schedule; a later entry for the same date wins. */
  adjustments?: CalendarAdjustment[]
  /**
   * Years to treat as covered although the package has no schedule for them, for when a new
   * year's notice is out before the package is updated: its holidays and make-up working days
   * must then come as adjustments. Must extend the covered years without a gap.
   */
  extraYears?: number[]
  /**
   * Whole years the user added from the State Council notice or a table of days (see
   * year.ts), for years after the package's last. The package stays the source for the years
   * it covers: an added year it already covers is ignored and named in `ignoredYears`.
   */
  addedYears?: AddedYear[]
}

export interface CalendarRow {
  d: string
  workday: boolean
  wd_num: number
  holiday: string | null
}

const LOCAL_DAY_OFF = '本地休息日'

function mergeYears(base: readonly number[], extra: readonly number[] | undefined): number[] {
  const all = new Set(base)
  for (const y of extra ?? []) {
    if (!Number.isInteger(y) || y < 1 || y > 9999)
      throw new RangeError(`无效的年份: ${y} / Invalid year in extraYears: ${y}`)
    all.add(y)
  }
  const years = [...all].sort((a, b) => a - b)
  for (let i = 1; i < years.length; i++) {
    if (years[i] !== years[i - 1]! + 1)
      throw new RangeError(`日历年份不连续: ${years.join(',')} / Covered years must be contiguous: ${years.join(',')}`)
  }
  return years
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48
  return c >= 0 && c <= 9
    ? c
    : Number.NaN
}

// Hot path of every lookup: no regex, no substrings. Garbage gives NaN or a wrong day number,
// both caught by comparing against the precomputed date string.
function quickDayNumber(s: string): number {
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3)
  return daysFromCivil(y, digit(s, 5) * 10 + digit(s, 6), digit(s, 8) * 10 + digit(s, 9))
}

/**
 * China's working-day calendar: Monday–Friday minus statutory holidays plus adjusted working
 * weekends (调休上班), with optional local adjustments. Each working day gets a running
 * number (wd_num), so "the n-th working day after e" is a single array lookup.
 */
export class WorkCalendar {
  readonly coverage: CalendarCoverage
  /** Added years left out because the package already covers them (its schedule wins). */
  readonly ignoredYears: AddedYear[]

  private readonly start: number
  private readonly dates: string[]
  private readonly workday: Uint8Array
  private readonly holiday: (string | null)[]
  /** Working days up to and including each day. */
  private readonly wdNum: Int32Array
  /** Day index of the k-th working day (0-based k). */
  private readonly workdayAt: Int32Array

  constructor(opts: WorkCalendarOptions = {}) {
    const base = baseCalendar()
    const packaged = new Set(base.years)
    const added = (opts.addedYears ?? []).filter(y => !packaged.has(y.year))
    this.ignoredYears = (opts.addedYears ?? []).filter(y => packaged.has(y.year))
    const seen = new Set<number>()
    for (const y of added) {
      if (seen.has(y.year))
        throw new RangeError(`${y.year} 年的节假日安排重复载入 / The holidays of ${y.year} were added twice`)
      seen.add(y.year)
    }
    const years = mergeYears(base.years, [...(opts.extraYears ?? []), ...added.map(y => y.year)])
    const first = years[0]!
    const last = years[years.length - 1]!
    const sources: CalendarSource[] = [{ from_year: base.years[0]!, to_year: base.years[base.years.length - 1]!, kind: 'package', label: 'chinese-days' }]
    for (const y of [...added].sort((a, b) => a.year - b.year)) {
      sources.push({ from_year: y.year, to_year: y.year, kind: y.source.kind, label: y.source.label, ...(y.source.addedAt ? { added_at: y.source.addedAt } : {}) })
    }
    for (const y of opts.extraYears ?? []) {
      if (!packaged.has(y) && !seen.has(y))
        sources.push({ from_year: y, to_year: y, kind: 'adjustments', label: 'extraYears' })
    }
    this.coverage = Object.freeze({
      from: fromDayNumber(daysFromCivil(first, 1, 1)),
      to: fromDayNumber(daysFromCivil(last, 12, 31)),
      years: Object.freeze(years) as number[],
      sources: Object.freeze(sources.sort((a, b) => a.from_year - b.from_year)) as CalendarSource[],
    })
    const addedHolidays = new Map<string, string>()
    const addedWorkdays = new Set<string>()
    for (const y of added) {
      for (const [d, name] of Object.entries(y.holidays)) {
        if (d.slice(0, 4) !== String(y.year))
          throw new RangeError(`${y.year} 年的节假日安排含有其他年份的日期 ${d} / The ${y.year} holidays list a date of another year: ${d}`)
        addedHolidays.set(d, name)
      }
      for (const d of y.workdays) {
        if (d.slice(0, 4) !== String(y.year))
          throw new RangeError(`${y.year} 年的调休上班日含有其他年份的日期 ${d} / The ${y.year} working weekends list a date of another year: ${d}`)
        addedWorkdays.add(d)
      }
    }

    this.start = daysFromCivil(first, 1, 1)
    const size = daysFromCivil(last, 12, 31) - this.start + 1
    this.dates = Array.from({ length: size })
    this.workday = new Uint8Array(size)
    this.holiday = Array.from<string | null>({ length: size }).fill(null)
    for (let i = 0; i < size; i++) {
      const dn = this.start + i
      const d = fromDayNumber(dn)
      this.dates[i] = d
      // Day 0 (1970-01-01) was a Thursday; 0 = Sunday … 6 = Saturday.
      const weekday = ((dn + 4) % 7 + 7) % 7
      const name = base.holidays.get(d) ?? addedHolidays.get(d)
      if (name !== undefined) {
        this.holiday[i] = name
      }
      else {
        this.workday[i] = base.workdays.has(d) || addedWorkdays.has(d) || (weekday >= 1 && weekday <= 5)
          ? 1
          : 0
      }
    }

    for (const adj of opts.adjustments ?? []) {
      const dn = toDayNumber(adj.date)
      if (dn === null)
        throw new RangeError(`本地调整的日期无效: ${String(adj.date)} / Invalid date in calendar adjustment: ${String(adj.date)}`)
      const i = dn - this.start
      // Outside coverage an adjustment cannot change any answer: every question there throws.
      if (i < 0 || i >= size)
        continue
      const note = adj.note?.trim() || null
      if (adj.workday) {
        this.holiday[i] = null
      }
      else {
        this.holiday[i] = note ?? this.holiday[i] ?? (this.workday[i] ? LOCAL_DAY_OFF : null)
      }
      this.workday[i] = adj.workday ? 1 : 0
    }

    this.wdNum = new Int32Array(size)
    let count = 0
    for (let i = 0; i < size; i++) {
      count += this.workday[i]!
      this.wdNum[i] = count
    }
    this.workdayAt = new Int32Array(count)
    for (let i = 0, k = 0; i < size; i++) {
      if (this.workday[i])
        this.workdayAt[k++] = i
    }
  }

  /** Index into the day arrays; -1 for a real date outside coverage; RangeError for non-dates. */
  private locate(date: string): number {
    if (typeof date === 'string' && date.length === 10) {
      const i = quickDayNumber(date) - this.start
      if (i >= 0 && i < this.dates.length && this.dates[i] === date)
        return i
    }
    const dn = toDayNumber(date)
    if (dn === null)
      throw new RangeError(`无效的日期: ${String(date)}（应为 YYYY-MM-DD） / Invalid date (expected YYYY-MM-DD): ${String(date)}`)
    return -1
  }

  private index(date: string): number {
    const i = this.locate(date)
    if (i < 0)
      throw new CalendarCoverageError(date, this.coverage)
    return i
  }

  isCovered(date: string): boolean {
    return this.locate(date) >= 0
  }

  isWorkday(date: string): boolean {
    return this.workday[this.index(date)] === 1
  }

  /** Chinese name of the holiday or local day off on `date`; null on working days and ordinary weekends. */
  holidayName(date: string): string | null {
    return this.holiday[this.index(date)] ?? null
  }

  /**
   * The n-th working day after `date`, counted as administrative law does: the event day itself
   * is not counted, and an event on a day off starts counting on the next working day. n = 0
   * returns `date` unchanged (a same-day limit).
   */
  addWorkdays(date: string, n: number): string {
    const i = this.index(date)
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`工作日数必须是非负整数: ${n} / Working-day count must be a non-negative integer: ${n}`)
    if (n === 0)
      return date
    const k = this.wdNum[i]! + n
    if (k > this.workdayAt.length)
      throw CalendarCoverageError.beyond(date, n, this.coverage)
    return this.dates[this.workdayAt[k - 1]!]!
  }

  /** Calendar-day arithmetic; needs no holiday data, so it works outside coverage too. */
  addDays(date: string, n: number): string {
    if (!Number.isInteger(n))
      throw new RangeError(`天数必须是整数: ${n} / Day count must be an integer: ${n}`)
    const i = this.locate(date)
    const j = i + n
    if (i >= 0 && j >= 0 && j < this.dates.length)
      return this.dates[j]!
    return fromDayNumber(toDayNumber(date)! + n)
  }

  /**
   * Working days after `from` up to and including `to`; negative when `to` is earlier. Equal to
   * n exactly when addWorkdays(from, n) === to, so it reads as "n working days overdue/remaining".
   */
  workdaysBetween(from: string, to: string): number {
    return this.wdNum[this.index(to)]! - this.wdNum[this.index(from)]!
  }

  /** Every covered day in order, shaped for a DuckDB table. */
  rows(): CalendarRow[] {
    const out: CalendarRow[] = Array.from({ length: this.dates.length })
    for (let i = 0; i < this.dates.length; i++) {
      out[i] = {
        d: this.dates[i]!,
        workday: this.workday[i] === 1,
        wd_num: this.wdNum[i]!,
        holiday: this.holiday[i] ?? null,
      }
    }
    return out
  }
}
