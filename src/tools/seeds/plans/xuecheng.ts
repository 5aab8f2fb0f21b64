// 001: 枣庄市薛城区 "双全双百" plan, a Word document saved as text (tab-started cells).
// Att. 1–2: life-cycle matter lists with 序号, 阶段, 场景, 事项名称, 事项类型 and four
// department columns: 市级牵头部门, 市级协同部门, 区级牵头部门, 区级协同部门.
// A row has 9 cells, or 10 when 事项名称 is split into a matter and its sub-item.
//
// Word writes a vertically merged cell as empty cells below its first row. The 牵头部门
// columns are merged over each scenario block and inherit; the 协同部门 columns are not:
// a blank there is a real blank (e.g. 分公司变更登记 between two rows with 市场监管局).
// The body text names dated milestones with their leads; those become tasks.

import type { Cell } from '../layouts/pipes'
import type { TabRow } from '../layouts/tabs'
import type { MatterRow, ParsedPlan, PlanParser } from '../types'
import { parseLabels } from '../labels'
import { tabRows } from '../layouts/tabs'
import { bodyTaskRows, datedMilestones, paragraphs } from '../milestones'
import { findLine, isoDate, joinDepts, splitLines, squash, tidy } from '../../../domain/text/lines'
import { MATTER_COLUMNS, TASK_COLUMNS } from '../types'

const PLAN_ID = 'xuecheng-2021'
const PLAN_YEAR = 2021

const XUECHENG_MATTER_COLUMNS: Array<keyof MatterRow & string> = [
  ...MATTER_COLUMNS.filter(c => c !== 'source'),
  'city_lead_dept',
  'city_coop_depts',
  'district_lead_dept',
  'district_coop_depts',
  'source',
]

export const xuecheng: PlanParser = {
  id: PLAN_ID,
  filePrefix: '001_',
  parse(text, fileName) {
    const lines = splitLines(text)
    const warnings: string[] = []
    const att2 = findLine(lines, /^附件2[::\uFF1A]?\s*$/)
    const src = (c: Cell | TabRow): string => `${fileName}:${c.line}`

    const rows = tabRows(lines, 9).filter(r => squash(r.cells[0]!.text) !== '序号')
    const matters = [
      ...readMatters(rows.filter(r => r.line < att2), '企业', src, warnings),
      ...readMatters(rows.filter(r => r.line > att2), '个人', src, warnings),
    ]

    const bodyStart = findLine(lines, /^一、/)
    const bodyEnd = findLine(lines, /^附件[::\uFF1A]/, bodyStart)
    const found = datedMilestones(paragraphs(lines, bodyStart, bodyEnd), fileName)

    const date = isoDate(lines.find(l => /^\s*\d{4}年\d{1,2}月\d{1,2}日\s*$/.test(squash(l))) ?? '')
    const docNumber = lines.map(squash).find(l => /^薛政办发〔\d{4}〕\d+号$/.test(l))
    return {
      meta: {
        id: PLAN_ID,
        // The text signs as 薛城区人民政府办公室; the city is named so districts stay apart.
        issuer: '枣庄市薛城区人民政府办公室',
        doc_number: docNumber ?? null,
        date: date ?? '',
        plan_year: PLAN_YEAR,
        title: '薛城区政务服务“双全双百”工程实施方案',
        source_file: fileName,
      },
      matters: { columns: XUECHENG_MATTER_COLUMNS, rows: matters },
      tasks: { columns: TASK_COLUMNS, rows: bodyTaskRows(found.tasks, fileName, PLAN_YEAR) },
      skipped: found.skipped,
      warnings,
    } satisfies ParsedPlan
  },
}

function readMatters(rows: TabRow[], subject: MatterRow['subject'], src: (c: Cell | TabRow) => string, warnings: string[]): MatterRow[] {
  const out: MatterRow[] = []
  let seq = ''
  let stage = ''
  let scenario = ''
  let matter = ''
  let type = ''
  let cityLead = ''
  let districtLead = ''
  for (const row of rows) {
    const c = row.cells
    if (c.length !== 9 && c.length !== 10) {
      warnings.push(`${src(row)}: a matter row has ${c.length} cells`)
      continue
    }
    const split = c.length === 10
    const [seqCell, stageCell, scenarioCell] = c
    const name = tidy(c[3]!.text)
    const subItem = split ? tidy(c[4]!.text) : ''
    const [typeCell, cl, cc, dl, dc] = c.slice(split ? 5 : 4)

    const ownSeq = tidy(seqCell!.text)
    const newMatter = ownSeq !== '' && ownSeq !== seq
    if (ownSeq)
      seq = ownSeq
    if (squash(stageCell!.text))
      stage = parseLabels(squash(stageCell!.text))[0]!
    if (squash(scenarioCell!.text))
      scenario = parseLabels(squash(scenarioCell!.text))[0]!
    if (name)
      matter = name
    else if (newMatter || !split)
      warnings.push(`${src(row)}: no matter name`)
    if (tidy(typeCell!.text))
      type = tidy(typeCell!.text)
    if (joinDepts(cl!.text))
      cityLead = joinDepts(cl!.text)
    if (joinDepts(dl!.text))
      districtLead = joinDepts(dl!.text)
    const cityCoop = joinDepts(cc!.text)
    const districtCoop = joinDepts(dc!.text)

    out.push({
      seq,
      matter_name: matter,
      sub_item: subItem,
      subject,
      stage,
      scenario,
      matter_type: type,
      // A district plan: its own (区级) departments are the lead and cooperating ones.
      lead_dept: districtLead,
      coop_depts: districtCoop,
      level: '',
      city_lead_dept: cityLead,
      city_coop_depts: cityCoop,
      district_lead_dept: districtLead,
      district_coop_depts: districtCoop,
      source: src(row),
    })
  }
  return out
}
