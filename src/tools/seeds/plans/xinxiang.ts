// 004: 新乡市 "高效办成一件事" plan, a web page copied as text (one cell per line).
// Att. 1 lists 21 bundles of 2024 in 7 columns (序号, "一件事"名称, 具体事项, 牵头部门, 联办部门,
// 完成时限, 牵头市领导). A bundle's first row has all seven cells; a further member row has its
// matter and, unless the cell above is merged down, its 联办部门. A bundle that crosses a page
// repeats its first-row cells (序号 6, 14 and 20). Narrow name cells wrap ("企业迁移" + "登记").
// Att. 2 names each bundle's working group: its 组长 (the leader of att. 1) and 副组长.
//
// Four leaders' names lost their first character in the extraction (" 栋"): it is shown as □,
// the usual mark for a character that cannot be read, rather than guessed.

import type { Cell } from '../layouts/pipes'
import type { BundleRow, ParsedPlan, PlanParser } from '../types'
import { lineCells } from '../layouts/lines'
import { bodyTaskRows, datedMilestones, paragraphs } from '../milestones'
import { findLine, isDeptLike, isoDate, joinWrapped, splitLines, squash, tidy } from '../../../domain/text/lines'
import { BUNDLE_COLUMNS, TASK_COLUMNS } from '../types'

const PLAN_ID = 'xinxiang-2024'
const PLAN_YEAR = 2024

const XINXIANG_BUNDLE_COLUMNS: Array<keyof BundleRow & string> = [
  ...BUNDLE_COLUMNS.filter(c => c !== 'source'),
  'deputy_leader',
  'source',
]

export const xinxiang: PlanParser = {
  id: PLAN_ID,
  filePrefix: '004_',
  parse(text, fileName) {
    const lines = splitLines(text)
    const warnings: string[] = []
    const att1 = findLine(lines, /^\s*附件1\s*$/)
    const att2 = findLine(lines, /^\s*附件2\s*$/, att1)
    const att3 = findLine(lines, /^\s*附件3\s*$/, att2)
    const groups = readGroups(lineCells(lines, att2, att3), fileName, warnings)
    const bundles = readBundles(lineCells(lines, att1, att2), fileName, warnings)
    for (const b of bundles) {
      const g = groups.get(b.seq)
      if (!g) {
        warnings.push(`${b.source}: bundle ${b.seq} has no working group in 附件2`)
        continue
      }
      if (g.leader !== b.leader)
        warnings.push(`${b.source}: 牵头市领导 ${b.leader} differs from the working group's 组长 ${g.leader}`)
      b.deputy_leader = g.deputy
    }

    const bodyStart = findLine(lines, /^\s*一、/)
    const bodyEnd = findLine(lines, /^\s*附件[:\uFF1A]/, bodyStart)
    const found = datedMilestones(paragraphs(lines, bodyStart, bodyEnd), fileName)

    const signed = lines.map(squash).find(l => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l))
    return {
      meta: {
        id: PLAN_ID,
        issuer: '新乡市人民政府',
        // The page gives the number only as "新政文" without year and serial.
        doc_number: null,
        date: isoDate(signed ?? '') ?? '',
        plan_year: PLAN_YEAR,
        title: '新乡市关于进一步优化政务服务提升行政效能推动“高效办成一件事”的实施方案',
        source_file: fileName,
      },
      bundles: { columns: XINXIANG_BUNDLE_COLUMNS, rows: bundles },
      tasks: { columns: TASK_COLUMNS, rows: bodyTaskRows(found.tasks, fileName, PLAN_YEAR) },
      skipped: found.skipped,
      warnings,
    } satisfies ParsedPlan
  },
}

const isDeadline = (s: string): boolean => /^(?:\d{4}年)?\d{1,2}月.*前$/.test(s) || /^按照.+(?:安排|部署).*推进$/.test(s)

/** A name whose first character did not survive extraction keeps the gap it left as □. */
export function leaderName(raw: string): string {
  const name = squash(raw)
  return /^\s/.test(raw) && name.length < 3 ? `□${name}` : name
}

