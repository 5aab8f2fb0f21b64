// The ledger's shapes: a review's state, a ledger line, a comparison of two reviews.

import type { ScheduleTask, TaskStatus } from '../types'

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

export const taskKey = (id: string) => `task:${id}`
export const caseKey = (id: string) => `eval:${id}`

/** The units a task answers to: each lead unit (domain §2a), else the cell as written. */
export function unitsOf(t: ScheduleTask): Array<string | null> {
  if (t.lead_units.length)
    return t.lead_units
  return [t.lead_dept ?? null]
}
