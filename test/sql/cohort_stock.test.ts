import type { Analysis } from '../../src/core/analysis'
import type { MetricsQuery } from '../../src/core/metrics/run'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { metricParams, runSql } from '../../src/core/metrics/run'
import { analysisOf, datasetFromTexts } from '../helpers/db'

// Domain §8a: with a month chosen, cohort figures are the month's (reviews rated in it,
// applications submitted in it) and stocks are judged at the review date over every month
// up to it, saying how much they carry from earlier months.
//
// Dept A: E1 rated Mon 4 Mar, never contacted (open overdue, carried from March); E2 rated
// Mon 2 Sep, contacted and rectified in time (closed: carried nothing); E3 rated Tue 3 Sep,
// contacted, never rectified (open overdue, carried from September); E4 rated Tue 8 Oct,
// never contacted (open overdue, the month's own); G1 a good review in October.
// Dept B: E5 rated Mon 9 Sep, never contacted (open overdue, carried from September only).
const EVALS = [
  '评价编号,被评价部门,评价时间,评价等级,联系时间,核实结果,是否复杂问题,整改时间',
  'E1,A,2024-03-04 10:00,不满意,,,,',
  'E2,A,2024-09-02 10:00,不满意,2024-09-03 09:00,属实,否,2024-09-05 09:00',
  'E3,A,2024-09-03 10:00,非常不满意,2024-09-04 09:00,属实,否,',
  'E4,A,2024-10-08 10:00,不满意,,,,',
  'G1,A,2024-10-09 10:00,满意,,,,',
  'E5,B,2024-09-09 10:00,不满意,,,,',
].join('\n')
// P1 submitted in September, still open past its 1-working-day promise; P2 submitted in
// September and done late (not open: no stock); P3 submitted in October, open past its limit.
const APPS = [
  '办件编号,承办部门,申报渠道,申请时间,受理时间,办结时间,承诺时限,办件状态',
  'P1,A,窗口,2024-09-10 09:00,2024-09-10 10:00,,1,在办',
  'P2,A,窗口,2024-09-10 09:00,2024-09-10 10:00,2024-09-20 10:00,1,办结',
  'P3,A,网上,2024-10-08 09:00,2024-10-08 10:00,,1,在办',
].join('\n')
// T1 due in August and T2 in September, neither done; T3 due in October, not done.
const TASKS = [
  '序号,板块,目标任务,具体任务,完成时限,牵头部门,责任单位,年度',
  '1,一,甲,任务一,8月底前,A,,2024',
  '2,一,甲,任务二,9月底前,A,,2024',
  '3,一,甲,任务三,10月15日前,A,,2024',
].join('\n')

describe('cohort and stock of a month (domain §8a)', () => {
  let a: Analysis
  beforeAll(async () => {
    a = await analysisOf(await datasetFromTexts({ '好差评.csv': `${EVALS}\n`, '办件.csv': `${APPS}\n`, '配档表.csv': `${TASKS}\n` }))
  })
  afterAll(() => a.db.close())
  const october: MetricsQuery = { asOf: '2024-10-31', month: '2024-10' }

  it('counts the month\'s bad reviews in the 1、5、15 rates and every open overdue one in the stock', async () => {
    const r = (await a.metrics(october)).evaluations.rule_1_5_15
    expect([r.bad, r.contact_due, r.contact_on_time, r.rectify_due]).toEqual([1, 1, 0, 1]) // E4 only
    expect(r.open_overdue).toBe(4) // E1, E3, E4, E5
    expect(r.carried_over).toEqual({ count: 3, months: ['2024-03', '2024-09'] })
  })

  it('says per department what each carries', async () => {
    const m = await a.metrics(october)
    const byDept = Object.fromEntries(m.evaluations.by_dept.map(d => [d.dept, [d.bad, d.rule_1_5_15.open_overdue, d.rule_1_5_15.carried_over]]))
    expect(byDept).toEqual({
      A: [1, 3, { count: 2, months: ['2024-03', '2024-09'] }],
      // B has no review in October: listed for its stock alone.
      B: [0, 1, { count: 1, months: ['2024-09'] }],
    })
    expect((await a.metrics({ ...october, dept: 'B' })).evaluations.rule_1_5_15.open_overdue).toBe(1)
  })

  it('is the same stock as the review without a month, at the same date', async () => {
    const all = (await a.metrics({ asOf: '2024-10-31' })).evaluations.rule_1_5_15
    expect(all.open_overdue).toBe(4)
    expect(all.carried_over).toEqual({ count: 0, months: [] })
    expect(all.bad).toBe(5)
  })

  it('leaves out what is rated after the month, and the cohort of an earlier month stays its own', async () => {
    const sep = (await a.metrics({ asOf: '2024-09-30', month: '2024-09' })).evaluations.rule_1_5_15
    expect([sep.bad, sep.open_overdue, sep.carried_over.count]).toEqual([3, 3, 1]) // E2, E3, E5 rated; E1, E3, E5 open
  })

  it('lists earlier months\' open cases, marked with their month', async () => {
    const rows = await runSql(a.db, a.sql, 'open_cases', metricParams({ ...october, dept: 'A' }, a.currentSettings))
    expect(rows.map(r => [r.eval_id, r.carried, r.rated_month]).sort()).toEqual([
      ['E1', true, '2024-03'],
      ['E3', true, '2024-09'],
      ['E4', false, '2024-10'],
    ])
  })

  it('gives the 好差评 page the same stock by department, volumes only for the month', async () => {
    const rows = await runSql(a.db, a.sql, 'evaluations_breakdown', { ...metricParams(october, a.currentSettings), matter: null, eval_channel: null })
    const all = rows.find(r => r.dim === 'all')!
    expect([all.total, all.good, all.bad, all.contact_due, all.open_overdue, all.carried_over]).toEqual([2, 1, 1, 1, 4, 3])
    const dept = Object.fromEntries(rows.filter(r => r.dim === 'dept').map(r => [r.key, [r.total, r.open_overdue, r.carried_over]]))
    expect(dept).toEqual({ A: [2, 3, 2], B: [0, 1, 1] })
  })

  it('keeps applications per month and carries their open overdue stock', async () => {
    const ap = (await a.metrics(october)).applications
    expect([ap.total, ap.completion_due, ap.on_time]).toEqual([1, 1, 0]) // P3
    expect(ap.overdue).toBe(2) // P3 (the month's), P1 (still open); P2 was late but is done
    expect(ap.carried_over).toEqual({ count: 1, months: ['2024-09'] })
    const list = await runSql(a.db, a.sql, 'overdue_applications', metricParams(october, a.currentSettings))
    expect(list.map(r => [r.app_id, r.carried, r.submitted_month])).toEqual([['P1', true, '2024-09'], ['P3', false, '2024-10']])
  })

  it('carries overdue tasks due before the month', async () => {
    const s = (await a.metrics(october)).schedule
    expect(s.counts.overdue).toBe(3)
    expect(s.carried_over).toEqual({ count: 2, months: ['2024-08', '2024-09'] })
  })
})
