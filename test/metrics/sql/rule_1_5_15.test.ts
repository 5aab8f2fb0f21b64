import type { Analysis } from '../../../src/metrics/analysis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { composeSql } from '../../../src/metrics/sql'
import { reviewParams } from '../../../src/metrics/review'
import { runSql } from '../../../src/metrics/run'
import { withDefaults } from '../../../src/domain/settings'
import { analysisOf, datasetFromDir, datasetFromTexts, FIXTURES } from '../../helpers/db'

describe('1、5、15 on the 2024-10 fixture (GBK 好差评.csv with rectification columns)', () => {
  let a: Analysis
  beforeAll(async () => {
    a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
  })
  afterAll(() => a.db.close())

  it('gives the hand-computed counts at 2024-10-16', async () => {
    const m = await a.metrics({ asOf: '2024-10-16' })
    expect(m.evaluations.rule_1_5_15).toEqual({
      bad: 10, // B9 is rated after the review date
      contact_due: 8,
      contact_on_time: 5, // B1 (Fri→Sun 调休), B3, B4 (Mon→Tue after National Day), B6, B10 (Sun 调休→Mon)
      contact_rate: 5 / 8,
      rectify_due: 4, // B1, B2, B5 (no verdict: real and simple), B11
      rectify_on_time: 2,
      rectify_rate: 0.5,
      complex_due: 1, // B3 closed on its 15th working day; B4's limit is 10-25
      complex_on_time: 1,
      complex_rate: 1,
      open_overdue: 1, // B5 missed both limits and counts once
      excluded: 2, // B6 不属实, B10 恶意差评
      carried_over: { count: 0, months: [] }, // no month chosen: nothing is carried
      pending_calendar: { contact: 0, rectify: 0, complex: 0, years: [] }, // 2024 is covered
    })
    expect([m.evaluations.total, m.evaluations.good, m.evaluations.bad, m.evaluations.good_rate]).toEqual([20, 10, 10, 0.5])
  })

  it('splits by department', async () => {
    const m = await a.metrics({ asOf: '2024-10-16' })
    const by = Object.fromEntries(m.evaluations.by_dept.map(d => [d.dept, d.rule_1_5_15]))
    expect(by['区市场监管局']).toMatchObject({ bad: 8, contact_due: 6, contact_on_time: 4, rectify_due: 3, rectify_on_time: 1, complex_due: 1, open_overdue: 1, excluded: 1 })
    // B11 was contacted at 2024-10-08T17:30:00Z = 10-09 01:30 China time: one day late.
    expect(by['区人社局']).toMatchObject({ bad: 2, contact_due: 2, contact_on_time: 1, rectify_due: 1, rectify_on_time: 1, excluded: 1 })
  })

  it('lists open cases with remaining or overdue working days', async () => {
    const rows = await runSql(a.db, a.sql, 'open_cases', reviewParams({ asOf: '2024-10-16' }, withDefaults()))
    expect(rows.map(r => [r.eval_id, r.open_overdue, r.wd_remaining])).toEqual([
      ['B5', true, -5], // contact limit 10-10: 10-11, 10-12, 10-14, 10-15, 10-16
      ['B7', false, 0], // contact limit is today
      ['B8', false, 1],
      ['B4', false, 7], // complex, closes by 10-25
    ])
  })

  it('counts in calendar days when the rule says so', async () => {
    await a.updateSettings({ ...a.currentSettings, dayKind: 'calendar' })
    try {
      const m = await a.metrics({ asOf: '2024-10-16' })
      // Only B6 (10-14→10-15) and B10 (09-29→09-30) were contacted the next calendar day;
      // B1 (Fri→Sun) and B4 (09-30→10-08) were in time only in working days.
      expect(m.evaluations.rule_1_5_15.contact_on_time).toBe(2)
    }
    finally {
      await a.updateSettings({ ...a.currentSettings, dayKind: 'working' })
    }
  })

  it('filters by month of rating', async () => {
    const m = await a.metrics({ asOf: '2024-10-16', month: '2024-09' })
    expect(m.evaluations.rule_1_5_15).toMatchObject({ bad: 4, contact_due: 4, contact_on_time: 4, excluded: 1 }) // B1, B3, B4, B10
  })

  it('binds the department filter as a value, never as SQL text', async () => {
    const m = await a.metrics({ asOf: '2024-10-16', dept: '\' OR 1=1 --' })
    expect(m.evaluations.total).toBe(0)
    expect(m.evaluations.good_rate).toBeNull()
    expect(composeSql(a.sql, 'rule_1_5_15')).not.toContain('OR 1=1')
  })
})