/** Cells as read, with a department list broken after "、" joined back onto its next line. */
function joinBrokenLists(cells: Cell[]): Cell[] {
  const out: Cell[] = []
  for (const c of cells) {
    const prev = out.at(-1)
    if (prev && /、$/.test(squash(prev.text)))
      out[out.length - 1] = { text: squash(prev.text) + squash(c.text), line: prev.line }
    else
      out.push(c)
  }
  return out
}

function readBundles(all: Cell[], fileName: string, warnings: string[]): BundleRow[] {
  const headerEnd = all.findIndex(c => squash(c.text) === '牵头市领导')
  const cells = joinBrokenLists(all.slice(headerEnd + 1))
  const src = (c: Cell): string => `${fileName}:${c.line}`
  const out: BundleRow[] = []
  let head: Omit<BundleRow, 'member_matter' | 'member_dept' | 'source'> | null = null
  let dept = ''
  let i = 0
  while (i < cells.length) {
    const c = cells[i]!
    const text = squash(c.text)
    const seq: number = Number(head?.seq ?? 0)
    if (text === String(seq + 1) || (head && text === head.seq)) {
      // 序号, name (maybe wrapped), first matter, 牵头部门, 联办部门, 完成时限, 牵头市领导.
      let d = i + 1
      while (d < cells.length && !isDeadline(squash(cells[d]!.text)))
        d++
      const mid = cells.slice(i + 1, d).map(x => squash(x.text))
      if (mid.length < 4 || !isDeptLike(mid.at(-1)!) || !isDeptLike(mid.at(-2)!))
        warnings.push(`${src(c)}: cannot read the first row of bundle ${text}`)
      const name = joinWrapped(mid.slice(0, -3))
      if (head && text === head.seq && name !== head.bundle_name)
        warnings.push(`${src(c)}: repeated bundle ${text} is named ${name}, not ${head.bundle_name}`)
      if (!head || text !== head.seq) {
        head = {
          bundle_name: name,
          category: '',
          lead_dept: tidy(mid.at(-2) ?? ''),
          level: '',
          deadline_text: squash(cells[d]?.text ?? ''),
          leader: leaderName(cells[d + 1]?.text ?? ''),
          tier: '',
          note: '',
          seq: text,
          deputy_leader: '',
        }
      }
      dept = tidy(mid.at(-1) ?? '')
      out.push({ ...head, member_matter: tidy(mid.at(-3) ?? ''), member_dept: dept, source: src(c) })
      i = d + 2
      continue
    }
    if (!head) {
      warnings.push(`${src(c)}: cell before the first bundle: ${text}`)
      i++
      continue
    }
    // A member row: its matter, then its 联办部门 unless merged with the row above.
    const next = cells[i + 1]
    if (next && isDeptLike(next.text) && squash(next.text) !== String(seq + 1)) {
      dept = tidy(next.text)
      i += 2
    }
    else {
      i += 1
    }
    out.push({ ...head, member_matter: tidy(c.text), member_dept: dept, source: src(c) })
  }
  return out
}

interface Group {
  leader: string
  deputy: string
}

/** Att. 2: 序号, name, 牵头单位, 组长, 副组长, 成员单位 (the last may be empty and then absent). */
function readGroups(all: Cell[], fileName: string, warnings: string[]): Map<string, Group> {
  const headerEnd = all.findIndex(c => squash(c.text) === '成员单位')
  const cells = all.slice(headerEnd + 1)
  const groups = new Map<string, Group>()
  let expected = 1
  let i = 0
  while (i < cells.length) {
    if (squash(cells[i]!.text) !== String(expected)) {
      warnings.push(`${fileName}:${cells[i]!.line}: expected working group ${expected}`)
      i++
      continue
    }
    groups.set(String(expected), { leader: leaderName(cells[i + 3]?.text ?? ''), deputy: leaderName(cells[i + 4]?.text ?? '') })
    expected++
    i += 5
    if (i < cells.length && squash(cells[i]!.text) !== String(expected))
      i++
  }
  return groups
}
