import type { Analysis } from '../../metrics/analysis'
import type { Row } from '../../metrics/db/types'
import type { MetricsQuery } from '../../metrics/run'
import type { MetricsResult, ScheduleTask, TaskStatus } from '../../metrics/types'

/**
 * The three colours of a 三色督办单, always shown with their word:
 * blue 提醒 — due soon, nothing late yet; yellow 催办 — behind (an ongoing task not
 * reported in the review month); red 督办 — past a limit.
 */
export type NoticeLevel = 'red' | 'yellow' | 'blue'

export const LEVELS: NoticeLevel[] = ['red', 'yellow', 'blue']

export const LEVEL_WORDS: Record<NoticeLevel, { zh: string, en: string, color: string, tint: string }> = {
  red: { zh: '红色·逾期', en: 'Red · overdue', color: '#c8161d', tint: '#fdecec' },
  yellow: { zh: '黄色·滞后', en: 'Yellow · behind', color: '#a86b00', tint: '#fff6db' },
  blue: { zh: '蓝色·提醒', en: 'Blue · reminder', color: '#1f5fa8', tint: '#e8f1fb' },
}

/** The name of the whole notice, by its most severe item. */
export const NOTICE_KIND: Record<NoticeLevel, { zh: string, en: string }> = {
  red: { zh: '红色督办单', en: 'Red supervision notice' },
  yellow: { zh: '黄色催办单', en: 'Yellow reminder to act' },
  blue: { zh: '蓝色提醒单', en: 'Blue reminder' },
}

export interface NoticeTask {
  level: NoticeLevel
  task_id: string
  task: string
  bundle_name: string | null
  status: TaskStatus
  due_date: string | null
  /** Working days past the due date (negative: left before it); null without a due date. */
  wd_overdue: number | null
  deadline_text: string
  interpretation_zh: string
  interpretation_en: string
  /** The other lead units sharing the task, and the co-operating ones. */
  other_leads: string[]
  coop_units: string[]
  last_report_date: string | null
}

export type CaseStep = 'contact' | 'rectify' | 'complex'

export interface NoticeCase {
  level: NoticeLevel
  eval_id: string
  matter_name: string | null
  channel: string | null
  rated_date: string
  /** The step still pending: contact until contacted, then rectification (complex: closing). */
  step: CaseStep
  limit_date: string | null
  /** Working days from the review date to the limit: negative = that many past it. */
  wd_remaining: number | null
  /** The rule's limit in days, and whether they are working or calendar days. */
  limit_days: number
  day_kind: 'working' | 'calendar'
}

export interface UnitNotice {
  unit: string
  level: NoticeLevel
  counts: Record<NoticeLevel, number>
  tasks: NoticeTask[]
  cases: NoticeCase[]
}

export interface NoticeSet {
  as_of: string
  month: string | null
  dept: string | null
  warning_wd: number
  /** One notice per lead unit with something to act on, most severe first. */
  notices: UnitNotice[]
  /** Lead units with tasks or bad reviews in the view and nothing to act on. */
  quiet: string[]
}

/** One row of open_cases.sql, as far as a notice needs it. */
export interface OpenCase {
  eval_id: string
  dept: string
  matter_name: string | null
  channel: string | null
  is_complex: boolean
  rated_date: string
  contact_limit: string | null
  case_limit: string | null
  contacted_date: string | null
  open_overdue: boolean
  wd_remaining: number | null
}

export function toOpenCase(r: Row): OpenCase {
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v))
  return {
    eval_id: String(r.eval_id),
    dept: String(r.dept),
    matter_name: s(r.matter_name),
    channel: s(r.channel),
    is_complex: Boolean(r.is_complex),
    rated_date: String(r.rated_date),
    contact_limit: s(r.contact_limit),
    case_limit: s(r.case_limit),
    contacted_date: s(r.contacted_date),
    open_overdue: Boolean(r.open_overdue),
    wd_remaining: r.wd_remaining === null || r.wd_remaining === undefined ? null : Number(r.wd_remaining),
  }
}

function taskLevel(t: ScheduleTask): NoticeLevel | null {
  if (t.status === 'overdue')
    return 'red'
  if (t.status === 'ongoing_unreported')
    return 'yellow'
  if (t.status === 'due_soon')
    return 'blue'
  return null
}

/** Past a limit is red; an open case whose next limit is within the warning window is a reminder. */
function caseLevel(c: OpenCase, warningWd: number): NoticeLevel | null {
  if (c.open_overdue || (c.wd_remaining !== null && c.wd_remaining < 0))
    return 'red'
  if (c.wd_remaining !== null && c.wd_remaining <= warningWd)
    return 'blue'
  return null
}

const rank = (l: NoticeLevel) => LEVELS.indexOf(l)
const collator = new Intl.Collator('zh-Hans-CN')

