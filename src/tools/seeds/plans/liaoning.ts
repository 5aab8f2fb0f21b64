// 002: 辽宁省 "一件事一次办" work plan, a PDF extraction with "|" cell ends.
// The attachment lists 35 bundles in 6 columns (分类, 序号, 名称, 牵头部门, 涉及事项, 相关部门):
// a bundle's first row has all six, each further member matter only 涉及事项 and 相关部门.
// The 8 key tasks are written inline in the body: "(一)…。…(责任部门:…;完成时限:…)".

import type { Cell } from '../layouts/pipes'
import type { BundleRow, ParsedPlan, PlanParser, TaskRow } from '../types'
import { groupRows, pipeCells, texts } from '../layouts/pipes'
import { inlineTasks, paragraphs } from '../milestones'
import { findLine, isoDate, joinDepts, splitLines, squash, tidy } from '../../../domain/text/lines'
import { BUNDLE_COLUMNS, TASK_COLUMNS } from '../types'

const PLAN_ID = 'liaoning-2023'
const PLAN_YEAR = 2023

export const liaoning: PlanParser = {
  id: PLAN_ID,
  filePrefix: '002_',
  parse(text, fileName) {
    const lines = splitLines(text)
    const warnings: string[] = []
    const tableStart = findLine(lines, /^分类\s*\|/)
    const bundles = readBundles(pipeCells(lines, tableStart, lines.length + 1), fileName, warnings)

    const tasksFrom = findLine(lines, /^二、重点任务/)
    const tasksTo = findLine(lines, /^三、/, tasksFrom)
    const tasks = inlineTasks(paragraphs(lines, tasksFrom, tasksTo)).map((t): TaskRow => ({
      task_id: String(t.number),
      section: t.chapter,
      goal: t.heading,
      task: t.task,
      deadline_text: t.deadline_text,
      lead_dept: t.dept,
      resp_depts: '',
      note: '',
      plan_year: PLAN_YEAR,
      source: `${fileName}:${t.line}`,
    }))

    const signed = lines.map(squash).find(l => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l))
    return {
      meta: {
        id: PLAN_ID,
        issuer: '辽宁省推进政府职能转变和“放管服”改革协调小组',
        // The notice carries no document number.
        doc_number: null,
        date: isoDate(signed ?? '') ?? '',
        plan_year: PLAN_YEAR,
        title: '深入推进“一件事一次办”工作方案',
        source_file: fileName,
      },
      bundles: { columns: BUNDLE_COLUMNS, rows: bundles },
      tasks: { columns: TASK_COLUMNS, rows: tasks },
      skipped: [],
      warnings,
    } satisfies ParsedPlan
  },
}

function readBundles(cells: Cell[], fileName: string, warnings: string[]): BundleRow[] {
  const out: BundleRow[] = []
  let head: Pick<BundleRow, 'category' | 'seq' | 'bundle_name' | 'lead_dept'> | null = null
  for (const row of groupRows(cells, 6)) {
    const t = texts(row)
    const first = t[0]
    if (!first || first.text === '分类')
      continue
    const src = `${fileName}:${first.line}`
    let member: Cell[]
    if (t.length === 6) {
      head = {
        category: tidy(first.text),
        seq: tidy(t[1]!.text),
        bundle_name: tidy(t[2]!.text),
        lead_dept: joinDepts(t[3]!.text),
      }
      member = t.slice(4)
    }
    else {
      member = t
    }
    if (!head || member.length !== 2) {
      warnings.push(`${src}: expected a member matter and its department, found ${member.length} cells`)
      continue
    }
    out.push({
      bundle_name: head.bundle_name,
      category: head.category,
      lead_dept: head.lead_dept,
      member_matter: tidy(member[0]!.text),
      member_dept: joinDepts(member[1]!.text),
      level: '',
      deadline_text: '',
      leader: '',
      tier: '',
      note: '',
      seq: head.seq,
      source: src,
    })
  }
  return out
}
