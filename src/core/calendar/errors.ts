export interface CalendarCoverage {
  /** Jan 1 of the first covered year. */
  from: string
  /** Dec 31 of the last covered year. */
  to: string
  years: number[]
}

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
    super(message ?? `日期 ${date} 超出节假日日历覆盖范围（${span} 年），无法计算工作日。请更新日历或补充本地调整。`
      + ` / Date ${date} is outside the holiday calendar's coverage (${span}); working days cannot be computed. Update the calendar or add local adjustments.`)
    this.name = 'CalendarCoverageError'
    this.date = date
    this.coverage = coverage
  }

  /** The n-th working day after `date` lies beyond the last covered year. */
  static beyond(date: string, n: number, coverage: CalendarCoverage): CalendarCoverageError {
    const span = yearSpan(coverage)
    return new CalendarCoverageError(date, coverage, `从 ${date} 起第 ${n} 个工作日超出节假日日历覆盖范围（${span} 年），无法计算。请更新日历或补充本地调整。`
      + ` / Working day ${n} after ${date} falls outside the holiday calendar's coverage (${span}). Update the calendar or add local adjustments.`)
  }
}
