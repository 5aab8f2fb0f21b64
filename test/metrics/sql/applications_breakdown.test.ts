import type { Analysis } from '../../../src/metrics/analysis'
import type { MetricsQuery } from '../../../src/metrics/run'
import type { SqlName } from '../../../src/metrics/sql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reviewParams } from '../../../src/metrics/review'
import { runSql } from '../../../src/metrics/run'
import { openWasmNodeDb } from '../../../src/engine/node/wasm'
import { analysisOf, datasetFromDir, datasetFromTexts, FIXTURES } from '../../helpers/db'

// Hand-computed on data/sample-2024-10/办件.csv at D = 2024-10-16 (Wed). Working days around
// National Day 2024: Fri 09-27, Sun 09-29 (调休), Mon 09-30, then Tue 10-08 … Fri 10-11,
// Sat 10-12 (调休), Mon 10-14 …; call 09-27 the k-th working day, so 10-16 is k+10.
//   A1 市场监管 窗口 sub 09-27 acc 09-29 (limit k+1 = 09-29: in time) done 10-08, promise 3 from
//      acceptance → 10-09: on time                                                   [2024-09]
//   A2 市场监管 网上 sub Sat 10-05 (holiday, counts from 09-30) acc 10-09 > 10-08: late; promise
//      5 from 10-09 → 10-15, done 10-15: on time                                      [2024-10]
//   A3 卫健 掌上 sub/acc 10-08: in time; promise 2 → 10-10, still open at D: overdue 5 WD
//      (10-11, 10-12, 10-14, 10-15, 10-16)                                            [2024-10]
//   A4 人社 窗口 sub 10-14 acc 10-15: in time; promise 10 → 10-29: not due            [2024-10]
//   A5 人社 窗口 不予受理: nothing due                                                [2024-10]
//   A6 submitted 10-17, after D: not counted
type Figures = [total: number, acceptDue: number, accepted: number, completionDue: number, onTime: number, overdue: number]

