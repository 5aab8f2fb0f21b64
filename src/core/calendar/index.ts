export { CalendarCoverageError } from './errors'
export type { CalendarCoverage } from './errors'
export { WorkCalendar } from './work-calendar'
export type { CalendarAdjustment, CalendarRow, WorkCalendarOptions } from './work-calendar'
