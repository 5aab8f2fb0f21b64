import type { Ctx } from '../context'
import { count, dateText, monthText, rateText } from '../format'
import { html } from '../html'
import { change, INDICATORS } from '../indicators'
import { table, tone } from '../parts'

/** 七、与上月对比: every headline figure this month, last month, and whether it improved. */
export function changes(ctx: Ctx) {
  const prev = ctx.prev
  if (!prev)
    return html`<p>${ctx.t('上月数据不在日历覆盖范围内或无法计算，本期不作对比。', 'The previous month cannot be computed (outside the calendar); no comparison.')}</p>`
  const value = (m: typeof prev, id: string) => {
    const ind = INDICATORS.find(i => i.id === id)!
    const v = ind.value(m)
    return v.den === undefined ? `${count(v.num)}${ind.unit ? ctx.t(` ${ind.unit[0]}`, '') : ''}` : rateText(v.num, v.den, ctx.lang)
  }
  const rows = INDICATORS.map((ind) => {
    const c = change(ctx, ind)
    return [
      ctx.t(ind.label[0], ind.label[1]),
      value(ctx.cur, ind.id),
      value(prev, ind.id),
      tone(c.tone, c.text),
      c.word ? tone(c.tone, c.word) : '',
    ]
  })
  return html`<p>${ctx.t(
    `本月数据截至${dateText(ctx.cur.as_of, 'zh')}，上月为${monthText(prev.month ?? '', 'zh')}全月（截至${dateText(prev.as_of, 'zh')}）。比率的变化以百分点计；颜色与文字表示变化是改善还是退步，而非增减。`,
    `This month is counted to ${ctx.cur.as_of}; last month is ${monthText(prev.month ?? '', 'en')} to ${prev.as_of}. Rates change in percentage points; colour and word say whether a change is better or worse, not its sign.`,
  )}</p>
${table([
  { label: ctx.t('指标', 'Measure') },
  { label: ctx.t('本月', 'This month'), num: true },
  { label: ctx.t('上月', 'Last month'), num: true },
  { label: ctx.t('变化', 'Change'), num: true },
  { label: ctx.t('评价', 'Verdict') },
], rows, { cls: 'data changes' })}`
}
