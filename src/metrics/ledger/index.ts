// The ledger between reviews (销号台账, domain §3, §7, §8): what was closed since the last
// review, what newly went overdue, what stays overdue and for how many reviews in a row, and
// which lead units are red review after review. It computes no figure of its own: the state
// of every task and bad review at each review date comes from the metric SQL through the
// Analysis (task_status.sql via metrics, open_cases.sql), which remembers the answers.

import type { Analysis } from '../analysis'
import type { OpenCaseRow } from '../rows'
import type { ScheduleTask, TaskStatus } from '../types'
import { CalendarCoverageError } from '../../domain/calendar'

/** A bad review at a review date, as open_cases.sql lists it (open, or overdue on contact). */
export interface CaseAtReview {
  eval_id: string
  dept: string
  matter_name: string | null
  rated_date: string
  contact_limit: string | null
  case_limit: string | null
  contacted_date: string | null
  is_complex: boolean
  excluded: boolean
  open_overdue: boolean
  /** Working days from the review date to the pending step's limit; negative = overdue. */
  wd_remaining: number | null
}

/** Everything the ledger needs to know about one review date. */
export interface ReviewState {
  date: string
  tasks: Map<string, ScheduleTask>
  cases: Map<string, CaseAtReview>
  /** Lead units with at least one overdue task or open overdue bad review. */
  red: Map<string, { tasks: number, cases: number }>
}

export type LedgerStep = 'contact' | 'rectify' | 'complex'

/** One line of a ledger table: one item for one lead unit (a multi-unit task has a line per unit). */
export interface LedgerRow {
  /** `task:<task_id>` or `eval:<eval_id>`: what notes are written against. */
  key: string
  kind: 'task' | 'case'
  id: string
  unit: string | null
  /** The task as written, or the matter the bad review was about. */
  item: string
  /** A task's due date; a bad review's limit for the step pending at the review that lists it. */
  due_date: string | null
  /** Working days past the due date at that review (negative: days left); null when unknown. */
  wd_overdue: number | null
  /** The task's 完成时限 as written and its reading; null for bad reviews. */
  deadline_text: string | null
  interpretation_zh: string | null
  interpretation_en: string | null
  /** For bad reviews: the step the limit belongs to, and the day of the review. */
  step: LedgerStep | null
  rated_date: string | null
  /** A closed task's completion date. */
  done_date: string | null
  status_before: TaskStatus | 'open' | 'open_overdue' | null
  status_after: TaskStatus | 'open' | 'open_overdue' | 'closed' | null
  /** Consecutive reviews (ending at the later one) at which the item was overdue; 0 when not overdue there. */
  consecutive: number
}

export interface RedUnit {
  unit: string
  /** Consecutive reviews, ending at the later one, at which the unit was red. */
  consecutive: number
  tasks: number
  cases: number
}

export interface LedgerComparison {
  from: string
  to: string
  /** The review dates counted back through (ascending, ending at `to`). */
  reviews: string[]
  /** A unit red in this many consecutive reviews is a repeat offender. */
  threshold: number
  closed: LedgerRow[]
  newlyOverdue: LedgerRow[]
  stillOverdue: LedgerRow[]
  casesClosed: LedgerRow[]
  casesNewlyOverdue: LedgerRow[]
  /** Every unit red at `to`, most consecutive reviews first. */
  red: RedUnit[]
  repeatRed: RedUnit[]
  /** Distinct items per section (a multi-unit task counts once). */
  counts: Record<'closed' | 'newlyOverdue' | 'stillOverdue' | 'casesClosed' | 'casesNewlyOverdue', number>
}

export const LEDGER_SECTIONS = ['closed', 'newlyOverdue', 'stillOverdue', 'casesClosed', 'casesNewlyOverdue'] as const
export type LedgerSectionId = typeof LEDGER_SECTIONS[number]

const DONE: ReadonlySet<TaskStatus> = new Set(['done_on_time', 'done_late'])
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))

export const taskKey = (id: string) => `task:${id}`
export const caseKey = (id: string) => `eval:${id}`

/** The units a task answers to: each lead unit (domain §2a), else the cell as written. */
export function unitsOf(t: ScheduleTask): Array<string | null> {
  if (t.lead_units.length)
    return t.lead_units
  return [t.lead_dept ?? null]
}

function toCase(r: OpenCaseRow): CaseAtReview {
  return {
    eval_id: String(r.eval_id),
    dept: String(r.dept),
    matter_name: str(r.matter_name),
    rated_date: String(r.rated_date),
    contact_limit: str(r.contact_limit),
    case_limit: str(r.case_limit),
    contacted_date: str(r.contacted_date),
    is_complex: Boolean(r.is_complex),
    excluded: Boolean(r.excluded),
    open_overdue: Boolean(r.open_overdue),
    wd_remaining: typeof r.wd_remaining === 'number' ? r.wd_remaining : null,
  }
}

