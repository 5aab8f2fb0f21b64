import type { Analysis } from '../../../src/metrics/analysis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rankDepartments } from '../../../src/metrics/ranking'
import { analysisOf, datasetFromDir, datasetFromTexts, FIXTURES } from '../../helpers/db'

describe('task_status.sql on the 2024-10 fixture', () => {
  let a: Analysis
  beforeAll(async () => {
    a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
  })
  afterAll(() => a.db.close())

  it('lights every task as the domain rules say at 2024-10-16', async () => {
    const m = await a.metrics({ asOf: '2024-10-16' })
    const byId = Object.fromEntries(m.schedule.tasks.map(t => [t.task_id, t]))
    expect(Object.fromEntries(m.schedule.tasks.map(t => [t.task_id, t.status]))).toEqual({
      1: 'done_on_time', // done 09-20 (done_date), due 09-30
      2: 'done_late', // due 09-20 (中旬), first 已完成 report 09-27 without done_date
      3: 'overdue', // due 10-10 (上旬), only 推进中
      4: 'due_soon', // due Sun 10-20: within 5 working days of 10-16 (…10-23)
      5: 'on_track', // due 10-31
      6: 'ongoing_reported', // 长期推进, reported 10-08
      7: 'ongoing_unreported', // 持续推进, last report 09-15
      8: 'awaiting_schedule', // 按照省级安排统筹推进
      9: 'done_on_time', // 6月底前完成并长期坚持: done 06-28; a later 推进中 does not undo it
      10: 'unparsed', // 待定
      12: 'due_soon', // due 10-22; its 已完成 report is dated after the review date
    })
    expect(byId[2]!.wd_late).toBe(5)
    expect(byId[3]!.wd_overdue).toBe(5) // 10-11, Sat 10-12 (调休上班), 10-14, 10-15, 10-16
    expect(byId[4]!.wd_overdue).toBe(-2)
    expect(byId[9]!.deadline_kind).toBe('date_then_ongoing')
    expect(byId[9]!.reported_in_month).toBe(false)
    expect(byId[6]!.last_report_date).toBe('2024-10-08')
    expect(m.schedule.counts).toMatchObject({ done_on_time: 2, done_late: 1, overdue: 1, due_soon: 2, on_track: 1 })
  })

  it('counts the report after the review date once the date moves past it', async () => {
    const m = await a.metrics({ asOf: '2024-10-18' })
    expect(m.schedule.tasks.find(t => t.task_id === '12')!.status).toBe('done_on_time')
  })

  it('takes the warning window as a parameter', async () => {
    await a.updateSettings({ ...a.currentSettings, warningWd: 1 })
    const m = await a.metrics({ asOf: '2024-10-16' })
    expect(m.schedule.tasks.find(t => t.task_id === '4')!.status).toBe('on_track')
    await a.updateSettings({ ...a.currentSettings, warningWd: 5 })
  })

  it('re-parses deadlines when the 中旬 day changes', async () => {
    await a.updateSettings({ ...a.currentSettings, midXunEndDay: 15 })
    const m = await a.metrics({ asOf: '2024-10-16' })
    const t4 = m.schedule.tasks.find(t => t.task_id === '4')!
    expect([t4.due_date, t4.status]).toEqual(['2024-10-15', 'overdue'])
    await a.updateSettings({ ...a.currentSettings, midXunEndDay: 20 })
  })

  it('filters by lead or responsible department', async () => {
    const m = await a.metrics({ asOf: '2024-10-16', dept: '区人社局' })
    expect(m.schedule.tasks.map(t => t.task_id).sort()).toEqual(['1', '10', '12', '5', '9'])
  })

  it('judges ongoing reporting within the chosen review month', async () => {
    const m = await a.metrics({ asOf: '2024-10-16', month: '2024-09' })
    const s = Object.fromEntries(m.schedule.tasks.map(t => [t.task_id, t.status]))
    expect([s[6], s[7]]).toEqual(['ongoing_unreported', 'ongoing_reported'])
  })
})

