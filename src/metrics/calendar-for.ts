import type { AddedYear } from '../domain/calendar'
import type { Dataset } from '../ingest/dataset/dataset'
import type { LoadIssue } from '../ingest/table/issues'
import { WorkCalendar } from '../domain/calendar'
import { checkCalendarCoverage } from './prepare'

/**
 * The one place a calendar is built: the package's years, the years the user added (from a
 * notice or a table of days, in the app's settings or `--calendar`), and the adjustments a
 * data set carries as its own table (local days off, extra working days).
 */
export function calendarFor(ds: Dataset, addedYears: readonly AddedYear[] = []): WorkCalendar {
  const t = ds.tables.calendar_adjustments
  const d = t.columns.indexOf('date')
  const w = t.columns.indexOf('workday')
  const note = t.columns.indexOf('note')
  return new WorkCalendar({
    adjustments: t.rows.map(r => ({ date: r[d]!, workday: r[w] === 'true', ...(r[note] ? { note: r[note]! } : {}) })),
    addedYears: [...addedYears],
  })
}

export function calendarAndIssues(dataset: Dataset, addedYears: readonly AddedYear[]): { calendar: WorkCalendar, coverageIssues: LoadIssue[] } {
  const calendar = calendarFor(dataset, addedYears)
  const coverageIssues: LoadIssue[] = [
    // The package is the source for the years it covers; an added copy of one is not used.
    ...calendar.ignoredYears.map((y): LoadIssue => ({ severity: 'warning', code: 'calendar_year_ignored', file: y.source.label, value: String(y.year) })),
    ...checkCalendarCoverage(dataset, calendar),
  ]
  return { calendar, coverageIssues }
}
