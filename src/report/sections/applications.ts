import type { AppFigures } from '../../metrics/types'
import type { Ctx } from '../context'
import { pendingNotesByPart } from '../../metrics/pending'
import { rateBarsByDept } from '../charts'
import { count, rateText } from '../format'
import { html } from '../html'
import { figure, pendingNote, table } from '../parts'

const RATES: Array<{ zh: string, en: string, color: string, v: (a: AppFigures) => number | null }> = [
  { zh: '1个工作日内受理率', en: 'Accepted within 1 WD', color: '#2f6fb3', v: a => a.accepted_1wd_rate },
  { zh: '按时办结率', en: 'On time', color: '#2e9d57', v: a => a.on_time_rate },
  { zh: '网办率', en: 'Online', color: '#8c6bb1', v: a => a.online_rate },
]

function chart(ctx: Ctx, rows: Array<AppFigures & { dept: string }>): string {
  return rateBarsByDept(
    rows.map(r => r.dept),
    RATES.map(s => ({ name: ctx.t(s.zh, s.en), color: s.color, values: rows.map(s.v) })),
    ctx.t('各部门办件时效', 'Application timeliness by department'),
  )
}

/** 四、办件时效: acceptance within a working day, completion within the promised limit, by department. */
export function applications(ctx: Ctx) {
  const a = ctx.cur.applications
  if (a.total === 0)
    return html`<p>${ctx.t('本月无办件数据。', 'No applications this month.')}</p>`
  const line = (name: string, r: AppFigures) => [
    name,
    count(r.total),
    rateText(r.online, r.total, ctx.lang, ctx.t('无办件', 'none')),
    rateText(r.accepted_1wd, r.accept_due, ctx.lang),
    rateText(r.on_time, r.completion_due, ctx.lang),
    count(r.overdue),
  ]
  const rows = a.by_dept.map(r => line(r.dept, r))
  if (a.by_dept.length > 1)
    rows.push(line(ctx.t('合计', 'Total'), a))
  return html`<p>${ctx.t(
    `本月申请的办件${count(a.total)}件。受理时限为收件后${String(ctx.cur.settings.acceptWd ?? 1)}个工作日内；办结时限为各事项承诺时限（工作日），自受理次日起算；“到期”指已办结或已超过时限的办件。`,
    `${count(a.total)} applications submitted this month. Acceptance is due within ${String(ctx.cur.settings.acceptWd ?? 1)} working day(s) of receipt; completion within the promised limit in working days from acceptance; a case counts once it is done or past its limit.`,
  )}</p>
${table([
  { label: ctx.t('部门', 'Department') },
  { label: ctx.t('办件', 'Cases'), num: true },
  { label: ctx.t('网办率', 'Online'), num: true },
  { label: ctx.t('1个工作日内受理', 'Accepted within 1 WD'), num: true },
  { label: ctx.t('按时办结', 'On time'), num: true },
  { label: ctx.t('超期办件', 'Overdue'), num: true },
], rows, { cls: 'data with-total' })}${pendingNote(pendingNotesByPart(ctx.cur, ctx.lang).applications)}
${figure(ctx, ctx.t('各部门办件时效（%）', 'Application timeliness by department (%)'), chart(ctx, a.by_dept))}`
}
