// Rows of a laid-out table that are not records: subtotals and totals, notes under the table,
// signature lines, section headings, a header repeated on every printed page, blank
// separators. They are counted by kind and left out — never data, never an error. A 合计 row
// read as data would become a bundle or an evaluation and change every figure it touches.

import type { ColumnSpec, TableSpec } from '../../domain/contract/tables'
import { compactText as text, mayBeLayout } from './layout-gate'

export type SkippedKind = 'subtotal' | 'total' | 'note' | 'signature' | 'section' | 'header' | 'blank'
export type SkippedCounts = Partial<Record<SkippedKind, number>>

export const SKIPPED_KINDS: SkippedKind[] = ['subtotal', 'total', 'note', 'signature', 'section', 'header', 'blank']

const TOTAL_WORD = /^(?:\S{0,12}?(小计|合计|总计)|(累计|共计|(?:sub)?total))[:：]?$/iu
const NOTE = /^(?:注|注释|说明|备注|附注|填表说明|填报说明|数据来源|资料来源|note)\s*\d*\s*[:：]|^注\s*\d+\s*\S|^注[:：]?$|^[（(]?以下(?:空白|无内容|无)[)）]?$/iu
const NUMBERED = /^(?:[(（]?\d{1,2}[)）.．、]|[一二三四五六七八九十]{1,3}[、.．])\s*\p{Script=Han}/u
const SIGNATURE_WORDS = '审核人|审核|审批人|填报人|填表人|制表人|统计人|经办人|联系人|联系电话|电话|负责人|单位负责人|主要负责人|分管领导|填报日期|填表日期|制表日期|报送日期|填报时间|填报单位|报送单位|制表单位'
const SIGNATURE = new RegExp(`^(?:${SIGNATURE_WORDS})(?:[(（][^)）]*[)）])?\\s*[:：]`, 'u')
const SIGNATURE_BARE = /^(?:审核人|审批人|填报人|填表人|制表人|统计人|经办人|负责人|填报日期|填表日期|制表日期)$/u

function isColumnNumbering(filled: string[]): boolean {
  const rest = filled[0] === '栏次' || filled[0] === '序号' ? filled.slice(1) : filled
  if (rest.length < 3)
    return false
  const n = Number(rest[0])
  if (Number.isInteger(n) && (n === 0 || n === 1))
    return rest.every((v, i) => v === String(n + i))
  return rest.join('') === '甲乙丙丁戊己庚辛壬癸'.slice(0, rest.length) || rest.join('') === 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.slice(0, rest.length)
}

/** -?\d+(?:\.\d+)? read by character codes: the cells of a large log, added up row by row. */
function isPlainNumber(s: string): boolean {
  let i = s.charCodeAt(0) === 0x2D ? 1 : 0
  const start = i
  while (i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39)
    i++
  if (i === start)
    return false
  if (i === s.length)
    return true
  if (s.charCodeAt(i) !== 0x2E)
    return false
  const frac = ++i
  while (i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39)
    i++
  return i > frac && i === s.length
}

function asNumber(v: unknown): number | null {
  if (typeof v === 'number')
    return Number.isFinite(v) ? v : null
  if (typeof v === 'string' && isPlainNumber(v))
    return Number(v)
  let s = text(v)
  if (s.includes(','))
    s = s.replace(/,/g, '')
  if (s === '' || !/^-?\d+(?:\.\d+)?$/.test(s))
    return null
  return Number(s)
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a), Math.abs(b))

/**
 * Classifies the rows under a header, top to bottom. `columns` is the canonical column of each
 * source column (null: not the table's). Sums are checked only in tables of measures (most
 * columns numbers, like 改革前后对比), where a row equal to the sum of the rows above is a
 * total even without a label; elsewhere an id-less row that sums up the rows above is one.
 */
export class RowClassifier {
  private readonly numeric: number[]
  private readonly keyIndex: number
  private readonly measures: boolean
  private readonly header: string
  private readonly headerFirst: number
  private readonly total: number[]
  private readonly block: number[]
  private totalRows = 0
  private blockRows = 0
  private notes = false
  /**
   * A row was judged by the running sums of the rows above it (a row without an id, or any
   * row of a table of measures): a reader that began part-way down the table cannot know them.
   */
  sumsRead = false

  /** Rows from here on may be notes: a note was met above. */
  get underNote(): boolean {
    return this.notes
  }

  constructor(spec: TableSpec, columns: Array<string | null>, headerCells: string[]) {
    const kind = new Map<string, ColumnSpec['kind']>(spec.columns.map(c => [c.name, c.kind]))
    this.numeric = columns.flatMap((c, i) => (c !== null && (kind.get(c) === 'number' || kind.get(c) === 'int') ? [i] : []))
    this.keyIndex = columns.indexOf(spec.key ?? spec.columns.find(c => c.required)?.name ?? '')
    const numericSpec = spec.columns.filter(c => c.kind === 'number' || c.kind === 'int').length
    this.measures = numericSpec >= 4 && numericSpec * 2 >= spec.columns.length
    this.header = headerCells.map(text).join('\u0001')
    this.headerFirst = this.header.length > 0 ? this.header.charCodeAt(0) : -1
    this.total = this.numeric.map(() => 0)
    this.block = this.numeric.map(() => 0)
  }

