import type { Db } from './db/types'
import type { Dataset } from '../ingest/dataset/dataset'
import type { LoadIssue } from '../ingest/table/issues'
import type { Params, Row } from './db/types'
import type { MetricsPart } from './run'
import type { MetricsQuery } from './review'
import type { SqlRow } from './rows'
import type { MetricsResult } from './types'
import type { RuleSettings } from '../domain/settings'
import type { SqlFiles, SqlName } from './sql'
import type { AddedYear, WorkCalendar } from '../domain/calendar'
import { LruMap } from '../domain/lru'
import { calendarAndIssues, calendarFor } from './calendar-for'
import { buildFacts, LOGS_READ, loadIntoDb, loadLogs, loadSchedule, loadSmallTables, staleFacts } from './prepare'
import { ALL_PARTS, computeMetrics, tableCountsSql, usedParams } from './run'
import { pairedParams, reviewParams, withDatesOf } from './review'
import { SQL_COLUMNS } from './rows'
import { composeSql, SQL_NAMES } from './sql'

/** Answers kept per Analysis: a long review session must not grow without bound. */
export const ANSWERS_KEPT = 300

/** The files whose rows carry the review point (review_points.sql): they can answer a review and its month before at once. */
const PAIRED: ReadonlySet<SqlName> = new Set(SQL_NAMES.filter(n => 'pt' in SQL_COLUMNS[n]))

/**
 * Answers computed on an earlier visit from these very tables — the caller vouches for that
 * (the app keys them by data, settings, calendar, SQL and build) — looked up by the same keys
 * as `answers`. Consulted only while the settings are those the tables were built with, so
 * a figure is never taken from them after any change; `keep` is handed every fresh answer
 * under those settings, for the next visit.
 */
export interface SavedAnswers {
  get: (key: string) => Row[] | undefined
  keep: (key: string, rows: Row[]) => void
}

/** The key of the table counts among the answers (no SQL file has this name). */
const COUNTS_KEY = '\u0000counts'

/**
 * One loaded data set inside one database, ready to answer metric queries. The command
 * line and the app both go through this, so they can only ever show the same figures.
 */
export class Analysis {
  /**
   * Answers already computed, by SQL file and the parameters it binds. The tables of an
   * Analysis never change under it except through updateSettings and refreshFacts, which
   * forget them; so going back to a month, or changing only the month (the reduction has
   * none), costs nothing.
   */
  private answers = new LruMap<string, Promise<Row[]>>(ANSWERS_KEPT)
  private counts: Promise<Row[]> | null = null

  private constructor(
    readonly db: Db,
    readonly dataset: Dataset,
    readonly calendar: WorkCalendar,
    readonly sql: SqlFiles,
    private settings: RuleSettings,
    private fallbackYear: number,
    readonly coverageIssues: LoadIssue[],
    private saved: SavedAnswers | null = null,
  ) {
    this.savedSettings = JSON.stringify(settings)
  }

  /** The settings `saved` holds answers for, by value. */
  private readonly savedSettings: string

  /**
   * `fallbackYear` dates year-less deadlines when neither a row nor the plan names a year;
   * the app and the command line pass `planYearFallback` so they date them alike.
   */
  static async open(db: Db, dataset: Dataset, sql: SqlFiles, settings: RuleSettings, fallbackYear: number, addedYears: readonly AddedYear[] = [], saved: SavedAnswers | null = null): Promise<Analysis> {
    return Analysis.restore(db, dataset, sql, settings, fallbackYear, addedYears, calendar => loadIntoDb(db, dataset, calendar, settings, fallbackYear, sql), saved)
  }

  /**
   * As open(), but returned once the small tables are in: the logs and their facts go in as a
   * change behind it, and a read whose SQL names none of them answers meanwhile (see whenSettled).
   */
  static async openInParts(db: Db, dataset: Dataset, sql: SqlFiles, settings: RuleSettings, fallbackYear: number, addedYears: readonly AddedYear[] = [], saved: SavedAnswers | null = null): Promise<Analysis> {
    const { calendar, coverageIssues } = calendarAndIssues(dataset, addedYears)
    await loadSmallTables(db, dataset, calendar, settings, fallbackYear, sql)
    const a = new Analysis(db, dataset, calendar, sql, settings, fallbackYear, coverageIssues, saved)
    a.logsLoading = true
    // Its failure reaches the readers that need the logs (see `change`); not unhandled here.
    a.change(() => loadLogs(db, dataset, settings, sql).finally(() => (a.logsLoading = false))).catch(() => {})
    return a
  }