describe('bundles with a deadline join the schedule', () => {
  it('derives a task per bundle and lead department', async () => {
    const ds = await datasetFromTexts({
      '一件事清单.csv': '一件事名称,牵头部门,涉及事项,联办部门,完成时限\n开办餐饮店一件事,市市场监管局,食品经营许可,市市场监管局,10月底前\n开办餐饮店一件事,市市场监管局,消防检查,市消防救援支队,10月底前\n新生儿出生一件事,市卫健委,出生医学证明,市卫健委,按照省级安排统筹推进\n',
    })
    ds.plan = { plan_year: 2024 }
    const a = await analysisOf(ds)
    const m = await a.metrics({ asOf: '2024-10-16' })
    expect(m.schedule.tasks.map(t => [t.task_id, t.due_date, t.status, t.resp_depts])).toEqual([
      ['一件事:开办餐饮店一件事@市市场监管局', '2024-10-31', 'on_track', '市市场监管局、市消防救援支队'],
      ['一件事:新生儿出生一件事@市卫健委', null, 'awaiting_schedule', '市卫健委'],
    ])
    await a.db.close()
  })
})

describe('recurring deadlines are judged like ongoing ones', () => {
  it('lights a recurring task by whether it was reported in the review month', async () => {
    const ds = await datasetFromTexts({
      '配档表.csv': '序号,具体任务,完成时限,牵头部门,年度\n1,报送上月进展,每月10日前报送上月进展,区数据局,2024\n2,召开联席会议,每季度召开一次,区政务服务中心,2024\n3,建立台账并报送,6月底前建立，此后每月10日前报送,区数据局,2024\n',
      '进展报送.csv': '序号,报送日期,状态,完成日期,说明\n1,2024-10-09,推进中,,\n2,2024-09-20,推进中,,\n3,2024-06-25,已完成,,\n3,2024-10-08,推进中,,\n',
    })
    const a = await analysisOf(ds)
    const m = await a.metrics({ asOf: '2024-10-16' })
    expect(m.schedule.tasks.map(t => [t.task_id, t.deadline_kind, t.due_date, t.status, t.reported_in_month])).toEqual([
      ['1', 'recurring', null, 'ongoing_reported', true],
      ['2', 'recurring', null, 'ongoing_unreported', false],
      ['3', 'date_then_ongoing', '2024-06-30', 'done_on_time', true],
    ])
    expect(m.schedule.counts).toMatchObject({ ongoing_reported: 1, ongoing_unreported: 1, unparsed: 0 })
    await a.db.close()
  })
})

describe('a task led by several units (domain §2a)', () => {
  let a: Analysis
  beforeAll(async () => {
    const ds = await datasetFromTexts({
      '配档表.csv': '序号,具体任务,完成时限,牵头部门,责任单位,年度\n'
        + '1,医保参保一件事,9月底前,"区人社局,区医保局",区财政局,2024\n'
        + '2,窗口改造,9月底前,区人社局（牵头）、区数据局,,2024\n'
        + '3,清单梳理,10月底前,"各县（市、区）政府",,2024\n',
    })
    a = await analysisOf(ds)
  })
  afterAll(() => a.db.close())

  it('counts the task once overall and keeps the cell as written', async () => {
    const m = await a.metrics({ asOf: '2024-10-16' })
    expect(m.schedule.tasks.map(t => [t.task_id, t.status, t.lead_dept, t.lead_units, t.coop_units])).toEqual([
      ['1', 'overdue', '区人社局,区医保局', ['区人社局', '区医保局'], ['区财政局']],
      ['2', 'overdue', '区人社局（牵头）、区数据局', ['区人社局'], ['区数据局']],
      ['3', 'on_track', '各县（市、区）政府', ['各县（市、区）政府'], []],
    ])
    expect(m.schedule.counts.overdue).toBe(2)
  })

  it('shows the task under each lead unit and each co-operating unit with the department filter', async () => {
    const ids = async (dept: string) => (await a.metrics({ asOf: '2024-10-16', dept })).schedule.tasks.map(t => t.task_id)
    expect(await ids('区人社局')).toEqual(['1', '2'])
    expect(await ids('区医保局')).toEqual(['1'])
    expect(await ids('区财政局')).toEqual(['1'])
    expect(await ids('区数据局')).toEqual(['2'])
    expect(await ids('各县（市、区）政府')).toEqual(['3'])
    // The joined cell is not a unit, nor is a piece of a bracket.
    expect(await ids('区人社局,区医保局')).toEqual([])
    expect(await ids('区）政府')).toEqual([])
  })

  it('ranks each lead unit on the task, not the co-operating ones, and the joined cell nowhere', async () => {
    const ranked = rankDepartments(await a.metrics({ asOf: '2024-10-16' }))
    expect(ranked.map(r => [r.rank, r.dept, r.tasks, r.overdue])).toEqual([
      [1, '区医保局', 1, 1],
      [2, '区人社局', 2, 2],
      [null, '各县（市、区）政府', 1, 0],
    ])
  })
})
