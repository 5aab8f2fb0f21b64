/** Where the schedule of a run of covered years comes from, for the provenance of every figure. */
export interface CalendarSource {
  from_year: number
  to_year: number
  /** package: chinese-days; notice: a pasted or loaded State Council notice; table: a table of days. */
  kind: 'package' | 'notice' | 'table' | 'adjustments'
  label: string
  /** When the user added it (ISO date), for added years. */
  added_at?: string
}

export interface CalendarCoverage {
  /** Jan 1 of the first covered year. */
  from: string
  /** Dec 31 of the last covered year. */
  to: string
  years: number[]
  sources: CalendarSource[]
}

/** Where a user adds the next year's holidays, appended to every coverage message. */
export const ADD_YEAR_HINT = '请在“设置 → 节假日安排”中载入该年的国务院节假日安排通知（命令行：--calendar 文件）'
export const ADD_YEAR_HINT_EN = 'Add that year\'s State Council holiday notice under Settings → Holiday schedule (command line: --calendar FILE)'

function yearSpan(coverage: CalendarCoverage): string {
  const first = coverage.years[0]
  const last = coverage.years[coverage.years.length - 1]
  return first === last
    ? String(first)
    : `${first}–${last}`
}

/**
 * A working-day question about a day the holiday calendar does not know. Shown to the user
 * instead of guessing Monday–Friday, because a guessed year silently shifts every deadline.
 */
export class CalendarCoverageError extends Error {
  readonly date: string
  readonly coverage: CalendarCoverage

  constructor(date: string, coverage: CalendarCoverage, message?: string) {
    const span = yearSpan(coverage)
    super(message ?? `日期 ${date} 超出节假日日历覆盖范围（${span} 年），无法计算工作日。${ADD_YEAR_HINT}。`
      + ` / Date ${date} is outside the holiday calendar's coverage (${span}); working days cannot be computed. ${ADD_YEAR_HINT_EN}.`)
    this.name = 'CalendarCoverageError'
    this.date = date
    this.coverage = coverage
  }

  /** The n-th working day after `date` lies beyond the last covered year. */
  static beyond(date: string, n: number, coverage: CalendarCoverage): CalendarCoverageError {
    const span = yearSpan(coverage)
    return new CalendarCoverageError(date, coverage, `从 ${date} 起第 ${n} 个工作日超出节假日日历覆盖范围（${span} 年），无法计算。${ADD_YEAR_HINT}。`
      + ` / Working day ${n} after ${date} falls outside the holiday calendar's coverage (${span}). ${ADD_YEAR_HINT_EN}.`)
  }
}
