import type { MetricsResult } from '../metrics/types'
import type { Ctx } from './context'
import { count } from './format'

/** A headline figure the bulletin compares with the previous month. */
export interface Indicator {
  id: string
  label: [zh: string, en: string]
  /** Counts carry a unit (项, 条, 件); rates are compared in percentage points. */
  unit?: [zh: string, en: string]
  /** Which direction is an improvement; 'none' for volumes that are neither good nor bad. */
  better: 'up' | 'down' | 'none'
  value: (m: MetricsResult) => { num: number, den?: number }
}

const ITEMS: [string, string] = ['项', '']
const REVIEWS: [string, string] = ['条', '']
const CASES: [string, string] = ['件', '']

export const INDICATORS: Indicator[] = [
  { id: 'tasks_overdue', label: ['逾期未完成任务', 'Tasks overdue'], unit: ITEMS, better: 'down', value: m => ({ num: m.schedule.counts.overdue }) },
  { id: 'tasks_due_soon', label: ['临期预警任务', 'Tasks due soon'], unit: ITEMS, better: 'down', value: m => ({ num: m.schedule.counts.due_soon }) },
  { id: 'tasks_done', label: ['已完成任务（含逾期完成）', 'Tasks done (incl. late)'], unit: ITEMS, better: 'up', value: m => ({ num: m.schedule.counts.done_on_time + m.schedule.counts.done_late }) },
  { id: 'good_rate', label: ['好评率', 'Good-review rate'], better: 'up', value: m => ({ num: m.evaluations.good, den: m.evaluations.total }) },
  { id: 'bad', label: ['差评', 'Bad reviews'], unit: REVIEWS, better: 'down', value: m => ({ num: m.evaluations.bad }) },
  { id: 'contact', label: ['1个工作日内联系率', 'Contacted within 1 WD'], better: 'up', value: m => ({ num: m.evaluations.rule_1_5_15.contact_on_time, den: m.evaluations.rule_1_5_15.contact_due }) },
  { id: 'rectify', label: ['5个工作日内整改率', 'Rectified within 5 WD'], better: 'up', value: m => ({ num: m.evaluations.rule_1_5_15.rectify_on_time, den: m.evaluations.rule_1_5_15.rectify_due }) },
  { id: 'complex', label: ['复杂问题15个工作日内办结率', 'Complex cases closed within 15 WD'], better: 'up', value: m => ({ num: m.evaluations.rule_1_5_15.complex_on_time, den: m.evaluations.rule_1_5_15.complex_due }) },
  { id: 'open_overdue', label: ['超期未办结差评', 'Bad reviews open past a limit'], unit: REVIEWS, better: 'down', value: m => ({ num: m.evaluations.rule_1_5_15.open_overdue }) },
  { id: 'apps', label: ['办件量', 'Applications'], unit: CASES, better: 'none', value: m => ({ num: m.applications.total }) },
  { id: 'accepted', label: ['1个工作日内受理率', 'Accepted within 1 WD'], better: 'up', value: m => ({ num: m.applications.accepted_1wd, den: m.applications.accept_due }) },
  { id: 'on_time', label: ['按时办结率', 'Completed on time'], better: 'up', value: m => ({ num: m.applications.on_time, den: m.applications.completion_due }) },
  { id: 'apps_overdue', label: ['超期办件', 'Overdue applications'], unit: CASES, better: 'down', value: m => ({ num: m.applications.overdue }) },
  { id: 'online', label: ['网办率', 'Online share'], better: 'up', value: m => ({ num: m.applications.online, den: m.applications.total }) },
]

export const byId = (id: string): Indicator => INDICATORS.find(i => i.id === id)!

export type Tone = 'good' | 'bad' | 'flat'

/**
 * The change of an indicator against the previous month, as words a reader can act on:
 * "↑ 3.2 个百分点" / "↓ 2 项", with whether it is an improvement. Rates over an empty
 * denominator in either month have no change.
 */
export function change(ctx: Ctx, ind: Indicator): { text: string, tone: Tone, word: string } {
  const none = { text: '—', tone: 'flat' as Tone, word: '' }
  if (!ctx.prev)
    return { ...none, word: ctx.t('上月无数据', 'no previous month') }
  const a = ind.value(ctx.cur)
  const b = ind.value(ctx.prev)
  let diff: number
  let text: string
  if (ind.unit) {
    diff = a.num - b.num
    text = `${count(Math.abs(diff))}${ctx.t(` ${ind.unit[0]}`, '')}`.trim()
  }
  else {
    if (!a.den || !b.den)
      return { ...none, word: ctx.t('无可比数据', 'not comparable') }
    diff = Math.round((a.num / a.den - b.num / b.den) * 1000) / 10
    text = ctx.t(`${Math.abs(diff).toFixed(1)} 个百分点`, `${Math.abs(diff).toFixed(1)} pp`)
  }
  if (diff === 0)
    return { text: ctx.t('持平', 'unchanged'), tone: 'flat', word: '' }
  const arrow = diff > 0 ? '↑' : '↓'
  if (ind.better === 'none')
    return { text: `${arrow} ${text}`, tone: 'flat', word: '' }
  const good = (diff > 0) === (ind.better === 'up')
  return { text: `${arrow} ${text}`, tone: good ? 'good' : 'bad', word: good ? ctx.t('改善', 'better') : ctx.t('退步', 'worse') }
}