  /**
   * As open(), but `fill` puts the tables into `db` — the app's warm start brings back the
   * tables it saved from this very data set, settings and calendar instead of building them.
   */
  static async restore(db: Db, dataset: Dataset, sql: SqlFiles, settings: RuleSettings, fallbackYear: number, addedYears: readonly AddedYear[], fill: (calendar: WorkCalendar) => Promise<void>, saved: SavedAnswers | null = null): Promise<Analysis> {
    const { calendar, coverageIssues } = calendarAndIssues(dataset, addedYears)
    await fill(calendar)
    return new Analysis(db, dataset, calendar, sql, settings, fallbackYear, coverageIssues, saved)
  }

  /**
   * As restore(), but returned at once: `fill` runs as the first change, so every read waits
   * for it — except those `saved` answers, which are answered straight away (the app's warm
   * start draws its first page from them while the engine is still starting). `db` may be
   * one that waits for the engine. `coverage`: the `coverageIssues` an Analysis of the same
   * data and calendar found (they read every log row), else they are found here.
   */
  static restoreInBackground(db: Db, dataset: Dataset, sql: SqlFiles, settings: RuleSettings, fallbackYear: number, addedYears: readonly AddedYear[], fill: (calendar: WorkCalendar) => Promise<void>, saved: SavedAnswers | null, coverage: LoadIssue[] | null = null): Analysis {
    const { calendar, coverageIssues } = coverage ? { calendar: calendarFor(dataset, addedYears), coverageIssues: coverage } : calendarAndIssues(dataset, addedYears)
    const a = new Analysis(db, dataset, calendar, sql, settings, fallbackYear, coverageIssues, saved)
    // Its failure reaches the readers (see `change`); not an unhandled rejection here.
    a.change(() => fill(calendar)).catch(() => {})
    return a
  }

  /** Waits for the tables to be in (restoreInBackground) and every change asked so far. */
  ready(): Promise<void> {
    return this.whenSettled(async () => {})
  }

  /**
   * The changes of the tables (settings, facts rebuilt), run one after another; every read
   * asked while one is under way waits for it, so no answer is ever taken from tables half
   * rebuilt, nor under settings the reader did not see. With none under way a read starts at
   * once. A failed change fails the reads after it, until the next change succeeds.
   */
  private settled: Promise<void> = Promise.resolve()
  private changing = 0
  private failure: { error: unknown } | null = null

  private change(work: () => Promise<void>): Promise<void> {
    this.changing++
    const next = this.settled.catch(() => undefined).then(async () => {
      try {
        await work()
        this.failure = null
      }
      catch (error) {
        this.failure = { error }
        throw error
      }
      finally {
        this.changing--
      }
    })
    this.settled = next
    return next
  }

  /** The logs still going in (openInParts), as the first change. */
  private logsLoading = false

  /**
   * `needsLogs` false: the read touches none of the log tables, so the logs going in (when
   * that is the only change under way) need not be waited for; any other change is.
   */
  private whenSettled<T>(read: () => Promise<T>, needsLogs = true): Promise<T> {
    if (this.changing > 0 && !(this.changing === 1 && this.logsLoading && !needsLogs))
      return this.settled.catch(() => undefined).then(() => this.whenSettled(read, needsLogs))
    if (this.failure)
      return Promise.reject(this.failure.error)
    return read()
  }

