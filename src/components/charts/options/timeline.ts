import type { ScheduleTask } from '../../../metrics/types'
import { STATUS_STYLE } from '../../../domain/format/status'
import { itemTooltip } from './tooltip'

export interface TimelineLabels {
  due: string
  done: string
  /** The review date's line. */
  review: string
}

const DAY_MS = 24 * 3600 * 1000

/**
 * A civil day as milliseconds at UTC midnight. With `useUTC` the axis lays out and reads ticks
 * in UTC, so a day is the same day in every viewer's time zone (ECharts would otherwise parse
 * "2024-06-15" as the viewer's local midnight).
 */
export function dayValue(day: string | null): number | null {
  return day ? Date.parse(`${day}T00:00:00Z`) : null
}

/** "2024-06-15" for a tick at a UTC midnight. */
export function dayTick(value: number): string {
  return new Date(value).toISOString().slice(0, 10)
}

/** The tasks that have a due date: only they have a place on a time axis. */
export function datedTasks(tasks: ScheduleTask[]): ScheduleTask[] {
  return tasks.filter(x => x.due_date)
}

/** "T03 办理时限压缩…": the id and the task cut short enough for the axis. */
export function taskAxisLabel(x: ScheduleTask): string {
  return `${x.task_id} ${x.task.length > 14 ? `${x.task.slice(0, 14)}…` : x.task}`
}

/** Due dates against completions on one time axis, the review date as a line: what is late is to its left, undone. */
export function buildTimelineOption(input: { tasks: ScheduleTask[], asOf: string, lang: 'zh' | 'en' }, labels: TimelineLabels) {
  const dated = datedTasks(input.tasks)
  const point = (x: ScheduleTask, date: string | null) => ({ value: [dayValue(date), taskAxisLabel(x)], itemStyle: { color: STATUS_STYLE[x.status].color } })
  return {
    animation: false,
    useUTC: true,
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 24, containLabel: true },
    tooltip: itemTooltip(({ dataIndex, seriesIndex, seriesName }) => {
      const task = dated[dataIndex]
      if (!task)
        return null
      // The first series holds the due dates, the second the completions.
      const date = seriesIndex === 1 ? task.done_date : task.due_date
      return { title: task.task, lines: [[seriesName, date ?? '—'], input.lang === 'en' ? task.interpretation_en : task.interpretation_zh] }
    }),
    // Due dates are days: ticks at whole days, written as dates, never as hours of a day.
    xAxis: { type: 'time', minInterval: DAY_MS, axisLabel: { formatter: dayTick, hideOverlap: true } },
    yAxis: { type: 'category', inverse: true, data: dated.map(taskAxisLabel), axisLabel: { width: 200, overflow: 'truncate' } },
    series: [
      {
        name: labels.due,
        type: 'scatter',
        symbol: 'emptyCircle',
        symbolSize: 12,
        data: dated.map(x => point(x, x.due_date)),
        markLine: { symbol: 'none', label: { formatter: labels.review }, lineStyle: { type: 'dashed', color: '#555' }, data: [{ xAxis: dayValue(input.asOf) }] },
      },
      {
        name: labels.done,
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 12,
        data: dated.map(x => point(x, x.done_date)),
      },
    ],
  }
}
