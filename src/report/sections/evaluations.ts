import type { EvalDept, Rule1515 } from '../../metrics/types'
import type { Ctx } from '../context'
import { pendingNotesByPart } from '../../metrics/pending'
import type { CaseState, ReportCase } from '../types'
import { rateBarsByDept } from '../charts'
import { count, dateText, rateText } from '../format'
import { html } from '../html'
import { carriedClause } from './overview'
import { figure, pendingNote, table, tone, wd } from '../parts'

const STATE: Record<CaseState, { zh: string, en: string, tone: 'good' | 'bad' | 'flat' }> = {
  open_overdue: { zh: '超期未办结', en: 'open, past a limit', tone: 'bad' },
  open: { zh: '办理中', en: 'open', tone: 'flat' },
  done_on_time: { zh: '已按时处置', en: 'handled in time', tone: 'good' },
  done_late: { zh: '已处置（超时）', en: 'handled late', tone: 'bad' },
  excluded: { zh: '不计入（不属实/误评/恶意）', en: 'excluded (not real / mistaken / malicious)', tone: 'flat' },
  pending_calendar: { zh: '待定（节假日安排未载入）', en: 'pending (holiday schedule not loaded)', tone: 'flat' },
}

const STEPS: Array<{ zh: string, en: string, color: string, rate: (r: Rule1515) => number | null }> = [
  { zh: '按时联系率', en: 'Contacted in time', color: '#2f6fb3', rate: r => r.contact_rate },
  { zh: '按时整改率', en: 'Rectified in time', color: '#2e9d57', rate: r => r.rectify_rate },
  { zh: '复杂问题按时办结率', en: 'Complex closed in time', color: '#e8743b', rate: r => r.complex_rate },
]

function chart(ctx: Ctx, depts: EvalDept[]): string | null {
  if (!depts.some(d => d.rule_1_5_15.contact_due + d.rule_1_5_15.rectify_due + d.rule_1_5_15.complex_due > 0))
    return null
  return rateBarsByDept(
    depts.map(d => d.dept),
    STEPS.map(s => ({ name: ctx.t(s.zh, s.en), color: s.color, values: depts.map(d => s.rate(d.rule_1_5_15)) })),
    ctx.t('各部门差评“1、5、15”处置', '1-5-15 handling of bad reviews by department'),
  )
}

function ledgerRows(ctx: Ctx, cases: ReportCase[]) {
  return cases.map(c => [
    c.eval_id,
    html`${c.dept}${c.matter_name ? html`<br><small>${c.matter_name}</small>` : ''}`,
    html`${dateText(c.rated_date, ctx.lang)}${c.channel ? html`<br><small>${c.channel}</small>` : ''}`,
    html`${c.person ?? '—'}${c.phone ? html`<br><small>${c.phone}</small>` : ''}`,
    c.comment ?? '—',
    html`${tone(STATE[c.state].tone, ctx.t(STATE[c.state].zh, STATE[c.state].en))}${c.verdict ? html`<br><small>${c.verdict}${c.is_complex ? ctx.t('·复杂', ' · complex') : ''}</small>` : ''}`,
    // An open case whose limit is beyond the calendar has no count of days left yet.
    c.state === 'open' && c.wd_remaining === null
      ? ctx.t('待定（节假日安排未载入）', 'pending (holiday schedule not loaded)')
      : c.state === 'open' || c.state === 'open_overdue' || c.wd_remaining !== null ? wd(ctx, c.wd_remaining) : dateText(c.done_date ?? c.contacted_date, ctx.lang),
  ])
}

/** Beyond this many rows the ledger lists only the cases that need action. */
export const LEDGER_MAX = 120

function ledger(ctx: Ctx) {
  const all = ctx.input.cases
  let shown = all
  if (all.length > LEDGER_MAX) {
    // The SQL orders open and overdue cases first, so the cut keeps those that need action.
    shown = all.filter(c => c.state === 'open_overdue' || c.state === 'open' || c.state === 'done_late').slice(0, LEDGER_MAX)
  }
  const omitted = all.length - shown.length
  return html`${table([
    { label: ctx.t('编号', 'ID') },
    { label: ctx.t('部门／事项', 'Department / matter') },
    { label: ctx.t('评价日期', 'Rated') },
    { label: ctx.t('评价人', 'Reviewer') },
    { label: ctx.t('评价内容', 'Comment') },
    { label: ctx.t('处置状态', 'State') },
    { label: ctx.t('时限／完成', 'Limit / done') },
  ], ledgerRows(ctx, shown), { cls: 'data ledger', empty: ctx.t('本期无差评。', 'No bad reviews in this period.') })}
${omitted ? html`<p class="note">${ctx.t(`另有${omitted}条差评（已按时处置、不计入或超出篇幅）未逐条列出，其数量已计入上表。`, `${omitted} more bad reviews (handled in time, excluded, or beyond the page budget) are counted in the table above but not listed.`)}</p>` : ''}`
}

