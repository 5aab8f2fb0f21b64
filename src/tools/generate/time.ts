// Time on the generator's own axis: whole seconds since midnight of the first generated day.
// Integers keep 1M rows cheap (no Date objects, no parsing) and make ordering checks trivial;
// strings are made only when a row is written, as naive China time 'YYYY-MM-DD HH:mm:ss'.

import type { WorkCalendar } from '../../domain/calendar'
import type { Rng } from './prng'

export const DAY = 86_400
export const H = 3_600
export const M = 60
/** A time after every other: "not within the data set", i.e. left empty in the output. */
export const NEVER = Number.POSITIVE_INFINITY

/** Counter opening hours (服务时间): window and postal submissions happen only inside these. */
export const COUNTER_HOURS: ReadonlyArray<readonly [number, number]> = [[9 * H, 12 * H], [13 * H + 30 * M, 17 * H + 30 * M]]
/** Staff hours, a little longer than the counters: back-office acceptance, approval, follow-up calls. */
export const STAFF_HOURS: ReadonlyArray<readonly [number, number]> = [[8 * H + 30 * M, 12 * H], [13 * H + 30 * M, 18 * H]]

const PAD = Array.from({ length: 60 }, (_, i) => (i < 10 ? `0${i}` : String(i)))

export class TimeAxis {
  /** Number of days on the axis. */
  readonly days: number
  readonly dates: string[]
  private readonly work: Uint8Array
  /** Working days up to and including each day. */
  private readonly wdNum: Int32Array
  /** Day index of the k-th working day (0-based). */
  private readonly workdayAt: Int32Array

  /**
   * The axis runs from `first` for `days` days, clipped to the calendar's coverage so that
   * no working-day question is ever answered by guessing: past its end, everything is NEVER.
   */
  constructor(cal: WorkCalendar, first: string, days: number) {
    const last = cal.coverage.to
    const dates: string[] = []
    for (let i = 0; i < days; i++) {
      const d = cal.addDays(first, i)
      if (d > last)
        break
      dates.push(d)
    }
    this.dates = dates
    this.days = dates.length
    this.work = new Uint8Array(this.days)
    this.wdNum = new Int32Array(this.days)
    const at: number[] = []
    let n = 0
    for (let i = 0; i < this.days; i++) {
      if (cal.isWorkday(dates[i]!)) {
        this.work[i] = 1
        at.push(i)
        n++
      }
      this.wdNum[i] = n
    }
    this.workdayAt = Int32Array.from(at)
  }

  isWorkday(day: number): boolean {
    return this.work[day] === 1
  }

  /** Index of a 'YYYY-MM-DD' date on the axis, or −1. */
  indexOf(date: string): number {
    return this.dates.indexOf(date)
  }

  /**
   * The n-th working day after `day`, counted as administrative law does (the event day is not
   * counted; from a day off, counting starts on the next working day); n = 0 gives `day`.
   * NEVER when it falls beyond the axis.
   */
  addWorkdays(day: number, n: number): number {
    if (n === 0)
      return day
    const k = this.wdNum[day]! + n
    return k <= this.workdayAt.length ? this.workdayAt[k - 1]! : NEVER
  }

  /** `day` itself when it is a working day, else the next one (NEVER past the axis). */
  workdayOnOrAfter(day: number): number {
    return this.isWorkday(day) ? day : this.addWorkdays(day, 1)
  }

  /** Working days after `from` up to and including `to`. */
  workdaysBetween(from: number, to: number): number {
    return this.wdNum[to]! - this.wdNum[from]!
  }

  format(t: number): string {
    const day = Math.floor(t / DAY)
    let s = t - day * DAY
    const h = Math.floor(s / H)
    s -= h * H
    const m = Math.floor(s / M)
    return `${this.dates[day]} ${PAD[h]}:${PAD[m]}:${PAD[s - m * M]}`
  }

  /** A time formatted if it lies on or before `end`, else empty: what an export at `end` shows. */
  formatUpTo(t: number, end: number): string {
    return t <= end ? this.format(t) : ''
  }

  /**
   * A random moment of `day` within `hours`, no earlier than `notBefore` (seconds on the axis);
   * when the day has no such time left, or is not a working day, the next working day's.
   * Drawn in proportion to the open time left, so same-day actions cluster after the event.
   */
  officeTime(day: number, rng: Rng, notBefore = 0, hours = STAFF_HOURS): number {
    for (let d = this.workdayOnOrAfter(day); d < this.days; d = this.addWorkdays(d, 1)) {
      const base = d * DAY
      let open = 0
      for (const [a, b] of hours)
        open += Math.max(0, base + b - Math.max(base + a, notBefore))
      if (open <= 0)
        continue
      let x = rng.next() * open
      for (const [a, b] of hours) {
        const from = Math.max(base + a, notBefore)
        const len = Math.max(0, base + b - from)
        if (x < len)
          return Math.floor(from + x)
        x -= len
      }
      return Math.floor(base + hours[hours.length - 1]![1])
    }
    return NEVER
  }

  /** The first staff moment at or after `t` plus a random handling delay of up to `spread` seconds. */
  staffAfter(t: number, rng: Rng, minDelay: number, spread: number): number {
    if (t === NEVER)
      return NEVER
    const target = t + minDelay + Math.floor(rng.next() * spread)
    const day = Math.floor(target / DAY)
    if (day >= this.days)
      return NEVER
    if (this.isWorkday(day)) {
      const sec = target - day * DAY
      for (const [a, b] of STAFF_HOURS) {
        if (sec >= a && sec < b)
          return target
      }
    }
    return this.officeTime(day, rng, target)
  }
}

/** True when a time of day (seconds since midnight) lies within counter hours. */
export function inCounterHours(secondOfDay: number): boolean {
  return COUNTER_HOURS.some(([a, b]) => secondOfDay >= a && secondOfDay <= b)
}
