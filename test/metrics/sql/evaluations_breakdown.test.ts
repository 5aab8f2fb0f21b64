import type { Analysis } from '../../../src/metrics/analysis'
import type { Row } from '../../../src/metrics/db/types'
import type { MetricsQuery } from '../../../src/metrics/run'
import type { SqlName } from '../../../src/metrics/sql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reviewParams } from '../../../src/metrics/review'
import { runSql } from '../../../src/metrics/run'
import { composeSql } from '../../../src/metrics/sql'
import { openWasmNodeDb } from '../../../src/engine/node/wasm'
import { analysisOf, datasetFromDir, FIXTURES } from '../../helpers/db'

// Hand-computed on data/sample-2024-10 at D = 2024-10-16 (Wed). 好差评.csv holds G01–G10
// (all good: levels 非常满意/满意/基本满意 or 5/4/3, rated 10-01…10-10 by 评价器 for
// 区市场监管局 / 企业设立登记) and the bad reviews B1–B11; B9 is rated 10-17, after D.
// The step states of each bad review (1、5、15 working days, see rule_1_5_15.test.ts):
//   B1  监管 企业设立登记 评价器   09-27  contact on time; rectified on its 5th WD (10-10)
//   B2  监管 企业设立登记 二维码   10-05  contacted late (10-09 > 10-08); rectified late (10-14 > 10-12)
//   B3  监管 食品经营许可 网站     09-20  contact on time; complex, closed 10-16 = its 15th WD
//   B4  监管 食品经营许可 网站     09-30  contact on time; complex, limit 10-25: not due
//   B5  监管 企业注销     APP      10-09  never contacted, never rectified: both due, open overdue
//   B6  监管 企业注销     APP      10-14  contact on time; 不属实 → excluded
//   B7  监管 企业注销     评价器   10-15  contact limit is D: not yet due
//   B8  监管 企业注销     评价器   10-16  contact limit 10-17: not due
//   B10 人社 社保登记     12345热线 09-29 contact on time; 恶意差评 → excluded
//   B11 人社 社保登记     短信     10-01  contacted late (10-09 01:30 China time); rectified on time
const DRILL_NONE: { matter: string | null, eval_channel: string | null } = { matter: null, eval_channel: null }

type Counts = [total: number, good: number, bad: number, contactDue: number, contactOnTime: number, rectifyDue: number, rectifyOnTime: number, complexDue: number, complexOnTime: number, openOverdue: number, excluded: number]
const counts = (r: Row): Counts => [r.total, r.good, r.bad, r.contact_due, r.contact_on_time, r.rectify_due, r.rectify_on_time, r.complex_due, r.complex_on_time, r.open_overdue, r.excluded] as Counts

