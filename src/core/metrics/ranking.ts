import type { MetricsResult } from './types'
import { rate } from './run'

/** One department's line in the scorecard a 通报 prints. */
export interface DeptScore {
  dept: string
  tasks: number
  overdue: number
  due_soon: number
  done_on_time: number
  done_late: number
  bad: number
  contact_on_time: number
  contact_due: number
  rectify_on_time: number
  rectify_due: number
  complex_on_time: number
  complex_due: number
  open_overdue: number
  evaluations: number
  good: number
  apps_on_time: number
  apps_due: number
  apps_overdue: number
  bundles: number
  bundles_meeting_all: number
}

function blank(dept: string): DeptScore {
  return { dept, tasks: 0, overdue: 0, due_soon: 0, done_on_time: 0, done_late: 0, bad: 0, contact_on_time: 0, contact_due: 0, rectify_on_time: 0, rectify_due: 0, complex_on_time: 0, complex_due: 0, open_overdue: 0, evaluations: 0, good: 0, apps_on_time: 0, apps_due: 0, apps_overdue: 0, bundles: 0, bundles_meeting_all: 0 }
}

const nullsLast = (v: number | null) => (v === null ? 2 : v)

/**
 * Departments ranked for attention, most in need first: more overdue tasks, then more bad
 * reviews open past a limit, then lower on-time contact, then lower on-time completion of
 * applications, then name. Every key is a count or a rate a department can check itself.
 */
export function rankDepartments(m: MetricsResult): DeptScore[] {
  const by = new Map<string, DeptScore>()
  const get = (d: string | null) => {
    const k = d ?? '—'
    if (!by.has(k))
      by.set(k, blank(k))
    return by.get(k)!
  }
  for (const t of m.schedule.tasks) {
    const s = get(t.lead_dept)
    s.tasks++
    if (t.status === 'overdue')
      s.overdue++
    else if (t.status === 'due_soon')
      s.due_soon++
    else if (t.status === 'done_on_time')
      s.done_on_time++
    else if (t.status === 'done_late')
      s.done_late++
  }
  for (const e of m.evaluations.by_dept) {
    const s = get(e.dept)
    const r = e.rule_1_5_15
    Object.assign(s, {
      evaluations: e.total,
      good: e.good,
      bad: e.bad,
      contact_on_time: r.contact_on_time,
      contact_due: r.contact_due,
      rectify_on_time: r.rectify_on_time,
      rectify_due: r.rectify_due,
      complex_on_time: r.complex_on_time,
      complex_due: r.complex_due,
      open_overdue: r.open_overdue,
    })
  }
  for (const a of m.applications.by_dept)
    Object.assign(get(a.dept), { apps_on_time: a.on_time, apps_due: a.completion_due, apps_overdue: a.overdue })
  for (const b of m.reduction.bundles) {
    const s = get(b.lead_dept)
    s.bundles++
    if (b.meets_materials !== false && b.meets_time !== false && b.meets_steps !== false && b.meets_auto_fill !== false)
      s.bundles_meeting_all++
  }
  return [...by.values()].sort((a, b) =>
    b.overdue - a.overdue
    || b.open_overdue - a.open_overdue
    || nullsLast(rate(a.contact_on_time, a.contact_due)) - nullsLast(rate(b.contact_on_time, b.contact_due))
    || nullsLast(rate(a.apps_on_time, a.apps_due)) - nullsLast(rate(b.apps_on_time, b.apps_due))
    || a.dept.localeCompare(b.dept, 'zh'))
}