  /**
   * Settings that change how deadlines parse (the 中旬 day) rebuild the schedule table; those
   * that change a working-day limit rebuild the per-row facts. The app calls this from one
   * place only (the data set store, when the settings change); readers never do.
   */
  updateSettings(settings: RuleSettings): Promise<void> {
    // At once, not when the change runs: no read asked from now on may take a saved answer.
    if (JSON.stringify(settings) !== this.savedSettings)
      this.saved = null
    return this.change(async () => {
      const reparse = settings.midXunEndDay !== this.settings.midXunEndDay || settings.earlyXunEndDay !== this.settings.earlyXunEndDay
      const stale = staleFacts(this.settings, settings)
      this.settings = settings
      if (reparse || stale.length > 0)
        this.forget()
      if (reparse)
        await loadSchedule(this.db, this.dataset, settings, this.fallbackYear, this.sql)
      if (stale.length > 0)
        await buildFacts(this.db, this.sql, settings, stale)
    })
  }

  /** Rebuilds the per-row facts after rows were added to the log tables outside open(). */
  refreshFacts(): Promise<void> {
    this.saved = null
    return this.change(async () => {
      this.forget()
      await buildFacts(this.db, this.sql, this.settings, 'all')
    })
  }

  private forget(): void {
    this.answers.clear()
    this.counts = null
  }

  /**
   * Rows of one metric SQL file, binding the parameters it names; remembered (see `answers`).
   * Typed by the file's declared columns (rows.ts, checked against DuckDB by test/metrics/rows.test.ts).
   */
  rows<N extends SqlName>(name: N, params: Params): Promise<SqlRow<N>[]> {
    const early = this.fromSaved(this.keyOf(name, params).key)
    return (early ?? this.whenSettled(() => this.answer(name, params), this.readsLogs(name))) as Promise<SqlRow<N>[]>
  }

  /**
   * Rows of one metric SQL file for a review, under this Analysis's settings (`extra`: the
   * file's own parameters). With `monthBefore` (the page's next question, with the same
   * `extra`), a file with review points answers both at once and keeps its answer for it.
   */
  reviewRows<N extends SqlName>(name: N, q: MetricsQuery, extra: Params = {}, monthBefore: MetricsQuery | null = null): Promise<SqlRow<N>[]> {
    const read = () => {
      const p = reviewParams(q, this.settings, extra)
      return monthBefore && PAIRED.has(name) ? this.pairedRows(name, p, reviewParams(monthBefore, this.settings, extra)) : this.rows(name, p)
    }
    // With saved answers on, no settings change was asked: `settings` are the ones in force.
    if (this.saved)
      return read()
    // The logs going in change no setting: only the read itself may have to wait for them.
    return this.whenSettled(read, false)
  }

  private logReaders = new Map<SqlName, boolean>()

  /** Whether a SQL file (with what it includes) reads a log table or anything made from one. */
  private readsLogs(name: SqlName): boolean {
    if (!this.logReaders.has(name))
      this.logReaders.set(name, LOGS_READ.test(composeSql(this.sql, name)))
    return this.logReaders.get(name)!
  }

  /** Each file's text with its includes, composed once (the files of an Analysis never change). */
  private composed = new Map<SqlName, string>()

  private keyOf(name: SqlName, params: Params): { sql: string, used: Params, key: string } {
    let sql = this.composed.get(name)
    if (sql === undefined) {
      sql = composeSql(this.sql, name)
      this.composed.set(name, sql)
    }
    const used = usedParams(sql, params)
    return { sql, used, key: `${name}\u0000${JSON.stringify(Object.entries(used).sort(([a], [b]) => a.localeCompare(b)))}` }
  }

  private fromSaved(key: string): Promise<Row[]> | null {
    const rows = this.saved?.get(key)
    return rows ? Promise.resolve(rows) : null
  }

  /** Hands a fresh answer to `saved`, unless a change was asked before it arrived. */
  private keepFresh(key: string, answer: Promise<Row[]>): void {
    const saved = this.saved
    if (saved)
      answer.then((rows) => {
        if (this.saved === saved)
          saved.keep(key, rows)
      }, () => {})
  }

  /**
   * Reads of a paired file asked this turn and not yet sent, by key: each sends itself at the
   * end of the turn unless a review asked in the same turn takes it as its month before
   * (pairedRows). A page asks a review and its month before from separate queries, whose
   * watchers run in either order; the month before asked first must not cost a statement of
   * its own.
   */
  private unsent = new Map<string, (rows: Promise<Row[]>) => void>()

