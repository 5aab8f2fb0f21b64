// 000: 临沂市河东区 "双全双百" plan, a PDF extraction with "|" cell ends.
// Att. 1–2: life-cycle matter lists, 8 grid columns (序号, 阶段, 场景, 事项名称 split into matter
// and sub-item, 事项类型, 牵头部门, 协同部门). Att. 3: the 配档表, 7 columns.
//
// The extractor emits a row's text cells first and its empty cells after, so a cell's column
// is read from its content: numbers, stage and scenario labels, the fixed set of matter
// types, and department names. The 牵头部门 cell is merged over a block of rows (it appears
// on the block's first row, next to that row's 协同部门); a row with one department names
// its 协同部门 only; a row with none continues both.

import type { Cell } from '../layouts/pipes'
import type { MatterRow, ParsedPlan, PlanParser, TaskRow } from '../types'
import { groupRows, pipeCells, texts } from '../layouts/pipes'
import { isScenarioCell, isStageCell, parseLabels } from '../labels'
import { findLine, isDeptLike, isoDate, joinDepts, splitLines, tidy } from '../../../domain/text/lines'
import { MATTER_COLUMNS, TASK_COLUMNS } from '../types'

const MATTER_TYPES = ['行政许可', '行政确认', '行政给付', '公共服务', '其他行政权力', '其他']

const PLAN_ID = 'hedong-2021'
const PLAN_YEAR = 2021

export const hedong: PlanParser = {
  id: PLAN_ID,
  filePrefix: '000_',
  parse(text, fileName) {
    const lines = splitLines(text)
    const att1 = findLine(lines, /^附件1\s*\|/)
    const att2 = findLine(lines, /^附件2\s*\|/, att1)
    const att3 = findLine(lines, /^附件3\s*\|/, att2)
    const end = findLine(lines, /^如您对该政策有疑问/, att3)
    const warnings: string[] = []
    const src = (c: Cell): string => `${fileName}:${c.line}`

    const matters = [
      ...readMatters(pipeCells(lines, att1, att2), '企业', src, warnings),
      ...readMatters(pipeCells(lines, att2, att3), '个人', src, warnings),
    ]
    const tasks = readSchedule(pipeCells(lines, att3, end), src, warnings)

    const docNumber = /^文号:\s*\|\s*([^|]+?)\s*\|/m.exec(text)?.[1]?.replace(/\s+/g, '')
    const date = isoDate(/^成文日期:\s*\|\s*([^|]+)\|/m.exec(text)?.[1] ?? '')
    return {
      meta: {
        id: PLAN_ID,
        // The text signs as 河东区人民政府办公室; the city is named so districts stay apart.
        issuer: '临沂市河东区人民政府办公室',
        doc_number: docNumber ?? null,
        date: date ?? '',
        plan_year: PLAN_YEAR,
        title: '河东区政务服务“双全双百”工程实施方案',
        source_file: fileName,
      },
      matters: { columns: MATTER_COLUMNS, rows: matters },
      tasks: { columns: TASK_COLUMNS, rows: tasks },
      skipped: [],
      warnings,
    } satisfies ParsedPlan
  },
}

const isNumber = (s: string): boolean => /^\d+$/.test(s)

