import type { Lang } from '../ingest/table/issues'
import type { CarriedOver, MetricsResult, TaskStatus } from '../metrics/types'
import { pendingNotes } from '../metrics/pending'
import { fractionText as pct, rateText } from '../domain/format/rate'
import { STATUS_LABEL } from '../domain/format/status'

/** "81.3% (13/16)", or "— (…)" when nothing is due: a rate always travels with its basis. */
export function formatRate(num: number, den: number, lang: Lang): string {
  // The basis is in ASCII brackets in both languages, the reason in the language's own.
  return rateText(num, den, { lang, basisLang: 'en' })
}

/** "（其中往月遗留 5 件：2024-03、2024-05）" after a stock that carries earlier months; else nothing. */
function carried(c: CarriedOver, zh: boolean): string {
  if (c.count === 0)
    return ''
  return zh ? `（其中往月遗留 ${c.count} 件：${c.months.join('、')}）` : ` (${c.count} carried over: ${c.months.join(', ')})`
}

/** The human-readable report `duban metrics` prints by default. */
export function formatMetricsTable(m: MetricsResult, lang: Lang): string {
  const zh = lang === 'zh'
  const L: string[] = []
  const h = (t: string) => L.push('', t, '-'.repeat(Math.min(60, t.length * 2)))
  L.push(zh ? `评估日期 ${m.as_of}${m.month ? ` · 月份 ${m.month}` : ''}${m.dept ? ` · 部门 ${m.dept}` : ''}` : `As of ${m.as_of}${m.month ? ` · month ${m.month}` : ''}${m.dept ? ` · dept ${m.dept}` : ''}`)
  L.push((zh ? '已加载: ' : 'Loaded: ') + Object.entries(m.tables).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v}`).join(', '))
  h(zh ? '配档表督办' : 'Schedule')
  L.push(Object.entries(m.schedule.counts).filter(([, v]) => v > 0).map(([k, v]) => `${STATUS_LABEL[k as TaskStatus][lang]} ${v}${k === 'overdue' ? carried(m.schedule.carried_over, zh) : ''}`).join('  ') || '—')
  for (const t of m.schedule.tasks.filter(x => x.status === 'overdue' || x.status === 'due_soon')) {
    const wd = t.wd_overdue === null ? '' : t.wd_overdue > 0 ? (zh ? ` 逾期${t.wd_overdue}个工作日` : ` ${t.wd_overdue} WD overdue`) : (zh ? ` 剩余${-t.wd_overdue}个工作日` : ` ${-t.wd_overdue} WD left`)
    L.push(`  [${STATUS_LABEL[t.status][lang]}] ${t.task_id} ${t.task.slice(0, 30)} — ${t.lead_dept ?? ''} ${t.due_date ?? ''}${wd}`)
  }
  const e = m.evaluations
  const r = e.rule_1_5_15
  h(zh ? '好差评与“1、5、15”' : 'Evaluations and 1-5-15')
  L.push(`${zh ? '评价' : 'rated'} ${e.total}  ${zh ? '好评率' : 'good rate'} ${formatRate(e.good, e.total, lang)}  ${zh ? '差评' : 'bad'} ${e.bad}`)
  L.push(`${zh ? '1个工作日内联系' : 'contacted ≤1 WD'} ${formatRate(r.contact_on_time, r.contact_due, lang)}`)
  L.push(`${zh ? '5个工作日内整改' : 'rectified ≤5 WD'} ${formatRate(r.rectify_on_time, r.rectify_due, lang)}`)
  L.push(`${zh ? '复杂问题15个工作日内办结' : 'complex closed ≤15 WD'} ${formatRate(r.complex_on_time, r.complex_due, lang)}`)
  L.push(`${zh ? '超期未办' : 'open overdue'} ${r.open_overdue}${carried(r.carried_over, zh)}  ${zh ? '不计入（不属实/误评/恶意）' : 'excluded'} ${r.excluded}`)
  const o = m.reduction.overall
  h(zh ? '一件事效能' : 'Reduction')
  L.push(`${zh ? '一件事' : 'bundles'} ${o.bundles}  ${zh ? '材料' : 'materials'} ${pct(o.materials_cut)} (${o.meeting.materials.met}/${o.meeting.materials.n})  ${zh ? '时限' : 'time'} ${pct(o.time_cut)} (${o.meeting.time.met}/${o.meeting.time.n})  ${zh ? '环节' : 'steps'} ${pct(o.steps_cut)} (${o.meeting.steps.met}/${o.meeting.steps.n})  ${zh ? '自动生成' : 'auto-fill'} ${pct(o.auto_fill)} (${o.meeting.auto_fill.met}/${o.meeting.auto_fill.n})`)
  const a = m.applications
  h(zh ? '办件时效' : 'Applications')
  L.push(`${zh ? '办件' : 'total'} ${a.total}  ${zh ? '网办率' : 'online'} ${formatRate(a.online, a.total, lang)}  ${zh ? '1个工作日内受理' : 'accepted ≤1 WD'} ${formatRate(a.accepted_1wd, a.accept_due, lang)}  ${zh ? '按时办结' : 'on time'} ${formatRate(a.on_time, a.completion_due, lang)}  ${zh ? '超期' : 'overdue'} ${a.overdue}${carried(a.carried_over, zh)}`)
  const notes = pendingNotes(m, lang)
  if (notes.length > 0) {
    h(zh ? '待定（节假日安排未载入）' : 'Pending (holiday schedule not loaded)')
    L.push(...notes)
  }
  return `${L.join('\n')}\n`
}
