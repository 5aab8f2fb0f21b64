import type { Row } from './helpers'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WorkCalendar } from '../../../src/domain/calendar'
import { isValidIdNumber } from '../../../src/tools/generate/people'
import { cleanTempDirs, generate, readCsv } from './helpers'

const cal = new WorkCalendar()
const TS = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/
let t: Record<string, Row[]>

beforeAll(async () => {
  const dir = await generate(['--scale', '4000', '--seed', 'inv', '--format', 'csv'])
  t = Object.fromEntries(['applications', 'evaluations', 'rectifications', 'task_progress', 'reform_baselines', 'bundles', 'tasks']
    .map(n => [n, readCsv(join(dir, `${n}.csv`))]))
})
afterAll(cleanTempDirs)

/** Non-empty values of `cols` in order must never decrease. */
function ordered(row: Row, cols: string[]): boolean {
  const v = cols.map(c => row[c]).filter(Boolean)
  return v.every((x, i) => i === 0 || x! >= v[i - 1]!)
}

describe('generated applications', () => {
  it('has exactly the requested number of rows, unique ids', () => {
    expect(t.applications).toHaveLength(4000)
    expect(new Set(t.applications!.map(a => a.app_id)).size).toBe(4000)
  })

  it('refers to the plan\'s bundles, member matters and departments', () => {
    const members = new Set(t.bundles!.map(b => `${b.bundle_name}|${b.member_matter}`))
    const depts = new Set(t.bundles!.flatMap(b => [b.member_dept, ...b.lead_dept!.split('、')]))
    for (const a of t.applications!) {
      expect(members.has(`${a.bundle_name}|${a.matter_name}`)).toBe(true)
      expect(depts.has(a.dept)).toBe(true)
    }
  })

  it('writes times as naive China time inside the period, in process order', () => {
    for (const a of t.applications!) {
      for (const c of ['submitted_at', 'pushed_at', 'accepted_at', 'completed_at', 'delivered_at']) {
        if (a[c]) {
          expect(a[c]).toMatch(TS)
          expect(a[c]! >= '2024-01-01' && a[c]! <= '2024-12-31 23:59:59').toBe(true)
        }
      }
      expect(ordered(a, ['submitted_at', 'pushed_at', 'accepted_at', 'completed_at', 'delivered_at'])).toBe(true)
    }
  })

  it('takes window submissions only on working days in counter hours', () => {
    const windows = t.applications!.filter(a => a.channel === '窗口')
    expect(windows.length).toBeGreaterThan(500)
    for (const a of windows) {
      expect(cal.isWorkday(a.submitted_at!.slice(0, 10))).toBe(true)
      const hm = a.submitted_at!.slice(11)
      expect((hm >= '09:00:00' && hm <= '12:00:00') || (hm >= '13:30:00' && hm <= '17:30:00')).toBe(true)
    }
    // Online submissions come at any hour, weekends included.
    const online = t.applications!.filter(a => a.channel === '网上' || a.channel === '掌上')
    expect(online.some(a => !cal.isWorkday(a.submitted_at!.slice(0, 10)))).toBe(true)
    expect(online.some(a => a.submitted_at!.slice(11) >= '19:00:00')).toBe(true)
  })

  it('keeps status and times consistent', () => {
    const by = (s: string) => t.applications!.filter(a => a.status === s)
    for (const a of by('办结'))
      expect(a.completed_at).not.toBe('')
    for (const a of [...by('在办'), ...by('不予受理'), ...by('撤回')])
      expect(a.completed_at).toBe('')
    for (const a of by('不予受理'))
      expect(a.accepted_at).toBe('')
    expect(by('在办').length).toBeGreaterThan(0)
    expect(by('不予受理').length + by('撤回').length).toBeGreaterThan(0)
    // Open cases cluster at the end of the period.
    expect(by('在办').filter(a => a.submitted_at! >= '2024-11-01').length / by('在办').length).toBeGreaterThan(0.8)
  })

  it('mostly accepts within 1 working day, with a tail of overdue completions', () => {
    const accepted = t.applications!.filter(a => a.accepted_at)
    const within = accepted.filter(a => a.accepted_at!.slice(0, 10) <= cal.addWorkdays(a.submitted_at!.slice(0, 10), 1))
    expect(within.length / accepted.length).toBeGreaterThan(0.9)
    const done = t.applications!.filter(a => a.completed_at)
    const late = done.filter(a => a.completed_at!.slice(0, 10) > cal.addWorkdays(a.accepted_at!.slice(0, 10), Number(a.promised_wd)))
    expect(late.length / done.length).toBeGreaterThan(0.02)
    expect(late.length / done.length).toBeLessThan(0.15)
  })

  it('drifts online month by month', () => {
    const share = (m: string[]) => {
      const rows = t.applications!.filter(a => m.includes(a.submitted_at!.slice(5, 7)))
      return rows.filter(a => a.channel === '网上' || a.channel === '掌上').length / rows.length
    }
    expect(share(['10', '11', '12'])).toBeGreaterThan(share(['01', '02', '03']) + 0.05)
  })

  it('concentrates volume on a few bundles', () => {
    const counts = new Map<string, number>()
    for (const a of t.applications!)
      counts.set(a.bundle_name!, (counts.get(a.bundle_name!) ?? 0) + 1)
    const top5 = [...counts.values()].sort((x, y) => y - x).slice(0, 5).reduce((x, y) => x + y, 0)
    expect(top5 / 4000).toBeGreaterThan(0.35)
  })

  it('follows each bundle baseline for promised time, trips and forms', () => {
    const base = new Map(t.reform_baselines!.map(b => [b.bundle_name, b]))
    for (const a of t.applications!) {
      const b = base.get(a.bundle_name!)!
      expect(a.promised_wd).toBe(b.time_after_wd)
      expect(a.form_fields).toBe(b.form_fields)
      expect(Number(a.auto_fields)).toBeLessThanOrEqual(Number(b.form_fields))
      expect(Number(a.trips)).toBeLessThanOrEqual(Math.max(1, Number(b.trips_after)) + 1)
      if (a.channel === '网上' || a.channel === '掌上')
        expect(Number(a.trips)).toBeLessThanOrEqual(Number(b.trips_after))
    }
  })

  it('fills personal columns with realistic synthetic values', () => {
    for (const a of t.applications!) {
      expect(a.phone).toMatch(/^1[3-9]\d{9}$/)
      expect(isValidIdNumber(a.id_number!)).toBe(true)
      expect(a.applicant).toMatch(/^\p{Script=Han}{2,3}$/u)
    }
  })
})