/** 五、好差评: good-review rate and the 1、5、15 results by department, and the ledger of bad reviews. */
export function evaluations(ctx: Ctx) {
  const e = ctx.cur.evaluations
  const r = e.rule_1_5_15
  const s = ctx.cur.settings
  const line = (name: string, x: { total: number, good: number, bad: number, rule_1_5_15: Rule1515 }) => [
    name,
    count(x.total),
    rateText(x.good, x.total, ctx.lang, ctx.t('无评价', 'none')),
    count(x.bad),
    rateText(x.rule_1_5_15.contact_on_time, x.rule_1_5_15.contact_due, ctx.lang),
    rateText(x.rule_1_5_15.rectify_on_time, x.rule_1_5_15.rectify_due, ctx.lang),
    rateText(x.rule_1_5_15.complex_on_time, x.rule_1_5_15.complex_due, ctx.lang),
    count(x.rule_1_5_15.open_overdue),
    count(x.rule_1_5_15.excluded),
  ]
  const rows = e.by_dept.map(d => line(d.dept, d))
  if (e.by_dept.length > 1)
    rows.push(line(ctx.t('合计', 'Total'), e))
  const svg = chart(ctx, e.by_dept)
  const days = s.dayKind === 'calendar' ? ctx.t('自然日', 'calendar days') : ctx.t('工作日', 'working days')
  return html`<p>${ctx.t(
    `本月收到评价${count(e.total)}条，好评率${rateText(e.good, e.total, 'zh', '无评价')}，差评（不满意、非常不满意）${count(e.bad)}条。差评处置按“1、5、15”规则：${String(s.contactDays)}个${days}内联系核实，属实问题${String(s.rectifyDays)}个${days}内整改反馈，复杂问题${String(s.complexDays)}个${days}内办结，均自差评次日起算；经核实不属实、误评或恶意差评的另行统计（${r.excluded}条），不计入整改率。${r.carried_over.count ? `截至评估日期超期未办结${r.open_overdue}条${carriedClause(ctx, r.carried_over, '条')}，往月差评仍在下表台账中列出。` : ''}`,
    `${count(e.total)} evaluations this month, good-review rate ${rateText(e.good, e.total, 'en', 'none rated')}, ${count(e.bad)} bad reviews. Rule "1-5-15": contact within ${String(s.contactDays)}, rectify within ${String(s.rectifyDays)}, close complex cases within ${String(s.complexDays)} ${days}, counted from the day after the review; reviews found not real, mistaken or malicious are counted apart (${r.excluded}).${r.carried_over.count ? ` At the review date ${r.open_overdue} are open past a limit${carriedClause(ctx, r.carried_over, '')}; earlier months' cases stay in the ledger below.` : ''}`,
  )}</p>
${table([
  { label: ctx.t('部门', 'Department') },
  { label: ctx.t('评价', 'Rated'), num: true },
  { label: ctx.t('好评率', 'Good rate'), num: true },
  { label: ctx.t('差评', 'Bad'), num: true },
  { label: ctx.t('按时联系', 'Contacted'), num: true },
  { label: ctx.t('按时整改', 'Rectified'), num: true },
  { label: ctx.t('复杂问题按时办结', 'Complex closed'), num: true },
  { label: ctx.t('超期未办结', 'Open late'), num: true },
  { label: ctx.t('不计入', 'Excl.'), num: true },
], rows, { cls: 'data with-total' })}${pendingNote(pendingNotesByPart(ctx.cur, ctx.lang).evaluations)}
${svg ? figure(ctx, ctx.t('各部门差评“1、5、15”按时处置率（%）', '1-5-15 on-time rates by department (%)'), svg) : ''}
<h3>${ctx.t('本期差评台账', 'Ledger of bad reviews')}</h3>
<p class="note">${ctx.t(
  `列出本月的差评，以及此前收到、月初尚未办结的差评。评价人姓名、联系电话、证件号码均已脱敏；评价内容中的电话、证件号码一并脱敏。`,
  `Bad reviews of the month, and earlier ones still open when the month began. Names, phone and ID numbers are masked, also inside comments.`,
)}</p>
${ledger(ctx)}`
}
