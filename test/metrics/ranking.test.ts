import type { MetricsResult } from '../../src/metrics/types'
import { describe, expect, it } from 'vitest'
import { rankDepartments } from '../../src/metrics/ranking'
import { analysisOf, datasetFromDir, FIXTURES } from '../helpers/db'

describe('rankDepartments on the sample (one rule for the dashboard and the bulletin)', () => {
  it('ranks by counts of problems, fewest first, and carries the figures the scorecard shows', async () => {
    const a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
    const ranked = rankDepartments(await a.metrics({ asOf: '2024-10-16' }))
    await a.db.close()
    // 区数据局 and 区卫健局 have no overdue task, open case or missed step; 区卫健局 has one
    // overdue application (A3). 区人社局 missed one step (B11's contact); 区市场监管局 has an
    // overdue task.
    expect(ranked.map(r => [r.rank, r.dept])).toEqual([[1, '区数据局'], [2, '区卫健局'], [3, '区人社局'], [4, '区市场监管局']])
    expect(ranked[3]).toMatchObject({ overdue: 1, openOverdue: 1, contactOnTime: 4, contactDue: 6, rectifyOnTime: 1, rectifyDue: 3, bad: 8, good: 10, bundles: 1, bundlesMeetingAll: 1 })
    expect(ranked[1]).toMatchObject({ appsOverdue: 1, appsDue: 1, appsOnTime: 0, bundles: 1, bundlesMeetingAll: 0 })
  })
})

describe('rankDepartments: one line per lead unit, nothing due listed apart', () => {
  const task = (id: string, lead: string[], status: string, coop: string[] = []) =>
    ({ task_id: id, lead_dept: lead.join('、'), lead_units: lead, coop_units: coop, status })
  const metrics = (tasks: unknown[], apps: unknown[] = [], evals: unknown[] = [], bundles: unknown[] = []) => ({
    schedule: { tasks },
    evaluations: { by_dept: evals },
    applications: { by_dept: apps },
    reduction: { bundles },
  }) as unknown as MetricsResult

  it('counts a task for each of its lead units and never for a co-operating unit', () => {
    const ranked = rankDepartments(metrics([
      task('1', ['区人社局', '区医保局'], 'overdue', ['区财政局']),
      task('2', ['区人社局'], 'done_on_time'),
    ]))
    expect(ranked.map(r => [r.rank, r.dept, r.tasks, r.overdue])).toEqual([[1, '区人社局', 2, 1], [1, '区医保局', 1, 1]])
    expect(ranked.some(r => r.dept === '区财政局' || r.dept.includes('、'))).toBe(false)
  })

  it('lists a unit with nothing due after the ranked ones, unranked, instead of first for having no problems', () => {
    const ranked = rankDepartments(metrics(
      [task('1', ['甲局'], 'on_track'), task('2', ['乙局'], 'overdue'), task('3', ['丙局'], 'done_on_time'), task('4', ['丁局'], 'ongoing_unreported')],
      // 戊局 has applications but none due yet; 己局 has one due, on time.
      [{ dept: '戊局', total: 3, completion_due: 0, on_time: 0, overdue: 0 }, { dept: '己局', total: 1, completion_due: 1, on_time: 1, overdue: 0 }],
      // 庚局 has a bad review whose contact step is due and done in time.
      [{ dept: '庚局', total: 2, good: 1, bad: 1, good_rate: 0.5, rule_1_5_15: { contact_due: 1, contact_on_time: 1, rectify_due: 0, rectify_on_time: 0, complex_due: 0, complex_on_time: 0, open_overdue: 0 } }],
      // A bundle led by two units, with no deadline reached: counted for both, nothing due.
      [{ lead_dept: '辛局、壬局', meets_materials: true }],
    ))
    expect(ranked.map(r => [r.rank, r.dept, r.nothingDue])).toEqual([
      [1, '丙局', false],
      [1, '庚局', false],
      [1, '己局', false],
      [4, '乙局', false],
      [null, '丁局', true],
      [null, '甲局', true],
      [null, '壬局', true],
      [null, '戊局', true],
      [null, '辛局', true],
    ])
    expect(ranked.find(r => r.dept === '辛局')!.bundles).toBe(1)
  })
})