function readMatters(cells: Cell[], subject: MatterRow['subject'], src: (c: Cell) => string, warnings: string[]): MatterRow[] {
  const rows: MatterRow[] = []
  // What merged cells carry down from the rows above.
  let seq = ''
  let stage = ''
  let scenario = ''
  let pendingScenarios: string[] = []
  let matter = ''
  let type = ''
  let lead = ''
  let coop = ''

  for (const row of groupRows(cells, 8)) {
    const t = texts(row)
    const first = t[0]
    if (!first || first.text === '序号' || /^附件\d+$/.test(first.text) || (t.length === 1 && /事项清单/.test(first.text)))
      continue
    let i = 0
    const numbered = isNumber(first.text)
    if (numbered)
      seq = t[i++]!.text
    if (t[i] && isStageCell(t[i]!.text))
      stage = parseLabels(t[i++]!.text)[0]!
    let ownScenario = false
    if (t[i] && isScenarioCell(t[i]!.text)) {
      const labels = parseLabels(t[i++]!.text)
      if (pendingScenarios.length)
        warnings.push(`${src(first)}: scenario ${pendingScenarios.join(', ')} never started a block`)
      scenario = labels[0]!
      pendingScenarios = labels.slice(1)
      ownScenario = true
    }
    const rest = t.slice(i)
    const typeAt = rest.findIndex(c => MATTER_TYPES.includes(tidy(c.text)))
    let namesEnd = typeAt
    // A row without a type cell continues the type above; its departments are the trailing
    // cells that read as department names.
    if (typeAt < 0) {
      namesEnd = rest.length
      while (namesEnd > 0 && isDeptLike(rest[namesEnd - 1]!.text))
        namesEnd--
    }
    else {
      type = tidy(rest[typeAt]!.text)
    }
    const names = rest.slice(0, namesEnd).map(c => tidy(c.text))
    const depts = rest.slice(typeAt < 0 ? namesEnd : typeAt + 1).map(c => joinDepts(c.text))

    let subItem = ''
    if (names.length === 2) {
      matter = names[0]!
      subItem = names[1]!
    }
    else if (names.length === 1) {
      if (numbered)
        matter = names[0]!
      else
        subItem = names[0]!
    }
    else {
      warnings.push(`${src(first)}: expected a matter name, found ${names.length} name cells`)
    }

    if (depts.length >= 2) {
      lead = depts[0]!
      coop = depts[1]!
      // The second label of a glued scenario cell belongs to the next block that starts.
      if (!ownScenario && pendingScenarios.length)
        scenario = pendingScenarios.shift()!
      if (depts.length > 2)
        warnings.push(`${src(first)}: ${depts.length} department cells, kept the first two`)
    }
    else if (depts.length === 1) {
      // A new scenario with a single department cell: lead and 协同 are the same department.
      if (ownScenario)
        lead = depts[0]!
      coop = depts[0]!
    }

    rows.push({
      seq,
      matter_name: matter,
      sub_item: subItem,
      subject,
      stage,
      scenario,
      matter_type: type,
      lead_dept: lead,
      coop_depts: coop,
      level: '',
      source: src(first),
    })
  }
  return rows
}

// A 完成时限 cell: "6月中旬前", "6月底前完成并长期坚持", "长期推进", "2023年4月底前", "年底前".
const DEADLINE_CELL = /^(?:\d{4}年)?(?:\d{1,2}月|年底|年内|上半年|下半年|[一二三四]季度|长期|持续)/

function readSchedule(cells: Cell[], src: (c: Cell) => string, warnings: string[]): TaskRow[] {
  const tasks: TaskRow[] = []
  let section = ''
  let goal = ''
  let deadline = ''
  let lead = ''
  let resp = ''
  let note = ''
  // A section row has one text cell, so it is 7 cells like any other row.
  for (const row of groupRows(cells, 7)) {
    const t = texts(row)
    const first = t[0]
    if (!first || first.text === '序号' || /^附件\d+$/.test(first.text) || /配档表$/.test(first.text))
      continue
    if (t.length === 1 && /^\([一二三四五六七八九十]+\)/.test(first.text)) {
      section = tidy(first.text)
      continue
    }
    if (!isNumber(first.text)) {
      warnings.push(`${src(first)}: schedule row without a number: ${first.text}`)
      continue
    }
    const cellsAfter = t.slice(1).map(c => tidy(c.text))
    const at = cellsAfter.findIndex(s => DEADLINE_CELL.test(s) && s.length < 30)
    const before = at < 0 ? cellsAfter : cellsAfter.slice(0, at)
    const after = at < 0 ? [] : cellsAfter.slice(at + 1)
    if (before.length === 2)
      goal = before[0]!
    else if (before.length !== 1)
      warnings.push(`${src(first)}: cannot tell the goal from the task`)
    if (at >= 0)
      deadline = cellsAfter[at]!
    if (after.length) {
      lead = after[0]!
      resp = after[1] ?? ''
      note = after[2] ?? ''
    }
    tasks.push({
      task_id: first.text,
      section,
      goal,
      task: before.at(-1) ?? '',
      deadline_text: deadline,
      lead_dept: lead,
      resp_depts: resp,
      note,
      plan_year: PLAN_YEAR,
      source: src(first),
    })
  }
  return tasks
}
