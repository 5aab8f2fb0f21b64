import type { MetricsResult } from './types'

/** One department's line in the ranking the bulletin prints and the dashboard shows. */
export interface DeptRank {
  rank: number
  dept: string
  tasks: number
  overdue: number
  dueSoon: number
  doneLate: number
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
 * equal on every key share a rank (1, 1, 3).
 */
export const RANK_KEYS = ['overdue', 'openOverdue', 'stepsMissed', 'appsOverdue', 'doneLate'] as const

function keyValues(d: DeptRank): number[] {
  return [d.overdue, d.openOverdue, d.stepsDue - d.stepsOnTime, d.appsOverdue, d.doneLate]
}

const collator = new Intl.Collator('zh-Hans-CN')

export function rankDepartments(m: MetricsResult): DeptRank[] {
  const rows = new Map<string, DeptRank>()
  const get = (dept: string): DeptRank => {
    let r = rows.get(dept)
    if (!r) {
      r = { rank: 0, dept, tasks: 0, overdue: 0, dueSoon: 0, doneLate: 0, reviews: 0, goodRate: null, bad: 0, stepsDue: 0, stepsOnTime: 0, contactDue: 0, contactOnTime: 0, rectifyDue: 0, rectifyOnTime: 0, good: 0, openOverdue: 0, apps: 0, appsDue: 0, appsOnTime: 0, appsOverdue: 0, bundles: 0, bundlesMeetingAll: 0 }
      rows.set(dept, r)
    }
    return r
  }
  for (const t of m.schedule.tasks) {
    if (!t.lead_dept)
      continue
    const r = get(t.lead_dept)
    r.tasks++
    if (t.status === 'overdue')
      r.overdue++
    if (t.status === 'due_soon')
      r.dueSoon++
    if (t.status === 'done_late')
      r.doneLate++
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
    if (!b.lead_dept)
      continue
    const r = get(b.lead_dept)
    r.bundles++
    // A target with no data (null) is not counted as missed.
    if (b.meets_materials !== false && b.meets_time !== false && b.meets_steps !== false && b.meets_auto_fill !== false)
      r.bundlesMeetingAll++
  }
  const list = [...rows.values()].sort((a, b) => {
    const ka = keyValues(a)
    const kb = keyValues(b)
    for (let i = 0; i < ka.length; i++) {
      if (ka[i] !== kb[i])
        return ka[i]! - kb[i]!
    }
    return collator.compare(a.dept, b.dept)
  })
  list.forEach((r, i) => {
    const prev = list[i - 1]
    r.rank = prev && keyValues(prev).join() === keyValues(r).join() ? prev.rank : i + 1
  })
  return list
}
