import type { AddedYear } from '../../../src/domain/calendar'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WorkCalendar, yearFromNotice } from '../../../src/domain/calendar'
import { reviewParams } from '../../../src/metrics/review'
import { runSql } from '../../../src/metrics/run'
import { withDefaults } from '../../../src/domain/settings'
import { analysisOf, datasetFromDir, datasetFromTexts } from '../../helpers/db'
import { Analysis } from '../../../src/metrics/analysis'
import { loadSqlFilesNode } from '../../../src/engine/node/sql-files'
import { openNativeDb } from '../../../src/engine/node/native'

const FIX = new URL('../../fixtures/calendar/', import.meta.url).pathname
const y2027 = yearFromNotice(readFileSync(`${FIX}notice-2027.txt`, 'utf8'), 'notice-2027.txt', '2026-12-06')
if (!y2027.ok)
  throw new Error('notice-2027.txt does not parse')
const added: AddedYear[] = [y2027.year]

async function open(years: AddedYear[] = []) {
  return Analysis.open(await openNativeDb(), await datasetFromDir(`${FIX}newyear-2026`), loadSqlFilesNode(), withDefaults(), 2026, years)
}

describe('the year boundary without next year\'s holidays (domain §4a)', () => {
  let a: Analysis
  beforeAll(async () => {
    a = await open()
  })
  afterAll(() => a.db.close())

  it('rated Wed 30 Dec, rectified Thu 31 Dec: on time at review 31 Dec, though the limit is in 2027', async () => {
    const r = (await a.metrics({ asOf: '2026-12-31' })).evaluations.rule_1_5_15
    // N1 and N2 contacted by 31 Dec (N2's limit is 31 Dec itself); N3 rated 31 Dec is not due yet.
    expect([r.bad, r.contact_due, r.contact_on_time]).toEqual([3, 2, 2])
    // N1 rectified 31 Dec; N2 not yet rectified and its 5th working day is in 2027: not due.
    expect([r.rectify_due, r.rectify_on_time, r.rectify_rate, r.open_overdue]).toEqual([1, 1, 1, 0])
    expect(r.pending_calendar).toEqual({ contact: 0, rectify: 0, complex: 0, years: [] })
  })
  it('keeps the rows dated 2027 and says which year to add', async () => {
    expect(a.dataset.tables.rectifications.rows).toHaveLength(3)
    expect(a.coverageIssues.map(i => [i.severity, i.column, i.value, i.count])).toEqual([
      ['warning', 'contacted_at', '2027-01-04', 1],
      ['warning', 'rectified_at', '2027-01-08', 1],
    ])
  })
  it('an open case whose limit is beyond the calendar has no number of remaining days (待定)', async () => {
    const rows = await runSql(a.db, a.sql, 'open_cases', reviewParams({ asOf: '2026-12-31' }, withDefaults()))
    expect(rows.map(r => [r.eval_id, r.open_overdue, r.wd_remaining])).toEqual([
      ['N2', false, null], // contacted; rectify limit in 2027
      ['N3', false, null], // contact limit in 2027
    ])
  })
  it('applications: accepted and done by 31 Dec are in time though the completion limit is in 2027', async () => {
    const m = await a.metrics({ asOf: '2026-12-31' })
    const { accept_due, accepted_1wd, completion_due, on_time, overdue, pending_calendar } = m.applications
    // A2 submitted 31 Dec is not due for acceptance (its limit is 2027's first working day).
    expect([accept_due, accepted_1wd, completion_due, on_time, overdue]).toEqual([1, 1, 1, 1, 0])
    expect(pending_calendar).toEqual({ accept: 0, completion: 0, years: [] })
  })
  it('tasks: the warning window runs into 2027; decided where 2027 cannot change it, else pending', async () => {
    const m = await a.metrics({ asOf: '2026-12-31' })
    const status = Object.fromEntries(m.schedule.tasks.map(t => [t.task_id, t.status]))
    // T1 due 2 Jan: the 5th working day after 31 Dec is at least 5 Jan. T3 due 30 Jun: far
    // beyond any 5 working days. T2 due 20 Jan depends on 2027's holidays.
    expect(status).toEqual({ T1: 'due_soon', T2: 'pending_calendar', T3: 'on_track' })
    expect(m.schedule.pending_calendar).toEqual({ tasks: 1, years: [2027] })
    expect(m.schedule.counts.pending_calendar).toBe(1)
  })
  it('a review date in 2027 is an error that says where to add the year', async () => {
    await expect(a.metrics({ asOf: '2027-01-08' })).rejects.toThrow(/设置 → 节假日安排.*--calendar/s)
  })
})

describe('the same data with the 2027 notice added', () => {
  let a: Analysis
  beforeAll(async () => {
    a = await open(added)
  })
  afterAll(() => a.db.close())

  it('judges January 2027 on the added calendar', async () => {
    const m = await a.metrics({ asOf: '2027-01-08' })
    const r = m.evaluations.rule_1_5_15
    // N2's 5th working day: 31 Dec, 4, 5, 6, 7 Jan (1–3 Jan off) — not rectified by 8 Jan.
    // N3 (rated 31 Dec): contact limit 4 Jan, rectify limit 8 Jan — both met on the day.
    expect([r.contact_due, r.contact_on_time, r.rectify_due, r.rectify_on_time, r.open_overdue]).toEqual([3, 3, 3, 2, 1])
    expect(a.coverageIssues).toEqual([])
    expect(m.calendar.sources.map(s => [s.kind, s.from_year, s.to_year, s.label])).toEqual([
      ['package', 2004, 2026, 'chinese-days'],
      ['notice', 2027, 2027, 'notice-2027.txt'],
    ])
  })
  it('the tasks are decided once 2027 is known', async () => {
    const m = await a.metrics({ asOf: '2026-12-31' })
    // The 5th working day after 31 Dec 2026 is 8 Jan 2027.
    expect(Object.fromEntries(m.schedule.tasks.map(t => [t.task_id, t.status]))).toEqual({ T1: 'due_soon', T2: 'on_track', T3: 'on_track' })
    expect(m.schedule.pending_calendar).toEqual({ tasks: 0, years: [] })
  })
  it('open cases get their remaining working days', async () => {
    const rows = await runSql(a.db, a.sql, 'open_cases', reviewParams({ asOf: '2026-12-31' }, withDefaults()))
    expect(rows.map(r => [r.eval_id, r.wd_remaining])).toEqual([['N3', 1], ['N2', 4]])
  })
})

