// 003: 三门峡市 "一件事一次办" plan, a web page copied as text (one cell per line).
// Att. 1 (31 enterprise bundles) and att. 2 (22 personal bundles) have 7 columns: 序号,
// 一件事名称 (marked * national, # provincial), 牵头部门, 涉及事项, 联办部门, 办理层级, 备注.
// Merged cells (序号, 名称, 牵头部门) appear once; empty 备注 cells leave no line at all, so
// a row is read by content: a department ends in 部门/机构/残联, a level reads "市、县级".
// Cells with a line break come out as two lines: a name continued by "(…)" is joined back;
// any other extra line between a matter and its department is a remark on that matter.

import type { Cell } from '../layouts/pipes'
import type { BundleRow, ParsedPlan, PlanParser } from '../types'
import { lineCells } from '../layouts/lines'
import { bodyTaskRows, datedMilestones, paragraphs } from '../milestones'
import { findLine, isoDate, joinWrapped, splitLines, squash, tidy } from '../../../domain/text/lines'
import { BUNDLE_COLUMNS, TASK_COLUMNS } from '../types'

const PLAN_ID = 'sanmenxia-2023'
const PLAN_YEAR = 2023

export const sanmenxia: PlanParser = {
  id: PLAN_ID,
  filePrefix: '003_',
  parse(text, fileName) {
    const lines = splitLines(text)
    const warnings: string[] = []
    const att1 = findLine(lines, /^\s*附件1\s*$/)
    const note1 = findLine(lines, /^\s*注[:\uFF1A]/, att1)
    const att2 = findLine(lines, /^\s*附件2\s*$/, note1)
    const note2 = findLine(lines, /^\s*注[:\uFF1A]/, att2)
    const bundles = [
      ...readBundles(lineCells(lines, att1, note1), '企业', fileName, warnings),
      ...readBundles(lineCells(lines, att2, note2), '个人', fileName, warnings),
    ]

    const bodyStart = findLine(lines, /^\s*一、/)
    const bodyEnd = findLine(lines, /^\s*附件[:\uFF1A]/, bodyStart)
    const found = datedMilestones(paragraphs(lines, bodyStart, bodyEnd), fileName)

    const docNumber = lines.map(squash).find(l => /^三政办〔\d{4}〕\d+号$/.test(l))
    const date = isoDate(lines.map(squash).find(l => /^成文日期/.test(l)) ?? '')
    return {
      meta: {
        id: PLAN_ID,
        issuer: '三门峡市人民政府办公室',
        doc_number: docNumber ?? null,
        date: date ?? '',
        plan_year: PLAN_YEAR,
        title: '三门峡市加快推进政务服务“一件事一次办”改革实施方案',
        source_file: fileName,
      },
      bundles: { columns: BUNDLE_COLUMNS, rows: bundles },
      tasks: { columns: TASK_COLUMNS, rows: bodyTaskRows(found.tasks, fileName, PLAN_YEAR) },
      skipped: found.skipped,
      warnings,
    } satisfies ParsedPlan
  },
}

const isDept = (c: Cell | undefined): boolean => !!c && /(?:部门|机构|残联)$/.test(squash(c.text))
const isLevel = (c: Cell | undefined): boolean => !!c && /^(?:省|市|县|乡|镇|村)(?:、(?:省|市|县|乡|镇|村))*级/.test(squash(c.text))
const isBracketed = (c: Cell | undefined): boolean => !!c && /^[(\uFF08]/.test(squash(c.text))

function tierOf(name: string): { name: string, tier: BundleRow['tier'] } {
  const mark = name[0]
  if (mark === '*' || mark === '\uFF0A')
    return { name: name.slice(1).trim(), tier: 'national' }
  if (mark === '#' || mark === '\uFF03')
    return { name: name.slice(1).trim(), tier: 'provincial' }
  return { name, tier: '' }
}

function readBundles(all: Cell[], category: string, fileName: string, warnings: string[]): BundleRow[] {
  // The header row ends with 备注; everything before it is the attachment's title.
  const headerEnd = all.findIndex(c => squash(c.text) === '备注')
  const cells = all.slice(headerEnd + 1)
  const src = (c: Cell): string => `${fileName}:${c.line}`
  const out: BundleRow[] = []
  let expected = 1
  let head: Pick<BundleRow, 'seq' | 'bundle_name' | 'tier' | 'lead_dept'> | null = null
  // The first member shares its table row with the bundle's 序号 cell, where the row starts.
  let headCell: Cell | null = null
  let i = 0
  // A new member starts here: its matter, maybe a "(…)" continuation, its department and level.
  const memberAt = (k: number): boolean =>
    (isDept(cells[k + 1]) && isLevel(cells[k + 2]))
    || (isBracketed(cells[k + 1]) && isDept(cells[k + 2]) && isLevel(cells[k + 3]))

  while (i < cells.length) {
    const c = cells[i]!
    if (squash(c.text) === String(expected)) {
      const nameParts = [squash(cells[i + 1]?.text ?? '')]
      let k = i + 2
      while (k < cells.length && !isDept(cells[k]))
        nameParts.push(squash(cells[k++]!.text))
      const { name, tier } = tierOf(joinWrapped(nameParts))
      head = { seq: String(expected), bundle_name: name, tier, lead_dept: tidy(cells[k]?.text ?? '') }
      headCell = c
      expected++
      i = k + 1
      continue
    }
    if (!head) {
      warnings.push(`${src(c)}: cell before the first bundle: ${squash(c.text)}`)
      i++
      continue
    }
    // A member row: matter (+ continuation or remark), department, level, optional 备注.
    const start = c
    const matterParts = [squash(c.text)]
    const remarks: string[] = []
    let k = i + 1
    while (k < cells.length && !isDept(cells[k])) {
      if (isBracketed(cells[k]))
        matterParts.push(squash(cells[k]!.text))
      else
        remarks.push(tidy(cells[k]!.text))
      k++
    }
    const dept = tidy(cells[k]?.text ?? '')
    k++
    let level = ''
    if (isLevel(cells[k]))
      level = tidy(cells[k++]!.text)
    else
      warnings.push(`${src(start)}: no 办理层级 after ${squash(start.text)}`)
    if (k < cells.length && squash(cells[k]!.text) !== String(expected) && !memberAt(k))
      remarks.push(tidy(cells[k++]!.text))
    out.push({
      bundle_name: head.bundle_name,
      category,
      lead_dept: head.lead_dept,
      member_matter: joinWrapped(matterParts),
      member_dept: dept,
      level,
      deadline_text: '',
      leader: '',
      tier: head.tier,
      note: remarks.join(';'),
      seq: head.seq,
      source: src(headCell ?? start),
    })
    headCell = null
    i = k
  }
  return out
}