  private answer(name: SqlName, params: Params): Promise<Row[]> {
    const { sql, used, key } = this.keyOf(name, params)
    const known = this.answers.get(key)
    if (known)
      return known
    if (!PAIRED.has(name))
      return this.remember(key, this.db.query(sql, used))
    return this.remember(key, new Promise<Row[]>((resolve, reject) => {
      const send = (rows: Promise<Row[]>) => rows.then(resolve, reject)
      this.unsent.set(key, send)
      queueMicrotask(() => {
        if (this.unsent.get(key) === send) {
          this.unsent.delete(key)
          send(this.db.query(sql, used))
        }
      })
    }))
  }

  private remember(key: string, answer: Promise<Row[]>): Promise<Row[]> {
    this.answers.set(key, answer)
    this.keepFresh(key, answer)
    // A failed query is not an answer: the next call tries again. (Only this one is dropped:
    // after a settings change the same key may already hold a newer query.)
    answer.catch(() => {
      if (this.answers.peek(key) === answer)
        this.answers.delete(key)
    })
    return answer
  }

  /**
   * Rows of a file whose rows carry the review point (`pt`, review_points.sql) for the review
   * `params`, its month before `before` asked in the same statement and remembered as that
   * review's own answer. A page's figures and their changes then cost one statement, not two:
   * DuckDB plans a statement again at every run, and on the small tables these files read the
   * plan and the operators' set-up are most of a statement's time.
   */
  private pairedRows<N extends SqlName>(name: N, params: Params, before: Params): Promise<SqlRow<N>[]> {
    const own = this.keyOf(name, params)
    const early = this.fromSaved(own.key)
    if (early)
      return early as Promise<SqlRow<N>[]>
    return this.whenSettled(() => {
      const other = this.keyOf(name, withDatesOf(params, before))
      const unsent = this.unsent.get(other.key)
      if (other.key === own.key || this.answers.peek(own.key) || (this.answers.peek(other.key) && !unsent) || this.saved?.get(other.key))
        return this.answer(name, params)
      const both = this.keyOf(name, pairedParams(params, before))
      const answer = this.db.query(both.sql, both.used)
      // Each point's rows as a query of that review alone returns them (pt 0).
      const point = (pt: number) => answer.then(rows => rows.filter(r => Number(r.pt) === pt).map(r => (pt === 0 ? r : { ...r, pt: 0 })))
      if (unsent) {
        this.unsent.delete(other.key)
        unsent(point(1))
      }
      else {
        this.remember(other.key, point(1))
      }
      return this.remember(own.key, point(0))
    }, this.readsLogs(name)) as Promise<SqlRow<N>[]>
  }

  /** The settings as of the last change asked for (which may still be under way: see `ruleSettings`). */
  get currentSettings(): RuleSettings {
    return this.settings
  }

  /** The settings every read from now on is answered under, once the changes asked for are done. */
  ruleSettings(): Promise<RuleSettings> {
    return this.whenSettled(async () => this.settings, false)
  }

  /** Throws CalendarCoverageError when the review date lies outside the calendar. */
  async metrics(q: MetricsQuery, parts: readonly MetricsPart[] = ALL_PARTS, monthBefore: MetricsQuery | null = null): Promise<MetricsResult> {
    this.calendar.isWorkday(q.asOf)
    const counts = () => this.fromSaved(COUNTS_KEY) ?? this.whenSettled(() => {
      if (!this.counts) {
        this.counts = this.db.query(tableCountsSql())
        this.keepFresh(COUNTS_KEY, this.counts)
      }
      return this.counts
    })
    // With `monthBefore` (the page's next question), the files that can answer both reviews at
    // once do, and keep its answer for it (pairedRows).
    const compute = () => {
      const before = monthBefore ? reviewParams(monthBefore, this.settings) : null
      return computeMetrics((name, p) => (before && PAIRED.has(name) ? this.pairedRows(name, p, before) : this.rows(name, p)), counts, q, this.settings, { from: this.calendar.coverage.from, to: this.calendar.coverage.to, sources: this.calendar.coverage.sources }, parts)
    }
    // With saved answers on, no settings change was asked: each read waits (or not) by itself.
    return this.saved ? compute() : this.whenSettled(compute, false)
  }
}