/**
 * The 督办单 of every lead unit, from a review's figures and its open bad reviews: the
 * unit's overdue tasks (red), ongoing tasks not reported in the month (yellow), tasks due
 * soon (blue), and its open bad reviews past a limit (red) or within the warning window of
 * one (blue). A task led by several units is on each one's notice (domain §2a). Pure: the
 * same input gives the same notices in the browser and on the command line.
 */
export function buildNotices(m: MetricsResult, open: OpenCase[], opts: { dept?: string | null } = {}): NoticeSet {
  const s = m.settings as { warningWd?: number, contactDays?: number, rectifyDays?: number, complexDays?: number, dayKind?: 'working' | 'calendar' }
  const warningWd = s.warningWd ?? 5
  const dayKind = s.dayKind ?? 'working'
  const dept = opts.dept ?? m.dept ?? null
  const units = new Map<string, UnitNotice>()
  const seen = new Set<string>()
  const get = (unit: string) => {
    let n = units.get(unit)
    if (!n) {
      n = { unit, level: 'blue', counts: { red: 0, yellow: 0, blue: 0 }, tasks: [], cases: [] }
      units.set(unit, n)
    }
    return n
  }
  for (const t of m.schedule.tasks) {
    for (const unit of t.lead_units) {
      if (dept && unit !== dept)
        continue
      seen.add(unit)
      const level = taskLevel(t)
      if (!level)
        continue
      get(unit).tasks.push({
        level,
        task_id: t.task_id,
        task: t.task,
        bundle_name: t.bundle_name,
        status: t.status,
        due_date: t.due_date,
        wd_overdue: t.wd_overdue,
        deadline_text: t.deadline_text,
        interpretation_zh: t.interpretation_zh,
        interpretation_en: t.interpretation_en,
        other_leads: t.lead_units.filter(u => u !== unit),
        coop_units: t.coop_units,
        last_report_date: t.last_report_date,
      })
    }
  }
  for (const c of open) {
    if (dept && c.dept !== dept)
      continue
    seen.add(c.dept)
    const level = caseLevel(c, warningWd)
    if (!level)
      continue
    const step: CaseStep = c.contacted_date === null ? 'contact' : c.is_complex ? 'complex' : 'rectify'
    get(c.dept).cases.push({
      level,
      eval_id: c.eval_id,
      matter_name: c.matter_name,
      channel: c.channel,
      rated_date: c.rated_date,
      step,
      limit_date: step === 'contact' ? c.contact_limit : c.case_limit,
      wd_remaining: c.wd_remaining,
      limit_days: (step === 'contact' ? s.contactDays : step === 'complex' ? s.complexDays : s.rectifyDays) ?? (step === 'contact' ? 1 : step === 'complex' ? 15 : 5),
      day_kind: dayKind,
    })
  }
  for (const n of units.values()) {
    for (const item of [...n.tasks, ...n.cases])
      n.counts[item.level]++
    n.level = LEVELS.find(l => n.counts[l] > 0) ?? 'blue'
    // Most severe first; within a colour, the longest overdue (or the soonest due) first.
    n.tasks.sort((a, b) => rank(a.level) - rank(b.level) || (b.wd_overdue ?? -1e9) - (a.wd_overdue ?? -1e9) || a.task_id.localeCompare(b.task_id))
    n.cases.sort((a, b) => rank(a.level) - rank(b.level) || (a.wd_remaining ?? 1e9) - (b.wd_remaining ?? 1e9) || a.eval_id.localeCompare(b.eval_id))
  }
  const notices = [...units.values()].sort((a, b) => rank(a.level) - rank(b.level) || b.counts[a.level] - a.counts[a.level] || collator.compare(a.unit, b.unit))
  const quiet = [...seen].filter(u => !units.has(u)).sort(collator.compare)
  return { as_of: m.as_of, month: m.month, dept, warning_wd: warningWd, notices, quiet }
}

/** The notices of a review from a loaded data set: its figures plus open_cases.sql. */
export async function gatherNotices(analysis: Analysis, q: MetricsQuery): Promise<NoticeSet> {
  const m = await analysis.metrics(q, ['schedule', 'evaluations'])
  const rows = await analysis.reviewRows('open_cases', q)
  return buildNotices(m, rows.map(toOpenCase), { dept: q.dept ?? null })
}

/** A file name for a unit: the unit's own name, with characters no file system takes replaced. */
export function unitFileName(unit: string): string {
  // Control characters go too: no file system wants them in a name.
  const safe = [...unit].map(c => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('').replace(/^\.+/, '_').trim()
  return safe.slice(0, 80) || '_'
}

/** File names of the notices, one per unit, made distinct where two names clean to the same. */
export function noticeFileNames(set: NoticeSet): Map<string, string> {
  const out = new Map<string, string>()
  const used = new Set<string>(['all'])
  for (const n of set.notices) {
    let name = unitFileName(n.unit)
    for (let k = 2; used.has(name); k++)
      name = `${unitFileName(n.unit)}-${k}`
    used.add(name)
    out.set(n.unit, name)
  }
  return out
}
