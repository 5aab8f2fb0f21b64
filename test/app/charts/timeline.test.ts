import { describe, expect, it } from 'vitest'
import { buildTimelineOption, datedTasks, dayTick, dayValue, taskAxisLabel } from '../../../src/components/charts/options/timeline'
import { STATUS_STYLE } from '../../../src/domain/format/status'
import { task, XSS, XSS_ESCAPED } from './fixtures'

const labels = { due: '时限', done: '完成', review: '评估日' }
const tasks = [
  task('T1', 'overdue', ['甲局'], { due_date: '2024-10-10' }),
  task('T2', 'done_on_time', ['乙局'], { due_date: '2024-10-20', done_date: '2024-10-18', task: '一个很长很长很长很长很长的任务名称' }),
  task('T3', 'ongoing_reported', ['乙局'], { due_date: null }),
]

describe('schedule timeline chart', () => {
  it('places only dated tasks, due dates and completions coloured by status, the review date as a line', () => {
    const o = buildTimelineOption({ tasks, asOf: '2024-10-31', lang: 'zh' }, labels)
    expect(datedTasks(tasks).map(x => x.task_id)).toEqual(['T1', 'T2'])
    expect(o.yAxis.data).toEqual(['T1 任务T1', 'T2 一个很长很长很长很长很长的任…'])
    expect(taskAxisLabel(tasks[1]!)).toBe('T2 一个很长很长很长很长很长的任…')
    expect(o.series.map(s => s.name)).toEqual(['时限', '完成'])
    expect(o.series[0]!.data.map(d => d.value[0])).toEqual([Date.UTC(2024, 9, 10), Date.UTC(2024, 9, 20)])
    expect(o.series[1]!.data.map(d => d.value[0])).toEqual([null, Date.UTC(2024, 9, 18)])
    expect(o.series[0]!.data.map(d => d.itemStyle.color)).toEqual([STATUS_STYLE.overdue.color, STATUS_STYLE.done_on_time.color])
    expect(o.series[0]!.markLine!.data).toEqual([{ xAxis: Date.UTC(2024, 9, 31) }])
  })
  it('ticks whole days written as dates, the same day in every time zone (never "06:00 12:00")', () => {
    const o = buildTimelineOption({ tasks, asOf: '2024-10-31', lang: 'zh' }, labels)
    expect(o.useUTC).toBe(true)
    expect(o.xAxis.minInterval).toBe(24 * 3600 * 1000)
    expect(o.xAxis.axisLabel.formatter(dayValue('2024-12-31')!)).toBe('2024-12-31')
    expect(dayTick(Date.UTC(2025, 0, 1))).toBe('2025-01-01')
    expect(dayValue(null)).toBeNull()
  })
  it('says in the tooltip the task, the hovered date and how the deadline was read, in the chosen language', () => {
    const zh = buildTimelineOption({ tasks, asOf: '2024-10-31', lang: 'zh' }, labels)
    expect(zh.tooltip.formatter({ dataIndex: 1, seriesIndex: 1, seriesName: '完成' })).toBe('<b>一个很长很长很长很长很长的任务名称</b><br/>完成：2024-10-18<br/>2024年10月31日前')
    const en = buildTimelineOption({ tasks, asOf: '2024-10-31', lang: 'en' }, labels)
    expect(en.tooltip.formatter({ dataIndex: 0, seriesIndex: 0, seriesName: '时限' })).toBe('<b>任务T1</b><br/>时限：2024-10-10<br/>by 31 Oct 2024')
  })
  it('escapes the task and its reading in the tooltip', () => {
    const o = buildTimelineOption({ tasks: [task('T1', 'overdue', ['甲局'], { task: XSS, interpretation_zh: XSS })], asOf: '2024-10-31', lang: 'zh' }, labels)
    const html = o.tooltip.formatter({ dataIndex: 0, seriesIndex: 0, seriesName: '时限' })
    expect(html).toBe(`<b>${XSS_ESCAPED}</b><br/>时限：2024-10-31<br/>${XSS_ESCAPED}`)
  })
})