describe('application breakdowns on the 2024-10 fixture', () => {
  let a: Analysis
  const run = <N extends SqlName>(name: N, q: MetricsQuery) => runSql(a.db, a.sql, name, reviewParams(q, a.currentSettings))
  const figures = (r: Record<string, unknown>): Figures => [r.total, r.accept_due, r.accepted_1wd, r.completion_due, r.on_time, r.overdue] as Figures

  beforeAll(async () => {
    a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
  })
  afterAll(() => a.db.close())

  it('judges each case as applications_summary does', async () => {
    const cases = await run('application_cases', { asOf: '2024-10-16' })
    const m = await a.metrics({ asOf: '2024-10-16' })
    const count = (f: keyof typeof cases[number]) => cases.filter(c => c[f]).length
    expect(cases.map(c => c.app_id).sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5'])
    expect([cases.length, count('is_online'), count('accept_due'), cases.filter(c => c.accept_due && c.accepted_in_time).length, count('done_due'), cases.filter(c => c.done_due && c.done_in_time).length, count('overdue')])
      .toEqual([m.applications.total, m.applications.online, m.applications.accept_due, m.applications.accepted_1wd, m.applications.completion_due, m.applications.on_time, m.applications.overdue])
  })

  it('gives the trend by month of submission', async () => {
    const rows = await run('applications_trend', { asOf: '2024-10-16' })
    expect(rows.map(r => [r.month, r.online, ...figures(r)])).toEqual([
      ['2024-09', 0, 1, 1, 1, 1, 1, 0], // A1
      ['2024-10', 2, 4, 3, 2, 2, 1, 1], // A2–A5: accepted in time A3, A4; on time A2; overdue A3
    ])
  })

  it('gives the channel mix, largest first, with which channels count as online', async () => {
    const rows = await run('applications_by_channel', { asOf: '2024-10-16' })
    expect(rows.map(r => [r.channel, r.is_online, ...figures(r)])).toEqual([
      ['窗口', false, 3, 2, 2, 1, 1, 0], // A1, A4, A5 (refused: nothing due)
      ['掌上', true, 1, 1, 1, 1, 0, 1], // A3
      ['网上', true, 1, 1, 0, 1, 1, 0], // A2
    ])
  })

  it('lists open overdue cases with their overdue working days, and no personal columns', async () => {
    const rows = await run('overdue_applications', { asOf: '2024-10-16' })
    expect(rows).toEqual([{
      app_id: 'A3',
      dept: '区卫健局',
      bundle_name: '新生儿出生一件事',
      matter_name: null,
      region: null,
      channel: '掌上',
      status: '在办',
      promised_wd: 2,
      submitted_date: '2024-10-08',
      accepted_date: '2024-10-08',
      done_limit: '2024-10-10',
      wd_overdue: 5,
      open_overdue_total: 1,
      carried: false,
      submitted_month: '2024-10',
    }])
  })

  it('honours month, department, bundle, region and channel as bound values', async () => {
    expect((await run('applications_trend', { asOf: '2024-10-16', month: '2024-09' })).map(r => [r.month, r.total])).toEqual([['2024-09', 1]])
    expect((await run('applications_by_channel', { asOf: '2024-10-16', dept: '区人社局' })).map(r => [r.channel, r.total])).toEqual([['窗口', 2]])
    expect((await run('applications_by_channel', { asOf: '2024-10-16', bundle: '企业开办一件事' })).map(r => [r.channel, r.total])).toEqual([['窗口', 1], ['网上', 1]])
    expect((await run('applications_by_channel', { asOf: '2024-10-16', channel: '掌上' })).map(r => r.channel)).toEqual(['掌上'])
    // The fixture has no region column: any region empties everything.
    expect(await run('applications_trend', { asOf: '2024-10-16', region: '\' OR 1=1 --' })).toEqual([])
    expect(await run('overdue_applications', { asOf: '2024-10-16', dept: '区市场监管局' })).toEqual([])
    // At 10-10, A3's limit is D itself: not yet overdue.
    expect(await run('overdue_applications', { asOf: '2024-10-10' })).toEqual([])
  })
})

describe('overdue_applications ordering and a review date on a day off', () => {
  // Counted from acceptance: X1 accepted Tue 10-08, promise 1 → 10-09; X2 accepted Fri 10-11,
  // promise 2 → Mon 10-14 (Sat 10-12 is a 调休 working day: 10-12 is the 1st, 10-14 the 2nd);
  // X3 done 10-16 after its limit 10-15 (late but not open); X4's limit is D; X5 withdrawn.
  const csv = [
    '办件编号,承办部门,申报渠道,申请时间,受理时间,办结时间,承诺时限,办件状态',
    'X1,A,窗口,2024-10-08 09:00,2024-10-08 10:00,,1,在办',
    'X2,A,网上,2024-10-11 09:00,2024-10-11 10:00,,2,在办',
    'X3,B,掌上,2024-10-14 09:00,2024-10-14 10:00,2024-10-16 09:00,1,办结',
    'X4,B,窗口,2024-10-15 09:00,,,1,在办',
    'X5,B,窗口,2024-10-08 09:00,,,1,撤回',
  ].join('\n')
  let a: Analysis
  beforeAll(async () => {
    a = await analysisOf(await datasetFromTexts({ '办件.csv': `${csv}\n` }))
  })
  afterAll(() => a.db.close())
  const run = (q: MetricsQuery) => runSql(a.db, a.sql, 'overdue_applications', reviewParams(q, a.currentSettings))

  it('puts the most overdue first and counts them all', async () => {
    // At Wed 10-16: X1 is past 10-09 by 10-10, 10-11, 10-12, 10-14, 10-15, 10-16 = 6 WD;
    // X2 past 10-14 by 10-15, 10-16 = 2 WD.
    const rows = await run({ asOf: '2024-10-16' })
    expect(rows.map(r => [r.app_id, r.done_limit, r.wd_overdue, r.open_overdue_total])).toEqual([['X1', '2024-10-09', 6, 2], ['X2', '2024-10-14', 2, 2]])
  })

  it('counts working days up to a review date that is a day off', async () => {
    // Sun 10-13: X1 is past 10-09 by 10-10, 10-11, 10-12 = 3 WD; X2's limit 10-14 is ahead.
    const rows = await run({ asOf: '2024-10-13' })
    expect(rows.map(r => [r.app_id, r.wd_overdue])).toEqual([['X1', 3]])
  })
})

describe('the new application SQL through both engines', () => {
  it('native DuckDB and DuckDB-WASM return identical rows', async () => {
    const native = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
    const wasm = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`), {}, await openWasmNodeDb())
    for (const q of [{ asOf: '2024-10-16' }, { asOf: '2024-10-31', month: '2024-10', dept: '区卫健局' }]) {
      for (const name of ['applications_trend', 'applications_by_channel', 'overdue_applications'] as const) {
        const p = reviewParams(q, native.currentSettings)
        expect(await runSql(wasm.db, wasm.sql, name, p)).toEqual(await runSql(native.db, native.sql, name, p))
      }
    }
    await native.db.close()
    await wasm.db.close()
  })
})