/** The state of every task and open bad review at one review date (whole data set, no filter). */
export async function reviewState(a: Analysis, date: string): Promise<ReviewState> {
  const [m, rows] = await Promise.all([
    a.metrics({ asOf: date }, ['schedule']),
    a.reviewRows('open_cases', { asOf: date }),
  ])
  const tasks = new Map(m.schedule.tasks.map(t => [t.task_id, t]))
  const cases = new Map(rows.map(r => [String(r.eval_id), toCase(r)]))
  const red = new Map<string, { tasks: number, cases: number }>()
  const mark = (unit: string, what: 'tasks' | 'cases') => {
    const e = red.get(unit) ?? { tasks: 0, cases: 0 }
    e[what]++
    red.set(unit, e)
  }
  for (const t of tasks.values()) {
    if (t.status === 'overdue') {
      for (const u of t.lead_units)
        mark(u, 'tasks')
    }
  }
  for (const c of cases.values()) {
    if (c.open_overdue)
      mark(c.dept, 'cases')
  }
  return { date, tasks, cases, red }
}

function taskRows(t: ScheduleTask, before: TaskStatus | null, after: TaskStatus, wdAt: number | null, consecutive: number): LedgerRow[] {
  return unitsOf(t).map(unit => ({
    key: taskKey(t.task_id),
    kind: 'task',
    id: t.task_id,
    unit,
    item: t.task,
    due_date: t.due_date,
    wd_overdue: wdAt,
    deadline_text: t.deadline_text,
    interpretation_zh: t.interpretation_zh,
    interpretation_en: t.interpretation_en,
    step: null,
    rated_date: null,
    done_date: DONE.has(after) ? t.done_date : null,
    status_before: before,
    status_after: after,
    consecutive,
  }))
}

function caseRow(c: CaseAtReview, before: LedgerRow['status_before'], after: LedgerRow['status_after']): LedgerRow {
  const step: LedgerStep = c.contacted_date === null ? 'contact' : c.is_complex ? 'complex' : 'rectify'
  return {
    key: caseKey(c.eval_id),
    kind: 'case',
    id: c.eval_id,
    unit: c.dept,
    item: c.matter_name ?? '',
    due_date: step === 'contact' ? c.contact_limit : c.case_limit,
    wd_overdue: c.wd_remaining === null ? null : -c.wd_remaining,
    deadline_text: null,
    interpretation_zh: null,
    interpretation_en: null,
    step,
    rated_date: c.rated_date,
    done_date: null,
    status_before: before,
    status_after: after,
    consecutive: after === 'open_overdue' ? 1 : 0,
  }
}

const caseStatus = (c: CaseAtReview | undefined) => (c ? (c.open_overdue ? 'open_overdue' : 'open') : null)

/** The sorted, distinct review dates up to `to`, always holding `from` and `to`. */
export function reviewChain(dates: readonly string[], from: string, to: string): string[] {
  return [...new Set([...dates.filter(d => d <= to), from, to])].sort()
}

const byUnitThenDue = (a: LedgerRow, b: LedgerRow) =>
  (a.unit ?? '\uFFFF').localeCompare(b.unit ?? '\uFFFF', 'zh') || (b.wd_overdue ?? -Infinity) - (a.wd_overdue ?? -Infinity) || a.id.localeCompare(b.id, 'zh', { numeric: true })

export interface CompareOptions {
  /** Consecutive red reviews that flag a unit (the setting `repeatRedReviews`). */
  threshold: number
  /** Only this lead unit's lines and redness (a bulletin for one department). */
  unit?: string | null
}

/**
 * The ledger between review `from` (D0) and `to` (D1), counting consecutive overdue and red
 * reviews back through `dates` (the kept review dates; `from` and `to` are added when missing).
 * `state` gives the state at a date (reviewState on an Analysis; injected for reuse and tests).
 */
