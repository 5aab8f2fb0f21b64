// Tasks written in the body of a plan rather than in a 配档表:
// - dated milestones inside a paragraph whose closing brackets name who leads it
//   ("…6月底前建立数据共享应用清单;…(区政府办公室<区大数据局>牵头,区政府有关部门配合)");
// - inline tasks that carry their own department and deadline
//   ("(一)制定实施方案。…(责任部门:省直各有关部门;完成时限:2023年4月底前)").

import type { Skipped, TaskRow } from './types'
import { chineseNumber, squash } from '../../domain/text/lines'

export interface Paragraph {
  text: string
  line: number
}

export interface BodyTask {
  /** The chapter the paragraph sits in, e.g. "三、工作重点". */
  chapter: string
  /** The paragraph's own heading without its number, e.g. "优化管理政务服务事项". */
  heading: string
  /** The number of the heading ("(一)" → 1), or 0 when the paragraph has none. */
  number: number
  task: string
  deadline_text: string
  lead_dept: string
  resp_depts: string
  line: number
}

const CHAPTER = /^[一二三四五六七八九十]+、\S/
// Brackets and separators come half- or full-width depending on the source.
const HEADING = /^[(\uFF08]([一二三四五六七八九十]+)[)\uFF09]([^。]*)。/
// A deadline written in a sentence: "6月底前", "2021年6月底前", "7月中旬前", "2023年年底前".
const DATE = /(?:\d{4}年)?(?:\d{1,2}月(?:上旬|中旬|下旬|底|末)?前|年底前)/g
// The closing brackets that assign a paragraph: "(X牵头,Y负责)", "(责任分工见附件1、2)".
const RESPONSIBILITY = /[(\uFF08]([^()\uFF08\uFF09]*(?:牵头|负责|配合|责任分工)[^()\uFF08\uFF09]*)[)\uFF09]\s*$/

/** Non-blank lines [from, to) (1-based) as paragraphs, white space squashed. */
export function paragraphs(lines: string[], from: number, to: number): Paragraph[] {
  const out: Paragraph[] = []
  for (let n = from; n < to; n++) {
    const text = squash(lines[n - 1] ?? '')
    if (text)
      out.push({ text, line: n })
  }
  return out
}

/**
 * One task per dated milestone of a paragraph that names its lead. A milestone is the
 * sentence (or, when a sentence holds two dates, the clause) that carries the date;
 * milestones of paragraphs without a lead are returned as skipped.
 */
export function datedMilestones(paras: Paragraph[], fileName: string): { tasks: BodyTask[], skipped: Skipped[] } {
  const tasks: BodyTask[] = []
  const skipped: Skipped[] = []
  let chapter = ''
  for (const p of paras) {
    if (CHAPTER.test(p.text)) {
      chapter = p.text
      continue
    }
    const head = HEADING.exec(p.text)
    const body = head ? p.text.slice(head[0].length) : p.text
    const resp = RESPONSIBILITY.exec(body)
    const prose = resp ? body.slice(0, resp.index) : body
    const who = resp ? responsibility(resp[1]!) : null
    // "(责任分工见附件1、2)" points at the lists; the sentence itself names 各牵头部门.
    if (who && /^责任分工见/.test(who.lead) && prose.includes('各牵头部门'))
      who.lead = `各牵头部门${resp![0].trim()}`
    for (const clause of datedClauses(prose)) {
      if (!who) {
        skipped.push({
          source: `${fileName}:${p.line}`,
          text: clause.text,
          reason: `dated milestone (${clause.date}) with no lead named in its paragraph`,
        })
        continue
      }
      tasks.push({
        chapter,
        heading: head ? head[2]!.trim() : '',
        number: head ? chineseNumber(head[1]!) : 0,
        task: clause.text,
        deadline_text: clause.date,
        lead_dept: who.lead,
        resp_depts: who.resp,
        line: p.line,
      })
    }
  }
  return { tasks, skipped }
}

function datedClauses(prose: string): Array<{ text: string, date: string }> {
  const out: Array<{ text: string, date: string }> = []
  for (const sentence of prose.match(/[^。;\uFF1B]+[。;\uFF1B]?/g) ?? []) {
    const dates = [...sentence.matchAll(DATE)]
    dates.forEach((d, k) => {
      const start = k === 0 ? 0 : d.index
      const end = k + 1 < dates.length ? dates[k + 1]!.index : sentence.length
      out.push({ text: sentence.slice(start, end).trim(), date: d[0] })
    })
  }
  return out
}

/** "X、Y牵头,Z负责" → lead X、Y, responsible Z; anything else is kept whole as the lead. */
function responsibility(s: string): { lead: string, resp: string } {
  const m = /^(.+?)牵头(?:[,;\uFF0C\uFF1B]\s*(.+?)(?:按职责分工)?(?:负责|配合|参与))?$/.exec(s.trim())
  if (m)
    return { lead: m[1]!.trim(), resp: (m[2] ?? '').trim() }
  return { lead: s.trim(), resp: '' }
}

/** Body milestones as tasks.csv rows, numbered 正文-1, 正文-2, … in document order. */
export function bodyTaskRows(tasks: BodyTask[], fileName: string, planYear: number): TaskRow[] {
  return tasks.map((t, k) => ({
    task_id: `正文-${k + 1}`,
    section: '正文',
    goal: t.heading,
    task: t.task,
    deadline_text: t.deadline_text,
    lead_dept: t.lead_dept,
    resp_depts: t.resp_depts,
    note: t.chapter,
    plan_year: planYear,
    source: `${fileName}:${t.line}`,
  }))
}

export interface InlineTask {
  chapter: string
  number: number
  heading: string
  task: string
  dept: string
  deadline_text: string
  line: number
}

const INLINE = /^[(\uFF08]([一二三四五六七八九十]+)[)\uFF09]([^。]+)。(.*)[(\uFF08]责任部门[:\uFF1A](.+?)[;\uFF1B]完成时限[:\uFF1A](.+?)[)\uFF09]\s*$/

/** Paragraphs that state their own 责任部门 and 完成时限. */
export function inlineTasks(paras: Paragraph[]): InlineTask[] {
  const out: InlineTask[] = []
  let chapter = ''
  for (const p of paras) {
    if (CHAPTER.test(p.text)) {
      chapter = p.text
      continue
    }
    const m = INLINE.exec(p.text)
    if (!m)
      continue
    out.push({
      chapter,
      number: chineseNumber(m[1]!),
      heading: m[2]!.trim(),
      task: m[3]!.trim(),
      dept: m[4]!.trim(),
      deadline_text: m[5]!.trim(),
      line: p.line,
    })
  }
  return out
}
