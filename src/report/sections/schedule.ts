import type { ScheduleTask, TaskStatus } from '../../metrics/types'
import type { Ctx } from '../context'
import { pendingNotesByPart } from '../../metrics/pending'
import { STATUS_STYLE } from '../../domain/format/status'
import { TASK_STATUSES } from '../../metrics/types'
import { CHART_FONT, renderSvg } from '../charts'
import { dateText, pct } from '../format'
import { html } from '../html'
import { figure, light, pendingNote, table, wd } from '../parts'
import { STATUS_LABEL } from '../../domain/format/status'

function deadline(ctx: Ctx, t: ScheduleTask) {
  const interp = ctx.lang === 'zh' ? t.interpretation_zh : t.interpretation_en
  return html`${t.deadline_text}${interp && interp !== t.deadline_text ? html`<br><small>${interp}</small>` : ''}`
}

/** Each lead unit, then the co-operating ones in small print (domain §2a). */
function units(ctx: Ctx, t: ScheduleTask) {
  const lead = t.lead_units.length ? t.lead_units.join('、') : (t.lead_dept ?? '—')
  return t.coop_units.length ? html`${lead}<br><small>${ctx.t('配合：', 'with: ')}${t.coop_units.join('、')}</small>` : lead
}

function taskRows(ctx: Ctx, tasks: ScheduleTask[], withStatus: boolean) {
  return tasks.map(t => [
    t.task_id,
    html`${t.task}${t.bundle_name ? html`<br><small>${t.bundle_name}</small>` : ''}`,
    units(ctx, t),
    deadline(ctx, t),
    withStatus ? light(ctx, t.status) : dateText(t.due_date, ctx.lang),
    t.status === 'overdue' || t.status === 'due_soon' ? wd(ctx, t.wd_overdue === null ? null : -t.wd_overdue) : (t.done_date ? dateText(t.done_date, ctx.lang) : '—'),
  ])
}

function deptChart(ctx: Ctx, tasks: ScheduleTask[]): string | null {
  // A task led by several units is on each one's bar; co-operating units are not charted.
  const deptsOf = (t: ScheduleTask) => (t.lead_units.length ? t.lead_units : [ctx.t('（未填牵头部门）', '(no lead department)')])
  const depts = [...new Set(tasks.flatMap(deptsOf))]
  if (depts.length === 0)
    return null
  const used = TASK_STATUSES.filter(s => tasks.some(t => t.status === s))
  const series = used.map(s => ({
    type: 'bar',
    name: STATUS_LABEL[s][ctx.lang],
    stack: 'all',
    barMaxWidth: 22,
    itemStyle: { color: STATUS_STYLE[s].color },
    label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : ''), color: '#fff', fontFamily: CHART_FONT },
    data: depts.map(d => tasks.filter(t => deptsOf(t).includes(d) && t.status === s).length),
  }))
  const height = 90 + depts.length * 34
  return renderSvg({
    grid: { left: 8, right: 24, top: 40, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, textStyle: { fontFamily: CHART_FONT } },
    xAxis: { type: 'value', minInterval: 1, name: ctx.t('项', 'tasks'), nameGap: 6 },
    yAxis: { type: 'category', data: depts, inverse: true },
    series,
  }, height, ctx.t('各部门配档任务状态', 'Task status by lead department'))
}

/** 二、配档表: status counts, the lights by department, the red and yellow lists. */
export function schedule(ctx: Ctx) {
  const tasks = ctx.cur.schedule.tasks
  const c = ctx.cur.schedule.counts
  const total = tasks.length
  const red = tasks.filter(t => t.status === 'overdue').sort((a, b) => (b.wd_overdue ?? 0) - (a.wd_overdue ?? 0))
  const yellow = tasks.filter(t => t.status === 'due_soon').sort((a, b) => (a.due_date ?? '').localeCompare(b.due_date ?? ''))
  const watch: TaskStatus[] = ['done_late', 'ongoing_unreported', 'unparsed', 'awaiting_schedule', 'pending_calendar']
  const others = tasks.filter(t => watch.includes(t.status)).sort((a, b) => watch.indexOf(a.status) - watch.indexOf(b.status))
  // One row across: the status words (with their lights) head the columns, so the table
  // doubles as the chart's key and leaves the chart room on the same page.
  const shown = TASK_STATUSES.filter(st => c[st] > 0)
  const countsTable = table(
    [...shown.map(st => ({ label: light(ctx, st), num: true })), { label: ctx.t('合计', 'Total'), num: true }],
    [[...shown.map(st => html`${c[st]}<br><small>${pct(total ? c[st] / total : null)}</small>`), total]],
    { cls: 'data counts' },
  )
  const svg = deptChart(ctx, tasks)
  const listCols = (last: string) => [
    { label: ctx.t('序号', 'No.') },
    { label: ctx.t('具体任务', 'Task') },
    { label: ctx.t('牵头部门', 'Lead') },
    { label: ctx.t('完成时限', 'Deadline') },
    { label: ctx.t('截止日期', 'Due') },
    { label: last },
  ]
  return html`<p>${ctx.t(
    `纳入督办的配档表任务共${total}项（评估日${dateText(ctx.cur.as_of, 'zh')}）。亮灯规则：已过截止日期未完成为红灯（逾期未完成）；截止日期在评估日至其后第${String(ctx.cur.settings.warningWd ?? 5)}个工作日之间为黄灯（临期预警）；其余未完成为绿灯（正常推进）。`,
    `${total} tasks are supervised (review date ${ctx.cur.as_of}). Red: past the due date and not done; yellow: due from the review date to the ${String(ctx.cur.settings.warningWd ?? 5)}th working day after it; green: due later.`,
  )}</p>
${countsTable}${pendingNote(pendingNotesByPart(ctx.cur, ctx.lang).schedule)}
${svg ? figure(ctx, ctx.t('各部门配档任务状态（项）', 'Task status by lead department (tasks)'), svg) : ''}
<h3>${ctx.t('（一）红色清单：逾期未完成任务', '(1) Red list: overdue tasks')}</h3>
${table(listCols(ctx.t('逾期', 'Overdue by')), taskRows(ctx, red, false), { empty: ctx.t('无逾期未完成任务。', 'No overdue tasks.'), cls: 'data list-red' })}
<h3>${ctx.t('（二）黄色清单：临期预警任务', '(2) Yellow list: tasks due soon')}</h3>
${table(listCols(ctx.t('剩余', 'Left')), taskRows(ctx, yellow, false), { empty: ctx.t('无临期预警任务。', 'No tasks due soon.'), cls: 'data list-yellow' })}
<h3>${ctx.t('（三）其他需关注的任务', '(3) Other tasks to watch')}</h3>
${table([...listCols('').slice(0, 4), { label: ctx.t('状态', 'Status') }, { label: ctx.t('完成日期', 'Done') }], taskRows(ctx, others, true), { empty: ctx.t('无。', 'None.') })}`
}
