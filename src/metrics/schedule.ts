import type { ParsedDeadline } from '../domain/deadline'
import type { Dataset } from '../ingest/dataset/dataset'
import type { RuleSettings } from '../domain/settings'
import { parseDeadline } from '../domain/deadline'
import { bundleTaskId } from '../ingest/dataset/dataset'
import { splitUnits } from '../domain/units/split'

export interface ScheduleItem {
  task_id: string
  sort_key: number
  origin: 'tasks' | 'bundles'
  bundle_name: string | null
  section: string | null
  goal: string | null
  task: string
  deadline_text: string
  lead_dept: string | null
  resp_depts: string | null
  /** The single units of lead_dept and resp_depts (domain §2a): each lead unit answers for the task. */
  lead_units: string[]
  coop_units: string[]
  note: string | null
  plan_year: number
  due_date: string | null
  deadline_kind: ParsedDeadline['kind']
  precision: ParsedDeadline['precision']
  interpretation_zh: string
  interpretation_en: string
}

function col(ds: Dataset, table: 'tasks' | 'bundles', row: Array<string | null>, name: string): string | null {
  return row[ds.tables[table].columns.indexOf(name)] ?? null
}

/**
 * The schedule a review judges: every 配档表 task and every bundle with a landing deadline,
 * each deadline parsed against its plan year (the row's 年度, else the plan document's year,
 * else the review date's year).
 */
export function buildSchedule(ds: Dataset, settings: RuleSettings, fallbackYear: number): ScheduleItem[] {
  const planYear = ds.plan?.plan_year ?? (ds.plan?.date ? Number(ds.plan.date.slice(0, 4)) : fallbackYear)
  const opts = (year: number) => ({ planYear: year, earlyXunEndDay: settings.earlyXunEndDay, midXunEndDay: settings.midXunEndDay })
  const items: ScheduleItem[] = []
  const add = (base: Omit<ScheduleItem, 'sort_key' | 'due_date' | 'deadline_kind' | 'precision' | 'interpretation_zh' | 'interpretation_en' | 'lead_units' | 'coop_units'>, override: string | null) => {
    const parsed = parseDeadline(base.deadline_text, opts(base.plan_year))
    const units = splitUnits(base.lead_dept, base.resp_depts)
    items.push({
      ...base,
      lead_units: units.lead,
      coop_units: units.coop,
      sort_key: items.length,
      // A date entered by a person (e.g. once the province sets one) overrides the words.
      due_date: override ?? parsed.dueDate,
      deadline_kind: parsed.kind,
      precision: override ? 'day' : parsed.precision,
      interpretation_zh: override ? `已设定截止日期 ${override}（原文：${parsed.text}）` : parsed.interpretation.zh,
      interpretation_en: override ? `due date set to ${override} (text: ${parsed.text})` : parsed.interpretation.en,
    })
  }
  for (const row of ds.tables.tasks.rows) {
    const year = Number(col(ds, 'tasks', row, 'plan_year') ?? Number.NaN)
    add({
      task_id: col(ds, 'tasks', row, 'task_id')!,
      origin: 'tasks',
      bundle_name: null,
      section: col(ds, 'tasks', row, 'section'),
      goal: col(ds, 'tasks', row, 'goal'),
      task: col(ds, 'tasks', row, 'task')!,
      deadline_text: col(ds, 'tasks', row, 'deadline_text')!,
      lead_dept: col(ds, 'tasks', row, 'lead_dept'),
      resp_depts: col(ds, 'tasks', row, 'resp_depts'),
      note: col(ds, 'tasks', row, 'note'),
      plan_year: Number.isFinite(year) ? year : planYear,
    }, col(ds, 'tasks', row, 'due_date'))
  }
  const bundles = new Map<string, { name: string, lead: string | null, deadline: string, depts: Set<string> }>()
  for (const row of ds.tables.bundles.rows) {
    const deadline = col(ds, 'bundles', row, 'deadline_text')
    if (!deadline)
      continue
    const name = col(ds, 'bundles', row, 'bundle_name')!
    const lead = col(ds, 'bundles', row, 'lead_dept')
    const id = bundleTaskId(name, lead)
    const entry = bundles.get(id) ?? { name, lead, deadline, depts: new Set<string>() }
    const member = col(ds, 'bundles', row, 'member_dept')
    if (member)
      entry.depts.add(member)
    bundles.set(id, entry)
  }
  for (const [id, b] of bundles) {
    add({
      task_id: id,
      origin: 'bundles',
      bundle_name: b.name,
      section: '一件事',
      goal: null,
      task: `“${b.name}”落地见效`,
      deadline_text: b.deadline,
      lead_dept: b.lead,
      resp_depts: [...b.depts].join('、') || null,
      note: null,
      plan_year: planYear,
    }, null)
  }
  return items
}

export interface ScheduleUnitRow {
  task_id: string
  unit: string
  role: 'lead' | 'coop'
  ord: number
}

/** One row per unit of each schedule item: what the department filter and rankings join on. */
export function scheduleUnits(items: ScheduleItem[]): ScheduleUnitRow[] {
  return items.flatMap(it => [
    ...it.lead_units.map((unit, ord) => ({ task_id: it.task_id, unit, role: 'lead' as const, ord })),
    ...it.coop_units.map((unit, ord) => ({ task_id: it.task_id, unit, role: 'coop' as const, ord })),
  ])
}