describe('an added year the package already covers', () => {
  it('is not used (the package wins) and the user is told', async () => {
    const y2026 = yearFromNotice(readFileSync(`${FIX}notice-2026.txt`, 'utf8').replace('1月4日（周日）上班。', ''), 'mine.txt')
    const a = await open(y2026.ok ? [y2026.year] : [])
    expect(a.coverageIssues.filter(i => i.code === 'calendar_year_ignored').map(i => [i.file, i.value, i.severity])).toEqual([['mine.txt', '2026', 'warning']])
    const { formatIssue } = await import('../../../src/ingest/table/issues')
    expect(formatIssue(a.coverageIssues[0]!, 'zh')).toContain('以内置日历为准')
    expect(a.calendar.isWorkday('2026-01-04')).toBe(true)
    await a.db.close()
  })
})

describe('events before the calendar\'s first year: limits not known, counted as pending', () => {
  it('bad reviews and applications of 2003 are in no rate and are counted with their year', async () => {
    const a = await analysisOf(await datasetFromTexts({
      '好差评.csv': '评价编号,被评价部门,评价时间,评价等级\nP1,A,2003-12-30,不满意\nP2,A,2003-12-31,非常不满意\nP3,A,2024-10-08,不满意\n',
      '差评整改.csv': '评价编号,联系时间,核实结果,是否复杂问题,整改时间\nP1,2003-12-31,属实,否,2004-01-02\nP2,,属实,是,\nP3,2024-10-09,属实,否,2024-10-10\n',
      '办件.csv': '办件编号,承办部门,申报渠道,申请时间,受理时间,办结时间,承诺时限,办件状态\nX1,A,窗口,2003-12-31 09:00,2004-01-02 09:00,2004-01-05 09:00,5,办结\nX2,A,窗口,2024-10-08 09:00,2024-10-08 10:00,2024-10-09 09:00,5,办结\n',
    }))
    const m = await a.metrics({ asOf: '2024-10-16' })
    const r = m.evaluations.rule_1_5_15
    expect([r.bad, r.contact_due, r.contact_on_time, r.rectify_due, r.rectify_on_time, r.complex_due, r.open_overdue]).toEqual([3, 1, 1, 1, 1, 0, 0])
    expect(r.pending_calendar).toEqual({ contact: 2, rectify: 1, complex: 1, years: [2003] })
    expect(m.evaluations.by_dept[0]!.rule_1_5_15.pending_calendar.contact).toBe(2)
    // X1 was submitted before the calendar: acceptance pending; accepted on a covered day, so
    // its completion limit is known (5th working day after 2 Jan 2004) and it is in time.
    const ap = m.applications
    expect([ap.accept_due, ap.accepted_1wd, ap.completion_due, ap.on_time]).toEqual([1, 1, 2, 2])
    expect(ap.pending_calendar).toEqual({ accept: 1, completion: 0, years: [2003] })
    expect(a.coverageIssues.map(i => [i.file, i.column, i.value, i.count])).toEqual([
      ['好差评.csv', 'rated_at', '2003-12-30', 2],
      ['差评整改.csv', 'contacted_at', '2003-12-31', 1],
      ['办件.csv', 'submitted_at', '2003-12-31', 1],
    ])
    await a.db.close()
  })
})

describe('the bound on the warning window beyond the calendar', () => {
  it('on every covered day, the k-th working day after it is within k × (longest gap between working days) days', async () => {
    const cal = new WorkCalendar()
    const rows = cal.rows()
    const work = rows.filter(r => r.workday).map(r => Date.parse(r.d))
    let maxGap = 0
    for (let i = 1; i < work.length; i++)
      maxGap = Math.max(maxGap, (work[i]! - work[i - 1]!) / 86_400_000)
    expect(maxGap).toBe(11) // 23 Jan 2020 to 3 Feb 2020, the extended Spring Festival
    for (let k = 1; k <= 10; k++) {
      for (const r of rows) {
        if (r.wd_num + k > work.length)
          break
        const later = (Date.parse(cal.addWorkdays(r.d, k)) - Date.parse(r.d)) / 86_400_000
        expect(later).toBeGreaterThanOrEqual(k)
        if (later > k * maxGap)
          expect.fail(`${r.d} + ${k} working days is ${later} days later`)
      }
    }
    // The SQL reads the same gap from the calendar table.
    const a = await analysisOf(await datasetFromTexts({ '好差评.csv': '评价编号,被评价部门,评价时间,评价等级\nE1,A,2024-10-08,满意\n' }))
    const [g] = await a.db.query('SELECT max(gap) AS g FROM (SELECT d - lag(d) OVER (ORDER BY d) AS gap FROM calendar WHERE workday)')
    expect(Number(g!.g)).toBe(maxGap)
    await a.db.close()
  })
})
