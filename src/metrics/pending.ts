import type { Lang } from '../ingest/table/issues'
import type { MetricsResult } from './types'

/**
 * The sentences that say how many cases a figure left out because their limits depend on a
 * year the holiday calendar does not cover, and which year to add — one wording for the
 * screen, the command line and the bulletin. Empty when nothing is pending.
 */
export function pendingNotes(m: Pick<MetricsResult, 'evaluations' | 'applications' | 'schedule'>, lang: Lang): string[] {
  const p = pendingNotesByPart(m, lang)
  return [p.evaluations, p.applications, p.schedule].filter((x): x is string => x !== null)
}

/** The evaluations' sentence alone (the evaluations page reads its counts from its breakdown). */
export function evaluationsPendingNote(r: MetricsResult['evaluations']['rule_1_5_15']['pending_calendar'], lang: Lang): string | null {
  if (r.contact === 0)
    return null
  const yrs = (ys: number[]) => yearsText(ys, lang)
  return lang === 'zh'
    ? `${r.contact} 件差评期限落在${yrs(r.years)}年（联系 ${r.contact}、整改 ${r.rectify}、复杂办结 ${r.complex}），记为待定，未计入比率；${addCalendar(r.years, lang)}`
    : `${r.contact} bad reviews have limits in ${yrs(r.years)} (contact ${r.contact}, rectify ${r.rectify}, complex ${r.complex}): pending, left out of the rates; ${addCalendar(r.years, lang)}`
}

function yearsText(ys: number[], lang: Lang): string {
  return ys.join(lang === 'zh' ? '、' : ', ')
}

function addCalendar(ys: number[], lang: Lang): string {
  return lang === 'zh'
    ? `请载入${yearsText(ys, lang)}年节假日安排（设置 → 节假日安排；命令行 --calendar 文件）`
    : `add the ${yearsText(ys, lang)} holiday schedule (Settings → Holiday schedule; command line --calendar FILE)`
}

/** The same sentences, each for the part of the review whose figure left the cases out. */
export function pendingNotesByPart(m: Pick<MetricsResult, 'evaluations' | 'applications' | 'schedule'>, lang: Lang): { evaluations: string | null, applications: string | null, schedule: string | null } {
  const zh = lang === 'zh'
  const out: { evaluations: string | null, applications: string | null, schedule: string | null } = { evaluations: null, applications: null, schedule: null }
  const yrs = (ys: number[]) => yearsText(ys, lang)
  const add = (ys: number[]) => addCalendar(ys, lang)
  out.evaluations = evaluationsPendingNote(m.evaluations.rule_1_5_15.pending_calendar, lang)
  const a = m.applications.pending_calendar
  if (a.accept + a.completion > 0) {
    out.applications = (zh
      ? `办件期限落在${yrs(a.years)}年（受理 ${a.accept} 件、办结 ${a.completion} 件），记为待定，未计入比率；${add(a.years)}`
      : `applications with limits in ${yrs(a.years)} (acceptance ${a.accept}, completion ${a.completion}): pending, left out of the rates; ${add(a.years)}`)
  }
  const t = m.schedule.pending_calendar
  if (t.tasks > 0) {
    out.schedule = (zh
      ? `${t.tasks} 项任务是否临期取决于${yrs(t.years)}年节假日安排，记为待定；${add(t.years)}`
      : `${t.tasks} tasks may or may not be due soon depending on the ${yrs(t.years)} holidays: pending; ${add(t.years)}`)
  }
  return out
}