  /** The kind of a non-blank row that is not a record, or null for a record. */
  classify(cells: unknown[]): SkippedKind | null {
    return mayBeLayout(cells, this.headerFirst, this.notes) ? this.byRules(cells) : this.bySums(cells)
  }

  private byRules(cells: unknown[]): SkippedKind | null {
    const filled = cells.map(text).filter(Boolean)
    const firstCells = filled.slice(0, 3)
    if (filled.length >= 2 && cells.map(text).join('\u0001') === this.header)
      return 'header'
    // Forms number their columns under the header (栏次 1 2 3 … or 甲 乙 丙) or give units there
    // (（件） （工作日）): part of the header, never a record.
    if (filled.length >= 3 && (isColumnNumbering(filled) || filled.every(v => /^[(（][^)）]*[)）]$/u.test(v))))
      return 'header'
    if (filled.some(s => SIGNATURE.test(s)) || (filled.length <= 4 && SIGNATURE_BARE.test(filled[0] ?? '')))
      return 'signature'
    if (NOTE.test(filled[0] ?? '')) {
      this.notes = true
      return 'note'
    }
    // Lines under a note are notes too while they read as sentences, not as a narrow record
    // (a rectification row may hold just an id and a date).
    if (this.notes && filled.length <= 2 && /\p{Script=Han}.*\p{Script=Han}/u.test(filled[0] ?? '') && filled[0]!.length >= 4)
      return 'note'
    // A numbered line alone in a row: a sentence is a note under the table, a short label a
    // section heading ("一、基础建设") over the rows that follow.
    if (filled.length === 1 && NUMBERED.test(filled[0]!))
      return /[。；;]$/u.test(filled[0]!) || filled[0]!.length > 24 ? 'note' : 'section'
    const word = firstCells.map((s) => {
      const m = TOTAL_WORD.exec(s)
      return m ? m[1] ?? m[2] : undefined
    }).find(Boolean)
    if (word) {
      const sub = word === '小计' || /^sub/i.test(word)
      this.resetBlock()
      return sub ? 'subtotal' : 'total'
    }
    return this.bySums(cells)
  }

  private bySums(cells: unknown[]): SkippedKind | null {
    const sum = this.sumKind(cells)
    if (sum) {
      this.resetBlock()
      return sum
    }
    this.add(cells)
    return null
  }

  private sumKind(cells: unknown[]): SkippedKind | null {
    if (this.numeric.length < 2)
      return null
    if (!this.measures && this.keyIndex >= 0 && text(cells[this.keyIndex]) !== '')
      return null
    this.sumsRead = true
    if (this.totalRows < 2)
      return null
    const values = this.numeric.map(i => asNumber(cells[i]))
    const given = values.flatMap((v, k) => (v === null ? [] : [k]))
    if (given.length < 2 || given.every(k => values[k] === 0))
      return null
    // Text where a number belongs (a clerk's "—") is not a sum: the row is a record to check.
    if (this.numeric.some((i, k) => values[k] === null && text(cells[i]) !== ''))
      return null
    if (given.every(k => close(values[k]!, this.total[k]!)))
      return 'total'
    if (this.blockRows >= 2 && this.blockRows < this.totalRows && given.every(k => close(values[k]!, this.block[k]!)))
      return 'subtotal'
    return null
  }

  private add(cells: unknown[]): void {
    // Below two number columns sumKind never looks at the running sums.
    if (this.numeric.length < 2)
      return
    this.numeric.forEach((i, k) => {
      const v = asNumber(cells[i]) ?? 0
      this.total[k]! += v
      this.block[k]! += v
    })
    this.totalRows++
    this.blockRows++
  }

  private resetBlock(): void {
    this.block.fill(0)
    this.blockRows = 0
  }
}

export function skippedTotal(c: SkippedCounts | undefined): number {
  return c ? SKIPPED_KINDS.reduce((n, k) => n + (c[k] ?? 0), 0) : 0
}

export function addSkipped(into: SkippedCounts, from: SkippedCounts | undefined): SkippedCounts {
  for (const k of SKIPPED_KINDS) {
    if (from?.[k])
      into[k] = (into[k] ?? 0) + from[k]!
  }
  return into
}

const LABELS: Record<'zh' | 'en', Record<SkippedKind, string>> = {
  zh: { subtotal: '小计', total: '合计', note: '注', signature: '签名栏', section: '分组标题', header: '重复表头', blank: '空行' },
  en: { subtotal: 'subtotals', total: 'totals', note: 'notes', signature: 'signature lines', section: 'section headings', header: 'repeated headers', blank: 'blank rows' },
}

/** "跳过 7 行：小计 4、合计 1、注 2" / "skipped 7 rows: subtotals 4, totals 1, notes 2"; '' when none. */
export function describeSkipped(c: SkippedCounts | undefined, lang: 'zh' | 'en'): string {
  const n = skippedTotal(c)
  if (n === 0)
    return ''
  const parts = SKIPPED_KINDS.filter(k => c![k]).map(k => `${LABELS[lang][k]} ${c![k]}`)
  return lang === 'zh' ? `跳过 ${n} 行：${parts.join('、')}` : `skipped ${n} row${n === 1 ? '' : 's'}: ${parts.join(', ')}`
}
