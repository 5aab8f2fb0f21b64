import type { Analysis } from '../../../src/metrics/analysis'
import type { MetricsQuery } from '../../../src/metrics/run'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reviewParams } from '../../../src/metrics/review'
import { runSql } from '../../../src/metrics/run'
import { COHORT_FILES } from '../../helpers/cohort'
import { analysisOf, datasetFromTexts } from '../../helpers/db'

// Domain §8a: with a month chosen, cohort figures are the month's and stocks are judged at the
// review date over every month up to it, saying how much they carry (fixture: helpers/cohort.ts).

describe('cohort and stock of a month (domain §8a)', () => {
  let a: Analysis
  beforeAll(async () => {
    a = await analysisOf(await datasetFromTexts(COHORT_FILES))
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
    const rows = await runSql(a.db, a.sql, 'open_cases', reviewParams({ ...october, dept: 'A' }, a.currentSettings))
    expect(rows.map(r => [r.eval_id, r.carried, r.rated_month]).sort()).toEqual([
      ['E1', true, '2024-03'],
      ['E3', true, '2024-09'],
      ['E4', false, '2024-10'],
    ])
  })

  it('gives the 好差评 page the same stock by department, volumes only for the month', async () => {
    const rows = await runSql(a.db, a.sql, 'evaluations_breakdown', { ...reviewParams(october, a.currentSettings), matter: null, eval_channel: null })
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
    const list = await runSql(a.db, a.sql, 'overdue_applications', reviewParams(october, a.currentSettings))
    expect(list.map(r => [r.app_id, r.carried, r.submitted_month])).toEqual([['P1', true, '2024-09'], ['P3', false, '2024-10']])
  })

  it('carries overdue tasks due before the month', async () => {
    const s = (await a.metrics(october)).schedule
    expect(s.counts.overdue).toBe(3)
    expect(s.carried_over).toEqual({ count: 2, months: ['2024-08', '2024-09'] })
  })
})
