// Row shapes of the seed tables: the data contract's canonical columns (shared/spec/data-contract.md)
// plus the extra columns a source has. Every value is text as written, except plan_year.

export interface MatterRow {
  seq: string
  matter_name: string
  sub_item: string
  subject: '企业' | '个人'
  stage: string
  scenario: string
  matter_type: string
  lead_dept: string
  coop_depts: string
  level: string
  city_lead_dept?: string
  city_coop_depts?: string
  district_lead_dept?: string
  district_coop_depts?: string
  source: string
}

export interface BundleRow {
  bundle_name: string
  category: string
  lead_dept: string
  member_matter: string
  member_dept: string
  level: string
  deadline_text: string
  leader: string
  tier: '' | 'national' | 'provincial'
  note: string
  seq: string
  deputy_leader?: string
  source: string
}

export interface TaskRow {
  task_id: string
  section: string
  goal: string
  task: string
  deadline_text: string
  lead_dept: string
  resp_depts: string
  note: string
  plan_year: number
  source: string
}

export interface Table<R> {
  /** CSV header, in output order. */
  columns: Array<keyof R & string>
  rows: R[]
}

export interface PlanMeta {
  id: string
  issuer: string
  doc_number: string | null
  /** YYYY-MM-DD, the date the document was signed (成文日期). */
  date: string
  plan_year: number
  title: string
  source_file: string
}

/** Something the text holds that did not become a row, and why: shown, never silently dropped. */
export interface Skipped {
  source: string
  text: string
  reason: string
}

export interface ParsedPlan {
  meta: PlanMeta
  matters?: Table<MatterRow>
  bundles?: Table<BundleRow>
  tasks?: Table<TaskRow>
  skipped: Skipped[]
  /** Cells the parser could not place; an empty list means every table cell was accounted for. */
  warnings: string[]
}

export interface PlanParser {
  id: string
  /** Which seed text this plan is read from, by file-name prefix. */
  filePrefix: string
  parse: (text: string, fileName: string) => ParsedPlan
}

export const MATTER_COLUMNS: Array<keyof MatterRow & string> = [
  'seq',
  'matter_name',
  'sub_item',
  'subject',
  'stage',
  'scenario',
  'matter_type',
  'lead_dept',
  'coop_depts',
  'level',
  'source',
]

export const BUNDLE_COLUMNS: Array<keyof BundleRow & string> = [
  'bundle_name',
  'category',
  'lead_dept',
  'member_matter',
  'member_dept',
  'level',
  'deadline_text',
  'leader',
  'tier',
  'note',
  'seq',
  'source',
]

export const TASK_COLUMNS: Array<keyof TaskRow & string> = [
  'task_id',
  'section',
  'goal',
  'task',
  'deadline_text',
  'lead_dept',
  'resp_depts',
  'note',
  'plan_year',
  'source',
]