export async function compareReviews(state: (date: string) => Promise<ReviewState>, dates: readonly string[], from: string, to: string, o: CompareOptions): Promise<LedgerComparison> {
  if (!(from < to))
    throw new RangeError(`前一次评估日期须早于后一次：${from} / ${to}（The earlier review date must come before the later one）`)
  const chain = reviewChain(dates, from, to)
  const [d0, d1] = await Promise.all([state(from), state(to)])

  // Count back from D1 through the earlier reviews while anything is still overdue or red.
  // The walk stops at the first review that breaks every streak, or that the calendar does not cover.
  const taskRun = new Map<string, number>()
  for (const t of d1.tasks.values()) {
    if (t.status === 'overdue')
      taskRun.set(t.task_id, 1)
  }
  const unitRun = new Map([...d1.red.keys()].map(u => [u, 1]))
  const alive = { tasks: new Set(taskRun.keys()), units: new Set(unitRun.keys()) }
  for (let j = chain.length - 2; j >= 0 && (alive.tasks.size || alive.units.size); j--) {
    let s: ReviewState
    try {
      s = chain[j] === from ? d0 : await state(chain[j]!)
    }
    catch (e) {
      if (e instanceof CalendarCoverageError)
        break
      throw e
    }
    for (const id of alive.tasks) {
      if (s.tasks.get(id)?.status === 'overdue')
        taskRun.set(id, taskRun.get(id)! + 1)
      else
        alive.tasks.delete(id)
    }
    for (const u of alive.units) {
      if (s.red.has(u))
        unitRun.set(u, unitRun.get(u)! + 1)
      else
        alive.units.delete(u)
    }
  }

  const closed: LedgerRow[] = []
  const newlyOverdue: LedgerRow[] = []
  const stillOverdue: LedgerRow[] = []
  for (const t of d1.tasks.values()) {
    const before = d0.tasks.get(t.task_id)?.status ?? null
    if ((before === 'overdue' || before === 'due_soon') && DONE.has(t.status))
      closed.push(...taskRows(t, before, t.status, d0.tasks.get(t.task_id)!.wd_overdue, 0))
    else if (t.status === 'overdue' && before !== 'overdue')
      newlyOverdue.push(...taskRows(t, before, t.status, t.wd_overdue, taskRun.get(t.task_id)!))
    else if (t.status === 'overdue')
      stillOverdue.push(...taskRows(t, before, t.status, t.wd_overdue, taskRun.get(t.task_id)!))
  }
  const casesClosed: LedgerRow[] = []
  const casesNewlyOverdue: LedgerRow[] = []
  for (const c of d0.cases.values()) {
    if (!d1.cases.has(c.eval_id))
      casesClosed.push(caseRow(c, caseStatus(c), 'closed'))
  }
  for (const c of d1.cases.values()) {
    if (c.open_overdue && !d0.cases.get(c.eval_id)?.open_overdue)
      casesNewlyOverdue.push(caseRow(c, caseStatus(d0.cases.get(c.eval_id)), 'open_overdue'))
  }

  const mine = (r: LedgerRow) => !o.unit || r.unit === o.unit
  const finish = (rows: LedgerRow[]) => rows.filter(mine).sort(byUnitThenDue)
  const red: RedUnit[] = [...d1.red.entries()]
    .filter(([u]) => !o.unit || u === o.unit)
    .map(([unit, n]) => ({ unit, consecutive: unitRun.get(unit)!, tasks: n.tasks, cases: n.cases }))
    .sort((a, b) => b.consecutive - a.consecutive || (b.tasks + b.cases) - (a.tasks + a.cases) || a.unit.localeCompare(b.unit, 'zh'))
  const out = {
    closed: finish(closed),
    newlyOverdue: finish(newlyOverdue),
    stillOverdue: finish(stillOverdue),
    casesClosed: finish(casesClosed),
    casesNewlyOverdue: finish(casesNewlyOverdue),
  }
  const distinct = (rows: LedgerRow[]) => new Set(rows.map(r => r.key)).size
  return {
    from,
    to,
    reviews: chain,
    threshold: o.threshold,
    ...out,
    red,
    repeatRed: red.filter(u => u.consecutive >= o.threshold),
    counts: {
      closed: distinct(out.closed),
      newlyOverdue: distinct(out.newlyOverdue),
      stillOverdue: distinct(out.stillOverdue),
      casesClosed: distinct(out.casesClosed),
      casesNewlyOverdue: distinct(out.casesNewlyOverdue),
    },
  }
}

/** The ledger between two review dates of a loaded data set, with the Analysis's settings. */
export async function ledgerBetween(a: Analysis, dates: readonly string[], from: string, to: string, unit: string | null = null): Promise<LedgerComparison> {
  const { repeatRedReviews } = await a.ruleSettings()
  return compareReviews(d => reviewState(a, d), dates, from, to, { threshold: repeatRedReviews, unit })
}

/** The ledger for each consecutive pair of the kept review dates (ascending). */
export async function ledgerSeries(a: Analysis, dates: readonly string[]): Promise<LedgerComparison[]> {
  const sorted = [...new Set(dates)].sort()
  const out: LedgerComparison[] = []
  for (let i = 1; i < sorted.length; i++)
    out.push(await ledgerBetween(a, sorted, sorted[i - 1]!, sorted[i]!))
  return out
}
