import type { Ctx } from '../context'
import type { CarriedOver } from '../../metrics/types'
import type { Indicator } from '../indicators'
import { count, dateText, monthText, rateText } from '../format'
import { html } from '../html'
import { byId, change } from '../indicators'
import { tone } from '../parts'

function kpi(ctx: Ctx, ind: Indicator) {
  const v = ind.value(ctx.cur)
  const big = v.den === undefined
    ? html`${count(v.num)}<small>${ind.unit ? ctx.t(ind.unit[0], '') : ''}</small>`
    : html`${v.den === 0 ? '—' : `${(v.num / v.den * 100).toFixed(1)}%`}<small>${v.den === 0 ? ctx.t('无到期', 'none due') : `${count(v.num)}/${count(v.den)}`}</small>`
  const c = change(ctx, ind)
  return html`<div class="kpi"><div class="kpi-label">${ctx.t(ind.label[0], ind.label[1])}</div><div class="kpi-value">${big}</div><div class="kpi-change">${ctx.t('较上月', 'vs last month')} ${tone(c.tone, c.word ? `${c.text}（${c.word}）` : c.text)}</div></div>`
}

/** '2024-03', '2024-05' → "2024年3月、5月"-style text (each month in full: they may span years). */
function monthsText(ctx: Ctx, months: string[]): string {
  return ctx.t(months.map(m => monthText(m, 'zh')).join('、'), months.map(m => monthText(m, 'en')).join(', '))
}

/**
 * What a stock carries from months before the bulletin's (domain §8a), as a clause after the
 * stock's count: "（其中往月遗留5条，来自2024年3月、2024年5月）". Empty when it carries nothing.
 */
export function carriedClause(ctx: Ctx, c: CarriedOver, unit: string): string {
  if (c.count === 0)
    return ''
  return ctx.t(`（其中往月遗留${c.count}${unit}，来自${monthsText(ctx, c.months)}）`, ` (${c.count} carried over from ${monthsText(ctx, c.months)})`)
}

/** Applications from earlier months still open past their limit: a sentence, or nothing. */
function carriedApps(ctx: Ctx, c: CarriedOver): string {
  if (c.count === 0)
    return ''
  return ctx.t(`；往月办件逾期仍未办结${c.count}件（${monthsText(ctx, c.months)}受理）`, `; ${c.count} applications from earlier months still open past their limit (submitted ${monthsText(ctx, c.months)})`)
}

/** 一、总体情况: the month in one paragraph and six headline figures with their change. */
export function overview(ctx: Ctx) {
  const m = ctx.cur
  const s = m.schedule.counts
  const e = m.evaluations
  const r = e.rule_1_5_15
  const a = m.applications
  const o = m.reduction.overall
  const total = Object.values(s).reduce((x, y) => x + y, 0)
  const ongoing = s.ongoing_reported + s.ongoing_unreported
  const carried = { tasks: m.schedule.carried_over, reviews: r.carried_over, apps: a.carried_over }
  const lead = ctx.t(
    `截至${dateText(m.as_of, 'zh')}，配档表共列任务${total}项：按期完成${s.done_on_time}项，逾期完成${s.done_late}项，逾期未完成${s.overdue}项${carriedClause(ctx, carried.tasks, '项')}，临期预警${s.due_soon}项，正常推进${s.on_track}项；另有长期任务${ongoing}项（本月已报送${s.ongoing_reported}项），待上级安排${s.awaiting_schedule}项，时限待设定${s.unparsed}项${s.pending_calendar ? `，待定（节假日安排未载入）${s.pending_calendar}项` : ''}。`
    + `本月收到评价${count(e.total)}条，好评率${rateText(e.good, e.total, 'zh', '无评价')}，差评${e.bad}条；差评“1、5、15”按时联系率${rateText(r.contact_on_time, r.contact_due, 'zh')}，按时整改率${rateText(r.rectify_on_time, r.rectify_due, 'zh')}，复杂问题按时办结率${rateText(r.complex_on_time, r.complex_due, 'zh')}，超期未办结${r.open_overdue}条${carriedClause(ctx, carried.reviews, '条')}。`
    + `办件${count(a.total)}件，按时办结率${rateText(a.on_time, a.completion_due, 'zh')}，1个工作日内受理率${rateText(a.accepted_1wd, a.accept_due, 'zh')}，网办率${rateText(a.online, a.total, 'zh', '无办件')}${carriedApps(ctx, carried.apps)}。`
    + `${o.bundles}个“一件事”中，材料减幅达标${o.meeting.materials.met}/${o.meeting.materials.n}个，时限减幅达标${o.meeting.time.met}/${o.meeting.time.n}个，环节减幅达标${o.meeting.steps.met}/${o.meeting.steps.n}个。`,
    `As of ${m.as_of}, the schedule lists ${total} tasks: ${s.done_on_time} done on time, ${s.done_late} done late, ${s.overdue} overdue${carriedClause(ctx, carried.tasks, '')}, ${s.due_soon} due soon, ${s.on_track} on track; `
    + `${ongoing} ongoing (${s.ongoing_reported} reported this month), ${s.awaiting_schedule} awaiting a higher-level schedule, ${s.unparsed} with a deadline to set${s.pending_calendar ? `, ${s.pending_calendar} pending a holiday schedule not loaded` : ''}. `
    + `${count(e.total)} evaluations this month, good-review rate ${rateText(e.good, e.total, 'en', 'none rated')}, ${e.bad} bad reviews; contacted within 1 WD ${rateText(r.contact_on_time, r.contact_due, 'en')}, rectified within 5 WD ${rateText(r.rectify_on_time, r.rectify_due, 'en')}, complex cases closed within 15 WD ${rateText(r.complex_on_time, r.complex_due, 'en')}, ${r.open_overdue} open past a limit${carriedClause(ctx, carried.reviews, '')}. `
    + `${count(a.total)} applications, completed on time ${rateText(a.on_time, a.completion_due, 'en')}, accepted within 1 WD ${rateText(a.accepted_1wd, a.accept_due, 'en')}, online ${rateText(a.online, a.total, 'en', 'none')}${carriedApps(ctx, carried.apps)}. `
    + `Of ${o.bundles} bundles, ${o.meeting.materials.met}/${o.meeting.materials.n} meet the materials target, ${o.meeting.time.met}/${o.meeting.time.n} the time target, ${o.meeting.steps.met}/${o.meeting.steps.n} the steps target.`,
  )
  const kpis = ['tasks_overdue', 'tasks_due_soon', 'good_rate', 'contact', 'open_overdue', 'on_time'].map(id => kpi(ctx, byId(id)))
  return html`<p>${lead}</p>
<div class="kpis">${kpis}</div>`
}
