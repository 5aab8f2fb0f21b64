// Two reviews compared: what closed, what newly went overdue, what stays overdue and for how
// many reviews in a row, which units are red again (domain §3, §7, §8).

import type { ScheduleTask, TaskStatus } from '../types'
import type { CaseAtReview, LedgerComparison, LedgerRow, LedgerStep, RedUnit, ReviewState } from './types'
import { CalendarCoverageError } from '../../domain/calendar'
import { caseKey, taskKey, unitsOf } from './types'

const DONE: ReadonlySet<TaskStatus> = new Set(['done_on_time', 'done_late'])

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
