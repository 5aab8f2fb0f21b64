// The ledger between reviews (销号台账, domain §3, §7, §8): what was closed since the last
// review, what newly went overdue, what stays overdue and for how many reviews in a row, and
// which lead units are red review after review. It computes no figure of its own: the state
// of every task and bad review at each review date comes from the metric SQL through the
// Analysis (task_status.sql via metrics, open_cases.sql), which remembers the answers.

import type { Analysis } from '../analysis'
import type { OpenCaseRow } from '../rows'
import type { CaseAtReview, LedgerComparison, ReviewState } from './types'
import { compareReviews } from './compare'

export { compareReviews, reviewChain } from './compare'
export type { CompareOptions } from './compare'
export { caseKey, LEDGER_SECTIONS, taskKey, unitsOf } from './types'
export type { CaseAtReview, LedgerComparison, LedgerRow, LedgerSectionId, LedgerStep, RedUnit, ReviewState } from './types'

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))

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
