// The row classifier as it was before the fast gate (src/ingest/table/layout-gate.ts), kept
// verbatim as the reference the equivalence test holds the current one to.

import type { ColumnSpec, TableSpec } from '../../../src/domain/contract/tables'
import type { SkippedKind } from '../../../src/ingest/table/layout-rows'

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

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).replace(/\s+/gu, '')
}

function asNumber(v: unknown): number | null {
  if (typeof v === 'number')
    return Number.isFinite(v) ? v : null
  const s = text(v).replace(/,/g, '')
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
export class ReferenceClassifier {
  private readonly numeric: number[]
  private readonly keyIndex: number
  private readonly measures: boolean
  private readonly header: string
  private readonly total: number[]
  private readonly block: number[]
  private totalRows = 0
  private blockRows = 0
  private notes = false

  constructor(spec: TableSpec, columns: Array<string | null>, headerCells: string[]) {
    const kind = new Map<string, ColumnSpec['kind']>(spec.columns.map(c => [c.name, c.kind]))
    this.numeric = columns.flatMap((c, i) => (c !== null && (kind.get(c) === 'number' || kind.get(c) === 'int') ? [i] : []))
    this.keyIndex = columns.indexOf(spec.key ?? spec.columns.find(c => c.required)?.name ?? '')
    const numericSpec = spec.columns.filter(c => c.kind === 'number' || c.kind === 'int').length
    this.measures = numericSpec >= 4 && numericSpec * 2 >= spec.columns.length
    this.header = headerCells.map(text).join('\u0001')
    this.total = this.numeric.map(() => 0)
    this.block = this.numeric.map(() => 0)
  }

  /** The kind of a non-blank row that is not a record, or null for a record. */
  classify(cells: unknown[]): SkippedKind | null {
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
    const sum = this.sumKind(cells)
    if (sum) {
      this.resetBlock()
      return sum
    }
    this.add(cells)
    return null
  }

  private sumKind(cells: unknown[]): SkippedKind | null {
    if (this.numeric.length < 2 || this.totalRows < 2)
      return null
    if (!this.measures && this.keyIndex >= 0 && text(cells[this.keyIndex]) !== '')
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
