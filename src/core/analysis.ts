import type { Db } from './db/types'
import type { Dataset } from './load/dataset'
import type { LoadIssue } from './load/issues'
import type { MetricsQuery } from './metrics/run'
import type { MetricsResult } from './metrics/types'
import type { RuleSettings } from './settings'
import type { SqlFiles } from './sql'
import { WorkCalendar } from './calendar'
import { loadIntoDb, checkCalendarCoverage, loadSchedule } from './metrics/prepare'
import { computeMetrics } from './metrics/run'

/** Calendar adjustments a data set carries as its own table (local days off, extra working days). */
export function calendarFor(ds: Dataset): WorkCalendar {
  const t = ds.tables.calendar_adjustments
  const d = t.columns.indexOf('date')
  const w = t.columns.indexOf('workday')
  const note = t.columns.indexOf('note')
  return new WorkCalendar({
    adjustments: t.rows.map(r => ({ date: r[d]!, workday: r[w] === 'true', ...(r[note] ? { note: r[note]! } : {}) })),
  })
}

/**
 * One loaded data set inside one database, ready to answer metric queries. The command
 * line and the app both go through this, so they can only ever show the same figures.
 */
export class Analysis {
  private constructor(
    readonly db: Db,
    readonly dataset: Dataset,
    readonly calendar: WorkCalendar,
    readonly sql: SqlFiles,
    private settings: RuleSettings,
    private fallbackYear: number,
    readonly coverageIssues: LoadIssue[],
  ) {}

  static async open(db: Db, dataset: Dataset, sql: SqlFiles, settings: RuleSettings, fallbackYear: number): Promise<Analysis> {
    const calendar = calendarFor(dataset)
    const coverageIssues = checkCalendarCoverage(dataset, calendar)
    await loadIntoDb(db, dataset, calendar, settings, fallbackYear)
    return new Analysis(db, dataset, calendar, sql, settings, fallbackYear, coverageIssues)
  }

  /** Settings that change how deadlines parse (the 中旬 day) rebuild the schedule table. */
  async updateSettings(settings: RuleSettings): Promise<void> {
    const reparse = settings.midXunEndDay !== this.settings.midXunEndDay || settings.earlyXunEndDay !== this.settings.earlyXunEndDay
    this.settings = settings
    if (reparse)
      await loadSchedule(this.db, this.dataset, settings, this.fallbackYear)
  }

  get currentSettings(): RuleSettings {
    return this.settings
  }

  /** Throws CalendarCoverageError when the review date lies outside the calendar. */
  async metrics(q: MetricsQuery): Promise<MetricsResult> {
    this.calendar.isWorkday(q.asOf)
    return computeMetrics(this.db, this.sql, q, this.settings, { from: this.calendar.coverage.from, to: this.calendar.coverage.to })
  }
}