describe('evaluations_breakdown on the 2024-10 fixture', () => {
  let a: Analysis
  const run = <N extends SqlName>(name: N, q: MetricsQuery, drill: { matter: string | null, eval_channel: string | null } = DRILL_NONE) =>
    runSql(a.db, a.sql, name, { ...reviewParams(q, a.currentSettings), ...drill })
  const byDim = (rows: Row[], dim: string) => Object.fromEntries(rows.filter(r => r.dim === dim).map(r => [r.key, counts(r)]))

  beforeAll(async () => {
    a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
  })
  afterAll(() => a.db.close())

  it('gives the whole review first, equal to evaluations_summary and rule_1_5_15', async () => {
    const rows = await run('evaluations_breakdown', { asOf: '2024-10-16' })
    expect(rows[0]).toMatchObject({ dim: 'all', key: null })
    // 20 rated by D: G01–G10 good, B1–B8, B10, B11 bad. Contact 5/8, rectify 2/4, complex 1/1.
    expect(counts(rows[0]!)).toEqual([20, 10, 10, 8, 5, 4, 2, 1, 1, 1, 2])
    const m = await a.metrics({ asOf: '2024-10-16' })
    const r = m.evaluations.rule_1_5_15
    expect(counts(rows[0]!)).toEqual([m.evaluations.total, m.evaluations.good, m.evaluations.bad, r.contact_due, r.contact_on_time, r.rectify_due, r.rectify_on_time, r.complex_due, r.complex_on_time, r.open_overdue, r.excluded])
  })

  it('splits by department, most open overdue first', async () => {
    const rows = await run('evaluations_breakdown', { asOf: '2024-10-16' })
    expect(rows.filter(r => r.dim === 'dept').map(r => r.key)).toEqual(['区市场监管局', '区人社局'])
    expect(byDim(rows, 'dept')).toEqual({
      // G01–G10 + B1–B8. Contact due B1–B6 (4 on time: B1, B3, B4, B6); rectify B1, B2, B5 (B1).
      区市场监管局: [18, 10, 8, 6, 4, 3, 1, 1, 1, 1, 1],
      // B10 (excluded, contacted on time), B11 (contacted late, rectified on time).
      区人社局: [2, 0, 2, 2, 1, 1, 1, 0, 0, 0, 1],
    })
  })

  it('splits by matter and by evaluation channel as the data spells them', async () => {
    const rows = await run('evaluations_breakdown', { asOf: '2024-10-16' })
    expect(byDim(rows, 'matter')).toEqual({
      企业设立登记: [12, 10, 2, 2, 1, 2, 1, 0, 0, 0, 0], // G01–G10, B1 (in time), B2 (late twice)
      食品经营许可: [2, 0, 2, 2, 2, 0, 0, 1, 1, 0, 0], // B3, B4: complex, no 5-day step
      企业注销: [4, 0, 4, 2, 1, 1, 0, 0, 0, 1, 1], // B5 (overdue), B6 (excluded), B7, B8 (not due)
      社保登记: [2, 0, 2, 2, 1, 1, 1, 0, 0, 0, 1], // B10, B11
    })
    // The matter with the open overdue case leads; then by bad reviews.
    expect(rows.filter(r => r.dim === 'matter')[0]!.key).toBe('企业注销')
    expect(byDim(rows, 'channel')).toEqual({
      '评价器': [13, 10, 3, 1, 1, 1, 1, 0, 0, 0, 0], // G01–G10, B1, B7, B8
      '二维码': [1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0], // B2
      '网站': [2, 0, 2, 2, 2, 0, 0, 1, 1, 0, 0], // B3, B4
      'APP': [2, 0, 2, 2, 1, 1, 0, 0, 0, 1, 1], // B5, B6
      '12345热线': [1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1], // B10
      '短信': [1, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0], // B11
    })
  })

  it('splits by month of rating, in month order', async () => {
    const rows = await run('evaluations_breakdown', { asOf: '2024-10-16' })
    expect(rows.filter(r => r.dim === 'month').map(r => r.key)).toEqual(['2024-09', '2024-10'])
    expect(byDim(rows, 'month')).toEqual({
      '2024-09': [4, 0, 4, 4, 4, 1, 1, 1, 1, 0, 1], // B1, B3, B4, B10
      '2024-10': [16, 10, 6, 4, 1, 3, 1, 0, 0, 1, 1], // G01–G10, B2, B5, B6, B7, B8, B11
    })
  })

  it('honours the month, department and bundle filters', async () => {
    const sep = await run('evaluations_breakdown', { asOf: '2024-10-16', month: '2024-09' })
    expect(counts(sep[0]!)).toEqual([4, 0, 4, 4, 4, 1, 1, 1, 1, 0, 1])
    expect(sep.filter(r => r.dim === 'month').map(r => r.key)).toEqual(['2024-09'])
    const hr = await run('evaluations_breakdown', { asOf: '2024-10-16', dept: '区人社局' })
    expect(counts(hr[0]!)).toEqual([2, 0, 2, 2, 1, 1, 1, 0, 0, 0, 1])
    // No evaluation in the fixture names a bundle.
    const bundle = await run('evaluations_breakdown', { asOf: '2024-10-16', bundle: '企业开办一件事' })
    expect(counts(bundle[0]!)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    // Only what happened by D counts. At 10-09: G01–G09 and B1–B5, B10, B11 are rated; B1–B4,
    // B10 and B11 are due for contact, B2 and B11 (limit 10-08, contacted 10-09) late. No
    // rectification is due yet: B1's limit is 10-10 (rectified that day, after D), B2's and
    // B11's 10-12, B3's complex limit 10-16.
    const early = await run('evaluations_breakdown', { asOf: '2024-10-09' })
    expect(counts(early[0]!)).toEqual([16, 9, 7, 6, 4, 0, 0, 0, 0, 0, 1])
  })

  it('drills into one matter or one evaluation channel', async () => {
    const m = await run('evaluations_breakdown', { asOf: '2024-10-16' }, { matter: '企业注销', eval_channel: null })
    expect(counts(m[0]!)).toEqual([4, 0, 4, 2, 1, 1, 0, 0, 0, 1, 1])
    expect(m.filter(r => r.dim === 'channel').map(r => r.key).sort()).toEqual(['APP', '评价器'])
    const c = await run('evaluations_breakdown', { asOf: '2024-10-16' }, { matter: null, eval_channel: '评价器' })
    expect(counts(c[0]!)).toEqual([13, 10, 3, 1, 1, 1, 1, 0, 0, 0, 0])
  })

  it('binds the drill values, never pastes them', async () => {
    const rows = await run('evaluations_breakdown', { asOf: '2024-10-16' }, { matter: '\' OR 1=1 --', eval_channel: null })
    expect(counts(rows[0]!)[0]).toBe(0)
    expect(composeSql(a.sql, 'evaluations_breakdown')).not.toContain('OR 1=1')
  })
})

describe('excluded_cases on the 2024-10 fixture', () => {
  let a: Analysis
  beforeAll(async () => {
    a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
  })
  afterAll(() => a.db.close())
  const run = (q: MetricsQuery, drill = DRILL_NONE) => runSql(a.db, a.sql, 'excluded_cases', { ...reviewParams(q, a.currentSettings), ...drill })

  it('lists 不属实 / 恶意差评 apart, latest first, without personal columns', async () => {
    const rows = await run({ asOf: '2024-10-16' })
    // B6 (rated 10-14, 不属实, contacted 10-15 = its limit) and B10 (rated Sun 09-29, a 调休
    // working day, 恶意差评, contacted 09-30 = its limit).
    expect(rows.map(r => [r.eval_id, r.verdict, r.rated_date, r.contact_limit, r.contacted_date, r.contact_due, r.contact_on_time])).toEqual([
      ['B6', '不属实', '2024-10-14', '2024-10-15', '2024-10-15', true, true],
      ['B10', '恶意差评', '2024-09-29', '2024-09-30', '2024-09-30', true, true],
    ])
    for (const r of rows)
      expect(Object.keys(r).filter(k => ['person', 'phone', 'staff', 'comment', 'id_number'].includes(k))).toEqual([])
  })

  it('follows the month filter and the drill-down', async () => {
    expect((await run({ asOf: '2024-10-16', month: '2024-09' })).map(r => r.eval_id)).toEqual(['B10'])
    expect((await run({ asOf: '2024-10-16' }, { matter: '社保登记', eval_channel: null })).map(r => r.eval_id)).toEqual(['B10'])
    expect((await run({ asOf: '2024-10-16' }, { matter: null, eval_channel: 'APP' })).map(r => r.eval_id)).toEqual(['B6'])
    // Before B6 was rated only B10 is there.
    expect((await run({ asOf: '2024-10-13' })).map(r => r.eval_id)).toEqual(['B10'])
  })
})

describe('the new evaluation SQL through both engines', () => {
  it('native DuckDB and DuckDB-WASM return identical rows', async () => {
    const native = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
    const wasm = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`), {}, await openWasmNodeDb())
    for (const q of [{ asOf: '2024-10-16' }, { asOf: '2024-10-31', month: '2024-10', dept: '区市场监管局' }]) {
      for (const name of ['evaluations_breakdown', 'excluded_cases'] as const) {
        const p = { ...reviewParams(q, native.currentSettings), matter: null, eval_channel: null }
        expect(await runSql(wasm.db, wasm.sql, name, p)).toEqual(await runSql(native.db, native.sql, name, p))
      }
    }
    await native.db.close()
    await wasm.db.close()
  })
})
