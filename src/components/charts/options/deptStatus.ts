import type { ScheduleTask, TaskStatus } from '../../../metrics/types'
import { STATUS_STYLE } from '../../../domain/format/status'
import { axisTooltip, rowTip } from './tooltip'

const SHOWN: TaskStatus[] = ['overdue', 'due_soon', 'on_track', 'done_late', 'done_on_time', 'ongoing_reported', 'ongoing_unreported', 'awaiting_schedule', 'unparsed', 'pending_calendar']

/** One unit's bar: its name and how many of its tasks are in each status. */
export type DeptStatusRow = { dept: string } & Record<TaskStatus, number>

export interface DeptStatusLabels {
  /** The unit of the axis and tooltip counts ("项"). */
  tasks: string
  status: (s: TaskStatus) => string
}

/** Tasks counted by lead unit and status, most red first, then most yellow: the ranking a review reads top-down. */
export function deptStatusRows(tasks: ScheduleTask[]): DeptStatusRow[] {
  const by = new Map<string, DeptStatusRow>()
  for (const task of tasks) {
    // A task led by several units is on each one's bar (domain §2a); co-operating units are not charted.
    for (const dept of task.lead_units.length > 0 ? task.lead_units : ['—']) {
      const row = by.get(dept) ?? { dept, ...Object.fromEntries(SHOWN.map(s => [s, 0])) } as DeptStatusRow
      row[task.status] += 1
      by.set(dept, row)
    }
  }
  return [...by.values()].sort((a, b) => b.overdue - a.overdue || b.due_soon - a.due_soon || a.dept.localeCompare(b.dept, 'zh'))
}

/** The statuses some unit has: the others get no series and no column. */
export function usedStatuses(rows: DeptStatusRow[]): TaskStatus[] {
  return SHOWN.filter(s => rows.some(r => r[s] > 0))
}

/** Stacked horizontal bars per lead unit, one colour per status light. */
export function buildDeptStatusOption(input: { rows: DeptStatusRow[] }, labels: DeptStatusLabels) {
  const { rows } = input
  const used = usedStatuses(rows)
  return {
    animation: false,
    tooltip: axisTooltip(rowTip(rows, r => ({ title: r.dept, lines: used.filter(s => r[s] > 0).map(s => [labels.status(s), `${r[s]} ${labels.tasks}`] as const) }))),
    legend: { top: 0, type: 'scroll', itemGap: 14 },
    grid: { left: 8, right: 48, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: labels.tasks, nameGap: 8 },
    yAxis: { type: 'category', inverse: true, data: rows.map(r => r.dept), axisLabel: { width: 180, overflow: 'truncate' } },
    series: used.map(s => ({
      name: labels.status(s),
      type: 'bar',
      stack: 'status',
      itemStyle: { color: STATUS_STYLE[s].color },
      label: { show: true, formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : '') },
      data: rows.map(r => r[s]),
    })),
  }
}