describe('edge cases', () => {
  it('an empty denominator gives null, not 0 or NaN', async () => {
    const a = await analysisOf(await datasetFromTexts({ '好差评.csv': '评价编号,被评价部门,评价时间,评价等级\nE1,A,2024-10-08,满意\n' }))
    const r = (await a.metrics({ asOf: '2024-10-16' })).evaluations.rule_1_5_15
    expect([r.contact_due, r.contact_rate, r.rectify_rate, r.complex_rate]).toEqual([0, null, null, null])
    await a.db.close()
  })
  it('a bad review on the last covered days has its limit beyond the calendar and is not yet due', async () => {
    const a = await analysisOf(await datasetFromTexts({ '好差评.csv': '评价编号,被评价部门,评价时间,评价等级\nE1,A,2026-12-31,不满意\n' }))
    const r = (await a.metrics({ asOf: '2026-12-31' })).evaluations.rule_1_5_15
    expect([r.bad, r.contact_due, r.open_overdue]).toEqual([1, 0, 0])
    await a.db.close()
  })
  it('a date outside the calendar is kept with a warning naming the year to add; a review date there is an error', async () => {
    const a = await analysisOf(await datasetFromTexts({ '好差评.csv': '评价编号,被评价部门,评价时间,评价等级\nE1,A,2027-01-04,不满意\nE2,A,2024-01-04,不满意\nE3,A,2027-02-04,不满意\n' }))
    expect(a.coverageIssues.map(i => [i.code, i.severity, i.row, i.value, i.count])).toEqual([['calendar_coverage', 'warning', 2, '2027-01-04', 2]])
    expect(a.dataset.tables.evaluations.rows).toHaveLength(3)
    const { formatIssue } = await import('../../../src/ingest/table/issues')
    expect(formatIssue(a.coverageIssues[0]!, 'zh')).toContain('设置 → 节假日安排')
    expect(formatIssue(a.coverageIssues[0]!, 'zh')).toContain('载入 2027 年安排')
    expect(formatIssue(a.coverageIssues[0]!, 'en')).toContain('--calendar FILE')
    await expect(a.metrics({ asOf: '2027-01-05' })).rejects.toThrow(/2027-01-05.*设置 → 节假日安排/)
    await a.db.close()
  })
})

describe('local calendar adjustments loaded as data', () => {
  it('a local day off moves the limits that cross it', async () => {
    const { readdirSync, readFileSync } = await import('node:fs')
    const files: Record<string, string> = {}
    for (const n of readdirSync(`${FIXTURES}sample-2024-10`).filter(n => n.endsWith('.csv') && n !== '好差评.csv'))
      files[n] = readFileSync(`${FIXTURES}sample-2024-10/${n}`, 'utf8')
    files['好差评.csv'] = new TextDecoder('gb18030').decode(readFileSync(`${FIXTURES}sample-2024-10/好差评.csv`))
    files['本地日历调整.csv'] = '日期,是否工作日,说明\n2024-10-08,否,本地调休\n'
    const a = await analysisOf(await datasetFromTexts(files))
    const r = (await a.metrics({ asOf: '2024-10-16' })).evaluations.rule_1_5_15
    // With 10-08 off, B2 (10-05), B4 (09-30) and B11 (10-01) all have their contact limit on
    // 10-09, and each was contacted by then: 7 of 8 on time instead of 5.
    expect([r.contact_on_time, r.contact_due]).toEqual([7, 8])
    expect(a.dataset.tables.calendar_adjustments.rows).toHaveLength(1)
    await a.db.close()
  })
})