describe('generated evaluations and rectifications', () => {
  it('rates a realistic share of applications, after completion', () => {
    const apps = new Map(t.applications!.map(a => [a.app_id, a]))
    const share = t.evaluations!.length / t.applications!.length
    expect(share).toBeGreaterThan(0.55)
    expect(share).toBeLessThan(0.85)
    for (const e of t.evaluations!) {
      const a = apps.get(e.app_id!)
      expect(a).toBeDefined()
      expect(a!.status).toBe('办结')
      expect(e.rated_at! >= a!.completed_at!).toBe(true)
      expect(e.rated_at! <= '2024-12-31 23:59:59').toBe(true)
      expect(e.dept).toBe(a!.dept)
      expect(['评价器', '二维码', '网站', 'APP', '短信', '12345热线', '自助终端']).toContain(e.channel)
      if (e.named === '是')
        expect(e.phone).toBe(a!.phone)
      else
        expect(e.phone).toBe('')
    }
  })

  it('keeps the bad-review share inside the default 1–3% range', () => {
    const bad = t.evaluations!.filter(e => e.level === '不满意' || e.level === '非常不满意')
    expect(bad.length / t.evaluations!.length).toBeGreaterThanOrEqual(0.01)
    expect(bad.length / t.evaluations!.length).toBeLessThanOrEqual(0.03)
  })

  it('has one rectification per bad review, with times in order', () => {
    const evals = new Map(t.evaluations!.map(e => [e.eval_id, e]))
    const bad = t.evaluations!.filter(e => e.level === '不满意' || e.level === '非常不满意')
    expect(t.rectifications!.map(r => r.eval_id).sort()).toEqual(bad.map(e => e.eval_id).sort())
    for (const r of t.rectifications!) {
      const e = evals.get(r.eval_id!)!
      expect(ordered({ rated: e.rated_at!, ...r }, ['rated', 'contacted_at', 'rectified_at', 'closed_at'])).toBe(true)
      if (r.rectified_at || r.closed_at)
        expect(r.contacted_at).not.toBe('')
      if (!r.contacted_at)
        expect(r.verdict).toBe('')
    }
  })
})

describe('generated task progress', () => {
  it('reports on schedule tasks with valid statuses and done dates', () => {
    const ids = new Set(t.tasks!.map(x => x.task_id))
    expect(t.task_progress!.length).toBeGreaterThan(0)
    for (const p of t.task_progress!) {
      expect(ids.has(p.task_id!)).toBe(true)
      expect(['未启动', '推进中', '已完成', '滞后']).toContain(p.status)
      expect(p.report_date! >= '2024-01-01' && p.report_date! <= '2024-12-31').toBe(true)
      if (p.status === '已完成') {
        expect(p.done_date).not.toBe('')
        expect(p.done_date! <= p.report_date!).toBe(true)
      }
    }
  })

  it('re-bases the plan\'s deadlines to the generated year', () => {
    for (const x of t.tasks!) {
      expect(x.plan_year).toBe('2024')
      expect(x.deadline_text).not.toContain('2023年')
    }
  })
})
