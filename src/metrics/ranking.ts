import type { MetricsResult } from './types'
import { splitUnits } from '../domain/units/split'

/** One department's line in the ranking the bulletin prints and the dashboard shows. */
export interface DeptRank {
  /** null for a unit with nothing due in the compared measures: listed apart, not ranked. */
  rank: number | null
  /** Nothing due: no task due (overdue or done), no "1、5、15" step due, no application due. */
  nothingDue: boolean
  dept: string
  /** Tasks it leads (a task led by two units counts for each). */
  tasks: number
  overdue: number
  dueSoon: number
  doneLate: number
  doneOnTime: number
  reviews: number
  goodRate: number | null
  bad: number
  /** "1、5、15" steps due, and done in time, summed over contact, rectify and complex closing. */
  stepsDue: number
  stepsOnTime: number
  contactDue: number
  contactOnTime: number
  rectifyDue: number
  rectifyOnTime: number
  good: number
  openOverdue: number
  apps: number
  appsDue: number
  appsOnTime: number
  appsOverdue: number
  bundles: number
  bundlesMeetingAll: number
}

/**
 * The ranking rule, stated in the bulletin: fewer problems rank higher, compared in this
 * order — overdue tasks, bad reviews open past a limit, "1、5、15" steps missed, overdue
 * applications, tasks done late. Only counts are compared, never rates, so a department
 * with nothing due is neither rewarded nor punished for an empty denominator. Departments
 * equal on every key share a rank (1, 1, 3). A department with nothing due in any of the
 * compared measures (no task due, no "1、5、15" step due, no application due) has no problem
 * because nothing was asked of it yet: it is listed after the ranked ones, unranked.
 * Each lead unit of a task answers for it (domain §2a); co-operating units are not ranked on it.
 */
export const RANK_KEYS = ['overdue', 'openOverdue', 'stepsMissed', 'appsOverdue', 'doneLate'] as const

function keyValues(d: DeptRank): number[] {
  return [d.overdue, d.openOverdue, d.stepsDue - d.stepsOnTime, d.appsOverdue, d.doneLate]
}

/** Something in the compared measures was due: a task past its date or done, a "1、5、15" step, an application. */
export function hasDue(d: DeptRank): boolean {
  return d.overdue + d.doneLate + d.doneOnTime > 0 || d.stepsDue > 0 || d.openOverdue > 0 || d.appsDue > 0 || d.appsOverdue > 0
}

const collator = new Intl.Collator('zh-Hans-CN')

export function rankDepartments(m: MetricsResult): DeptRank[] {
  const rows = new Map<string, DeptRank>()
  const get = (dept: string): DeptRank => {
    let r = rows.get(dept)
    if (!r) {
      r = { rank: null, nothingDue: true, dept, tasks: 0, overdue: 0, dueSoon: 0, doneLate: 0, doneOnTime: 0, reviews: 0, goodRate: null, bad: 0, stepsDue: 0, stepsOnTime: 0, contactDue: 0, contactOnTime: 0, rectifyDue: 0, rectifyOnTime: 0, good: 0, openOverdue: 0, apps: 0, appsDue: 0, appsOnTime: 0, appsOverdue: 0, bundles: 0, bundlesMeetingAll: 0 }
      rows.set(dept, r)
    }
    return r
  }
  for (const t of m.schedule.tasks) {
    for (const unit of t.lead_units) {
      const r = get(unit)
      r.tasks++
      if (t.status === 'overdue')
        r.overdue++
      if (t.status === 'due_soon')
        r.dueSoon++
      if (t.status === 'done_late')
        r.doneLate++
      if (t.status === 'done_on_time')
        r.doneOnTime++
    }
  }
  for (const e of m.evaluations.by_dept) {
    const r = get(e.dept)
    const x = e.rule_1_5_15
    r.reviews = e.total
    r.goodRate = e.good_rate
    r.bad = e.bad
    r.stepsDue = x.contact_due + x.rectify_due + x.complex_due
    r.stepsOnTime = x.contact_on_time + x.rectify_on_time + x.complex_on_time
    r.contactDue = x.contact_due
    r.contactOnTime = x.contact_on_time
    r.rectifyDue = x.rectify_due
    r.rectifyOnTime = x.rectify_on_time
    r.good = e.good
    r.openOverdue = x.open_overdue
  }
  for (const a of m.applications.by_dept) {
    const r = get(a.dept)
    r.apps = a.total
    r.appsDue = a.completion_due
    r.appsOnTime = a.on_time
    r.appsOverdue = a.overdue
  }
  for (const b of m.reduction.bundles) {
    for (const unit of splitUnits(b.lead_dept).lead) {
      const r = get(unit)
      r.bundles++
      // A target with no data (null) is not counted as missed.
      if (b.meets_materials !== false && b.meets_time !== false && b.meets_steps !== false && b.meets_auto_fill !== false)
        r.bundlesMeetingAll++
    }
  }
  for (const r of rows.values())
    r.nothingDue = !hasDue(r)
  const list = [...rows.values()].sort((a, b) => {
    if (a.nothingDue !== b.nothingDue)
      return a.nothingDue ? 1 : -1
    if (a.nothingDue)
      return collator.compare(a.dept, b.dept)
    const ka = keyValues(a)
    const kb = keyValues(b)
    for (let i = 0; i < ka.length; i++) {
      if (ka[i] !== kb[i])
        return ka[i]! - kb[i]!
    }
    return collator.compare(a.dept, b.dept)
  })
  list.forEach((r, i) => {
    if (r.nothingDue)
      return
    const prev = list[i - 1]
    r.rank = prev && keyValues(prev).join() === keyValues(r).join() ? prev.rank : i + 1
  })
  return list
}

/**
 * The review's order: the ranked departments worst first (the review talks about the bottom of
 * the ranking), then those with nothing due, which are never ranked.
 */
export function worstFirst<R extends { nothingDue: boolean }>(ranked: R[]): R[] {
  return [...ranked.filter(r => !r.nothingDue).reverse(), ...ranked.filter(r => r.nothingDue)]
}
