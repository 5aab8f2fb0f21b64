// The bulletin's ledger (督办台账): what changed since the previous month's review date (the
// end of the previous month) and the units red review after review, counted back through the
// month ends of the data. Computed by metrics/ledger from the same SQL as everything else.

import type { Analysis } from '../../metrics/analysis'
import type { LedgerComparison, LedgerRow } from '../../metrics/ledger'
import type { Ctx } from '../context'
import { CalendarCoverageError } from '../../domain/calendar'
import { lastDayOfMonth, previousMonth } from '../../domain/dates'
import { ledgerBetween } from '../../metrics/ledger'
import { monthEnds } from '../../ingest/ledger/state'
import { dataSpan } from '../../ingest/dataset/span'
import { dateText } from '../format'
import { html } from '../html'
import { table, wd } from '../parts'

/**
 * The ledger between the end of the month before `q.month` and `q.asOf`, for `q.dept` when
 * given; null when that earlier review lies outside the calendar or is not before `asOf`.
 */
export async function gatherLedger(analysis: Analysis, q: { month: string, asOf: string, dept?: string | null }): Promise<LedgerComparison | null> {
  const from = lastDayOfMonth(previousMonth(q.month))
  if (from >= q.asOf)
    return null
  // Only where the data starts matters here: the month ends before the previous one.
  const span = dataSpan(analysis.dataset, q.asOf)
  // Earlier month ends, so "red in N consecutive months" counts back through the data.
  const earlier = span && span.first < from ? monthEnds(span.first, from) : []
  try {
    return await ledgerBetween(analysis, [...earlier, from, q.asOf], from, q.asOf, q.dept ?? null)
  }
  catch (e) {
    if (e instanceof CalendarCoverageError)
      return null
    throw e
  }
}

const STEP: Record<string, [string, string]> = {
  contact: ['1个工作日内联系核实', 'contact within 1 WD'],
  rectify: ['5个工作日内整改反馈', 'rectify within 5 WD'],
  complex: ['15个工作日内办结', 'close within 15 WD'],
}

function deadline(ctx: Ctx, r: LedgerRow) {
  if (r.kind === 'case')
    return html`${ctx.t(STEP[r.step ?? 'contact']![0], STEP[r.step ?? 'contact']![1])}<br><small>${ctx.t('差评日期', 'rated')} ${dateText(r.rated_date, ctx.lang)}</small>`
  const interp = ctx.lang === 'zh' ? r.interpretation_zh : r.interpretation_en
  return html`${r.deadline_text ?? '—'}${interp && interp !== r.deadline_text ? html`<br><small>${interp}</small>` : ''}`
}

function rows(ctx: Ctx, list: LedgerRow[], extra?: (r: LedgerRow) => string) {
  return list.map(r => [
    r.unit ?? ctx.t('（未填牵头单位）', '(no lead unit)'),
    html`${r.id} ${r.item}`,
    dateText(r.due_date, ctx.lang),
    wd(ctx, r.wd_overdue === null ? null : -r.wd_overdue),
    deadline(ctx, r),
    ...(extra ? [extra(r)] : []),
  ])
}

function cols(ctx: Ctx, extra?: string) {
  return [
    { label: ctx.t('牵头单位', 'Lead unit') },
    { label: ctx.t('事项', 'Item') },
    { label: ctx.t('截止日期', 'Due') },
    { label: ctx.t('工作日', 'Working days'), num: true },
    { label: ctx.t('时限原文', 'Deadline as written') },
    ...(extra ? [{ label: extra, num: true }] : []),
  ]
}

/** 八、督办台账: closed, newly and still overdue, bad reviews, and the units red month after month. */
export function ledger(ctx: Ctx) {
  const l = ctx.input.ledger
  if (!l)
    return html`<p>${ctx.t('上月末不在日历覆盖范围内，或评估日期不晚于上月末，本期不列督办台账。', 'The end of the previous month is outside the calendar or not before the review date; no ledger this month.')}</p>`
  const c = l.counts
  const repeat = l.repeatRed.map(u => ctx.t(`${u.unit}（连续${u.consecutive}次）`, `${u.unit} (${u.consecutive} reviews)`)).join(ctx.t('、', ', '))
  const sub = (zh: string, en: string) => html`<h3>${ctx.t(zh, en)}</h3>`
  const empty = ctx.t('无', 'None')
  return html`<p>${ctx.t(
    `与上次评估（${dateText(l.from, 'zh')}）相比，截至${dateText(l.to, 'zh')}：已销号${c.closed}项，新增逾期${c.newlyOverdue}项，持续逾期${c.stillOverdue}项；差评已办结${c.casesClosed}件，新增超期${c.casesNewlyOverdue}件。工作日均按评估日计（已销号、差评已办结按上次评估日）。`,
    `Since the last review (${l.from}), to ${l.to}: ${c.closed} closed, ${c.newlyOverdue} newly overdue, ${c.stillOverdue} still overdue; ${c.casesClosed} bad reviews closed, ${c.casesNewlyOverdue} newly overdue. Working days are counted at the review date (for closed items, at the last review).`,
  )}</p>
<p>${l.repeatRed.length
  ? ctx.t(`连续${l.threshold}次及以上评估亮红（有逾期任务或超期差评）的单位：${repeat}。`, `Units red (an overdue task or bad review) at ${l.threshold} or more consecutive month-end reviews: ${repeat}.`)
  : ctx.t(`没有连续${l.threshold}次评估亮红的单位。`, `No unit was red at ${l.threshold} consecutive reviews.`)}</p>
${sub('（一）已销号', '(a) Closed')}
${table(cols(ctx, ctx.t('完成日期', 'Done')), rows(ctx, l.closed, r => dateText(r.done_date, ctx.lang)), { empty })}
${sub('（二）新增逾期', '(b) Newly overdue')}
${table(cols(ctx), rows(ctx, l.newlyOverdue), { empty })}
${sub('（三）持续逾期', '(c) Still overdue')}
${table(cols(ctx, ctx.t('连续逾期次数', 'Reviews overdue')), rows(ctx, l.stillOverdue, r => String(r.consecutive)), { empty })}
${sub('（四）差评已办结', '(d) Bad reviews closed')}
${table(cols(ctx), rows(ctx, l.casesClosed), { empty })}
${sub('（五）差评新增超期', '(e) Bad reviews newly overdue')}
${table(cols(ctx), rows(ctx, l.casesNewlyOverdue), { empty })}
${sub('（六）连续亮红的单位', '(f) Units red in consecutive reviews')}
${table([
  { label: ctx.t('单位', 'Unit') },
  { label: ctx.t('连续亮红次数', 'Red reviews running'), num: true },
  { label: ctx.t('逾期任务', 'Overdue tasks'), num: true },
  { label: ctx.t('超期差评', 'Overdue bad reviews'), num: true },
], l.repeatRed.map(u => [u.unit, u.consecutive, u.tasks, u.cases]), { empty })}`
}
