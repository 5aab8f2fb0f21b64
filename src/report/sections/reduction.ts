import type { ReductionBundle, TargetShare } from '../../metrics/types'
import type { Ctx } from '../context'
import type { Part } from '../html'
import { CHART_FONT, renderSvg } from '../charts'
import { count, pct } from '../format'
import { html } from '../html'
import { figure, table, tone } from '../parts'

type Key = 'materials' | 'time' | 'steps' | 'trips' | 'auto_fill'

type Field = 'materials_cut' | 'time_cut' | 'steps_cut' | 'trips_cut' | 'auto_fill'

const METRICS: Array<{ key: Key, field: Field, zh: string, en: string }> = [
  { key: 'materials', field: 'materials_cut', zh: '减材料', en: 'Materials' },
  { key: 'time', field: 'time_cut', zh: '减时限', en: 'Time limit' },
  { key: 'steps', field: 'steps_cut', zh: '减环节', en: 'Steps' },
  { key: 'trips', field: 'trips_cut', zh: '减跑动', en: 'Trips' },
  { key: 'auto_fill', field: 'auto_fill', zh: '表单自动生成', en: 'Auto-filled fields' },
]

// "Fewer trips" has no percentage target: any cut meets it (settings store it as a tiny number).
const targetText = (ctx: Ctx, t: number) => (t < 0.001 ? ctx.t('有减少即达标', 'any cut') : `≥${pct(t).replace('.0%', '%')}`)

function cut(ctx: Ctx, before: number | null, after: number | null, value: number | null, meets: boolean | null, unit = ''): Part {
  if (value === null)
    return '—'
  const word = meets === null ? '' : meets ? ctx.t('达标', 'met') : ctx.t('未达标', 'missed')
  return html`${before ?? '—'}→${after ?? '—'}${unit} ${pct(value)}${word ? html`<br>${tone(meets ? 'good' : 'bad', word)}` : ''}`
}

function overallChart(ctx: Ctx): string {
  const o = ctx.cur.reduction.overall
  const shown = METRICS.filter(m => m.key !== 'trips')
  const value = (f: Field) => {
    const v = o[f]
    return v === null ? null : Math.round(v * 1000) / 10
  }
  return renderSvg({
    grid: { left: 8, right: 16, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, textStyle: { fontFamily: CHART_FONT } },
    xAxis: { type: 'category', data: shown.map(m => ctx.t(m.zh, m.en)) },
    yAxis: { type: 'value', max: 100, name: '%', nameGap: 8 },
    series: [
      { type: 'bar', name: ctx.t('汇总减幅', 'Pooled cut'), barMaxWidth: 28, itemStyle: { color: '#2f6fb3' }, label: { show: true, position: 'top', formatter: (p: { value: number | null }) => (p.value === null ? '—' : `${p.value.toFixed(1)}%`) }, data: shown.map(m => value(m.field)) },
      { type: 'bar', name: ctx.t('目标', 'Target'), barMaxWidth: 28, itemStyle: { color: '#c9ced6' }, label: { show: true, position: 'top', formatter: (p: { value: number }) => `${p.value}%` }, data: shown.map(m => Math.round(o.meeting[m.key].target * 100)) },
    ],
  }, 260, ctx.t('“一件事”汇总减幅与目标', 'Pooled cuts against targets'))
}

/** 三、一件事: pooled cuts against the targets, and each bundle's before → after. */
export function reduction(ctx: Ctx) {
  const o = ctx.cur.reduction.overall
  const bundles: ReductionBundle[] = ctx.cur.reduction.bundles
  if (o.bundles === 0)
    return html`<p>${ctx.t('本期未载入改革前后对比数据。', 'No before/after data was loaded.')}</p>`
  const share = (s: TargetShare) => (s.n === 0 ? '—' : `${s.met}/${s.n}（${pct(s.share)}）`)
  const overall = table(
    [{ label: ctx.t('指标', 'Measure') }, { label: ctx.t('目标', 'Target') }, { label: ctx.t('汇总减幅', 'Pooled cut'), num: true }, { label: ctx.t('达标“一件事”', 'Bundles meeting'), num: true }],
    METRICS.map(m => [ctx.t(m.zh, m.en), targetText(ctx, o.meeting[m.key].target), pct(o[m.field]), share(o.meeting[m.key])]),
    { cls: 'data compact' },
  )
  const rows = bundles.map(b => [
    html`${b.bundle_name}${b.lead_dept ? html`<br><small>${b.lead_dept}</small>` : ''}`,
    cut(ctx, b.materials_before, b.materials_after, b.materials_cut, b.meets_materials),
    cut(ctx, b.time_before_wd, b.time_after_wd, b.time_cut, b.meets_time),
    cut(ctx, b.steps_before, b.steps_after, b.steps_cut, b.meets_steps),
    cut(ctx, b.form_fields === null ? null : b.form_fields, b.auto_fields, b.auto_fill, b.meets_auto_fill),
    b.actual_median_wd === null ? '—' : ctx.t(`${b.actual_median_wd}／${b.actual_p90_wd ?? '—'}（${count(b.apps_completed ?? 0)}件）`, `${b.actual_median_wd} / ${b.actual_p90_wd ?? '—'} (${count(b.apps_completed ?? 0)})`),
  ])
  return html`<p>${ctx.t(
    `对${o.bundles}个“一件事”按“改革前→改革后”比较。减幅 =（改革前 − 改革后）÷ 改革前；汇总减幅 =（各“一件事”改革前合计 − 改革后合计）÷ 改革前合计，不是各减幅的平均。目标：材料减少${pct(o.meeting.materials.target)}、时限压缩${pct(o.meeting.time.target)}、环节减少${pct(o.meeting.steps.target)}、表单字段自动生成${pct(o.meeting.auto_fill.target)}以上。`,
    `${o.bundles} bundles compared before → after. Cut = (before − after) ÷ before; the pooled cut is (total before − total after) ÷ total before, not an average of percentages. Targets: materials ${pct(o.meeting.materials.target)}, time ${pct(o.meeting.time.target)}, steps ${pct(o.meeting.steps.target)}, auto-filled form fields ${pct(o.meeting.auto_fill.target)}.`,
  )}</p>
<div class="split">${overall}${figure(ctx, ctx.t('“一件事”汇总减幅与目标（%）', 'Pooled cuts against targets (%)'), overallChart(ctx))}</div>
<h3>${ctx.t('各“一件事”改革前后对比', 'Each bundle before and after')}</h3>
${table([
  { label: ctx.t('“一件事”', 'Bundle') },
  { label: ctx.t('材料（件）', 'Materials') },
  { label: ctx.t('时限（工作日）', 'Time (WD)') },
  { label: ctx.t('环节（个）', 'Steps') },
  { label: ctx.t('表单字段→自动生成', 'Fields → auto') },
  { label: ctx.t('实际用时 中位数／P90（工作日）', 'Actual WD median / P90') },
], rows)}`
}
