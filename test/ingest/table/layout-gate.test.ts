import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TableName } from '../../../src/domain/contract/tables'
import { TABLE_BY_NAME } from '../../../src/domain/contract/tables'
import { mapHeaders } from '../../../src/ingest/table/headers'
import { compactText, isSpaceCode } from '../../../src/ingest/table/layout-gate'
import { RowClassifier } from '../../../src/ingest/table/layout-rows'
import { ReferenceClassifier } from './layout-reference'

const HEADS: Array<[TableName, string[]]> = [
  ['evaluations', ['评价编号', '被评价部门', '评价时间', '评价等级']],
  ['evaluations', ['', '评价编号', '被评价部门', '评价时间', '评价等级']],
  ['reform_baselines', ['一件事名称', '改革前材料数', '改革后材料数', '改革前时限', '改革后时限']],
  ['applications', ['办件编号', '承办部门', '申请时间', '承诺时限', '法定时限', '提交材料数']],
  ['tasks', ['序号', '任务编号', '目标任务', '牵头部门', '完成时限']],
]

// Words every rule looks for, near misses of them, spaces of every kind, and ordinary values.
const WORDS = [
  '合计', '小 计', '区人社局小计', '总计：', '合\u00A0计', '\u3000累计', '共计:', 'Subtotal', 'TOTAL：', 'ſubtotal', 'total x', '计', '小计小计小计小计小计小计小计',
  '注：1. 本表按评价时间排序。', '注', '注1 见说明', '注：', '说明：口径', '说明', 'Note 2: x', 'note', '数据来源：省平台', '资料来源', '（以下空白）', '以下无', '(以下无内容)',
  '填报人：张三', '审核人', '审核人（签字）：', '审 核 人', '联系电话：12345', '电话', '单位负责人:', '主要负责人', '电力公司', '报送单位：区政务办',
  '一、基础建设', '(1) 按期完成。', '十二、其他', '1、', '栏次', '序号', '0', '1', '2', '3', '4', '01', '甲', '乙', '丙', '丁', 'A', 'B', 'C', 'D', '（件）', '(工作日)', '(天',
  '评价编号', '被评价部门', '评价时间', '评价等级', '一件事名称', '改革前材料数', '办件编号', '承办部门', '任务编号',
  'G1', 'A2024000123', '区人社局', '数据局', '2024-10-08 09:00', '满意', '1,234', '-5', '3.5', '10', '18', '7', '0', '—',
  '', ' ', '\u3000', '\t\n', ' x ', '\u0001', '\uFEFF合计', '\u2003注：',
]

const cell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 0.5, Number.NaN) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
)

describe('the layout gate', () => {
  it('takes exactly the characters \\s takes for spaces', () => {
    const differ: string[] = []
    for (let c = 0; c < 0x10000; c++) {
      if (isSpaceCode(c) !== /\s/u.test(String.fromCharCode(c)))
        differ.push(`U+${c.toString(16)}`)
    }
    expect(differ).toEqual([])
  })

  it('drops whitespace as the regular expression does', () => {
    fc.assert(fc.property(cell, v => compactText(v) === (v === null || v === undefined ? '' : String(v).replace(/\s+/gu, ''))))
  })

  it('leaves every row the kind the full rules give it', () => {
    const head = fc.integer({ min: 0, max: HEADS.length - 1 })
    const row = fc.array(cell, { maxLength: 8 })
    fc.assert(fc.property(head, fc.array(fc.oneof({ weight: 6, arbitrary: row }, { weight: 1, arbitrary: fc.constant(null) }), { minLength: 1, maxLength: 25 }), (h, rows) => {
      const [table, header] = HEADS[h]!
      const spec = TABLE_BY_NAME[table]
      const columns = mapHeaders(header, spec, []).columns
      const fast = new RowClassifier(spec, columns, header)
      const reference = new ReferenceClassifier(spec, columns, header)
      // null stands for the header row repeated, as printed pages do.
      const kinds = rows.map(r => [fast.classify(r ?? header), reference.classify(r ?? header)])
      expect(kinds.map(k => k[0])).toEqual(kinds.map(k => k[1]))
    }), { numRuns: 3000 })
  })

  it('adds up the same numbers in whatever form the cells give them', () => {
    const [, header] = HEADS[2]!
    const spec = TABLE_BY_NAME.reform_baselines
    const columns = mapHeaders(header, spec, []).columns
    // The same number written as a spreadsheet or a clerk would, and forms that are no number.
    const forms = (n: number) => [n, String(n), ` ${n} `, n >= 1000 ? n.toLocaleString('en') : `${n}.0`, `-${n}`, `${n}.`, `.${n}`, `1e${n % 3}`, `${n}件`, '']
    const figure = fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 9 }))
    const line = fc.tuple(fc.constantFrom('甲', '乙', '', '全区'), figure, figure, figure, figure)
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 9 }), (lines, sumForm) => {
      const rows: unknown[][] = lines.map(([label, ...figs]) => [label, ...figs.map(([n, f]) => forms(n)[f])])
      const sums = [1, 2, 3, 4].map(k => lines.reduce((t, l) => t + (l[k] as [number, number])[0], 0))
      rows.push(['', ...sums.map(n => forms(n)[sumForm])])
      const fast = new RowClassifier(spec, columns, header)
      const reference = new ReferenceClassifier(spec, columns, header)
      expect(rows.map(r => fast.classify(r))).toEqual(rows.map(r => reference.classify(r)))
    }), { numRuns: 2000 })
  })
})
