import type { TaskStatus } from '../../../src/metrics/types'
import { describe, expect, it } from 'vitest'
import { buildDeptStatusOption, deptStatusRows, usedStatuses } from '../../../src/components/charts/options/deptStatus'
import { STATUS_STYLE } from '../../../src/domain/format/status'
import { task, XSS, XSS_ESCAPED } from './fixtures'

const labels = { tasks: '项', status: (s: TaskStatus) => `S:${s}` }
const tasks = [
  task('1', 'overdue', ['甲局']),
  task('2', 'on_track', ['乙局']),
  task('3', 'due_soon', ['乙局', '甲局']),
  task('4', 'done_on_time', ['乙局']),
  task('5', 'due_soon', ['乙局']),
  task('6', 'on_track', []),
]

describe('dept status chart', () => {
  it('counts each lead unit\'s tasks by status, a task with two leads on both bars, most red then most yellow first', () => {
    const rows = deptStatusRows(tasks)
    expect(rows.map(r => r.dept)).toEqual(['甲局', '乙局', '—'])
    expect(rows[0]).toMatchObject({ overdue: 1, due_soon: 1, on_track: 0 })
    expect(rows[1]).toMatchObject({ overdue: 0, due_soon: 2, on_track: 1, done_on_time: 1 })
    expect(rows[2]).toMatchObject({ on_track: 1 })
    expect(usedStatuses(rows)).toEqual(['overdue', 'due_soon', 'on_track', 'done_on_time'])
  })
  it('draws one stacked series per status present, in the status light\'s colour', () => {
    const o = buildDeptStatusOption({ rows: deptStatusRows(tasks) }, labels)
    expect(o.series.map(s => s.name)).toEqual(['S:overdue', 'S:due_soon', 'S:on_track', 'S:done_on_time'])
    expect(o.series.map(s => s.itemStyle.color)).toEqual([STATUS_STYLE.overdue.color, STATUS_STYLE.due_soon.color, STATUS_STYLE.on_track.color, STATUS_STYLE.done_on_time.color])
    expect(o.series[1]!.data).toEqual([1, 2, 0])
    expect(o.yAxis.data).toEqual(['甲局', '乙局', '—'])
    expect(o.series[0]!.label.formatter({ value: 0 })).toBe('')
  })
  it('lists in the tooltip only the statuses the unit has', () => {
    const o = buildDeptStatusOption({ rows: deptStatusRows(tasks) }, labels)
    expect(o.tooltip.formatter([{ dataIndex: 1 }])).toBe('<b>乙局</b><br/>S:due_soon：2 项<br/>S:on_track：1 项<br/>S:done_on_time：1 项')
  })
  it('escapes a unit name from the data in the tooltip', () => {
    const o = buildDeptStatusOption({ rows: deptStatusRows([task('1', 'overdue', [XSS])]) }, labels)
    const html = o.tooltip.formatter([{ dataIndex: 0 }])
    expect(html).toContain(XSS_ESCAPED)
    expect(html).not.toContain('<img')
  })
})
