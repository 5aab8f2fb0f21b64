import { describe, expect, it } from 'vitest'
import { TABLE_BY_NAME } from '../../../src/domain/contract/tables'
import { mapHeaders } from '../../../src/ingest/table/headers'
import { describeSkipped } from '../../../src/ingest/table/layout-rows'
import { loadGrid } from '../../../src/ingest/table/table'

const EVAL_HEAD = ['评价编号', '被评价部门', '评价时间', '评价等级']
const REFORM_HEAD = ['一件事名称', '改革前材料数', '改革后材料数', '改革前时限', '改革后时限']

function load(fileName: string, grid: unknown[][]) {
  return loadGrid({ fileName, grid })
}

describe('rows that are not records', () => {
  it('skips 小计, 合计, notes, signatures and blank separators by kind, never as errors', () => {
    const r = load('好差评.csv', [
      EVAL_HEAD,
      ['G1', '区人社局', '2024-10-08 09:00', '满意'],
      ['G2', '区人社局', '2024-10-09 09:00', '不满意'],
      ['区人社局小计', '', '', '2条'],
      [],
      ['G3', '区卫健局', '2024-10-09 10:00', '满意'],
      ['小 计', '区卫健局', '', '1'],
      ['合  计', '', '', '3'],
      ['注：1. 本表按评价时间排序。'],
      ['2. 评价等级按五级计。'],
      ['填报人：张三', '', '审核人：李四', '联系电话：12345'],
      ['审核人', '李四'],
    ])
    expect(r.issues).toEqual([])
    expect(r.goodRows).toBe(3)
    expect(r.skipped).toEqual({ subtotal: 2, total: 1, note: 2, signature: 2, blank: 1 })
    expect(r.dataRows).toEqual({ first: 2, last: 6 })
    expect(describeSkipped(r.skipped, 'zh')).toBe('跳过 8 行：小计 2、合计 1、注 2、签名栏 2、空行 1')
    expect(describeSkipped(r.skipped, 'en')).toBe('skipped 8 rows: subtotals 2, totals 1, notes 2, signature lines 2, blank rows 1')
  })

  it('takes a row equal to the sum of the rows above as a total, labelled or not, in a table of measures', () => {
    const r = load('改革前后对比.csv', [
      REFORM_HEAD,
      ['开办餐饮店', 10, 3, 20, 5],
      ['新生儿出生', 8, 4, 30, 10],
      ['', 18, 7, 50, 15],
    ])
    expect(r.goodRows).toBe(2)
    expect(r.skipped).toEqual({ total: 1 })
    // A label nobody would call a total does not save it either: the figures are the sums.
    expect(load('改革前后对比.csv', [REFORM_HEAD, ['甲', 1, 2, 3, 4], ['乙', 5, 6, 7, 8], ['全区', 6, 8, 10, 12]]).skipped).toEqual({ total: 1 })
    // Unlabelled sums per block, then the grand total: all left out. (The first block's sum is
    // also the running total, so it counts as a total; the kind is only for the report.)
    const blocks = load('改革前后对比.csv', [REFORM_HEAD, ['甲', 1, 2, 3, 4], ['乙', 5, 6, 7, 8], ['', 6, 8, 10, 12], ['丙', 1, 1, 1, 1], ['丁', 2, 2, 2, 2], ['', 3, 3, 3, 3], ['', 9, 11, 13, 15]])
    expect(blocks.goodRows).toBe(4)
    expect(blocks.skipped).toEqual({ total: 2, subtotal: 1 })
  })

  it('keeps records that merely look like sums or notes', () => {
    // A third bundle equal to neither the sum above nor with one row above is data.
    const r = load('改革前后对比.csv', [REFORM_HEAD, ['甲', 1, 2, 3, 4], ['乙', 5, 6, 7, 9], ['丙', 6, 8, 10, 12]])
    expect(r.goodRows).toBe(3)
    expect(r.skipped).toBeUndefined()
    // An applications row whose counts add up is still an application: only id-less rows are sums there.
    const apps = load('办件.csv', [['办件编号', '承办部门', '申请时间', '提交材料数', '跑动次数'], ['A1', '区人社局', '2024-10-08', 1, 0], ['A2', '区人社局', '2024-10-08', 1, 1], ['A3', '区人社局', '2024-10-08', 2, 1]])
    expect(apps.goodRows).toBe(3)
    // A one-column rectification row is a record, not a section heading or note, even under a note.
    const rect = load('差评整改.csv', [['评价编号', '联系时间'], ['说明：以下为10月整改记录'], ['1.5', ''], ['B2', '2024-10-09 09:00']])
    expect(rect.goodRows).toBe(2)
    expect(rect.skipped).toEqual({ note: 1 })
    // Free text that mentions a total in a later column is a record.
    const text = load('好差评.csv', [[...EVAL_HEAD, '评价内容'], ['G1', '区人社局', '2024-10-08 09:00', '满意', '合计']])
    expect(text.goodRows).toBe(1)
  })

  it('takes a row of column numbers or units under the header as part of it', () => {
    const r = load('配档表.csv', [
      ['序号', '具体任务', '完成时限', '牵头部门'],
      ['1', '2', '3', '4'],
      ['甲', '乙', '丙', '丁'],
      ['', '（项）', '（日期）', '（单位）'],
      ['1', '梳理清单', '9月底前', '区数据局'],
    ])
    expect(r.goodRows).toBe(1)
    expect(r.skipped).toEqual({ header: 3 })
    // A record whose cells happen to count up is still a record when they are not 1, 2, 3…
    expect(load('配档表.csv', [['序号', '具体任务', '完成时限', '牵头部门'], ['2', '3', '4', '5']]).goodRows).toBe(1)
  })

  it('skips a section heading and a header repeated on a printed page', () => {
    const r = load('配档表.csv', [
      ['序号', '具体任务', '完成时限', '牵头部门'],
      ['一、基础建设'],
      ['1', '梳理清单', '9月底前', '区数据局'],
      ['序号', '具体任务', '完成时限', '牵头部门'],
      ['2', '编制指南', '10月底前', '区数据局'],
    ])
    expect(r.issues).toEqual([])
    expect(r.goodRows).toBe(2)
    expect(r.skipped).toEqual({ section: 1, header: 1 })
    // Without a 板块 column the headings are the tasks' sections, as a plain table would carry them.
    const si = r.tables[0]!.columns.indexOf('section')
    expect(r.tables[0]!.rows.map(row => row[si])).toEqual(['一、基础建设', '一、基础建设'])
  })

  it('tells a numbered note under the table from a section heading, and skips 以下空白', () => {
    const r = load('配档表.csv', [
      ['序号', '板块', '具体任务', '完成时限', '牵头部门'],
      ['1', '一、基础建设', '梳理清单', '9月底前', '区数据局'],
      ['以下空白'],
      ['1. 完成时限以区委区政府督查通知为准。'],
    ])
    expect(r.goodRows).toBe(1)
    expect(r.skipped).toEqual({ note: 2 })
    const si = r.tables[0]!.columns.indexOf('section')
    expect(r.tables[0]!.rows[0]![si]).toBe('一、基础建设')
  })

  it('still reports a record with a missing value as an error', () => {
    const r = load('好差评.csv', [EVAL_HEAD, ['G1', '', '2024-10-08 09:00', '满意'], ['G2', '区人社局', '2024-10-08 09:00', '满意']])
    expect(r.issues.map(i => [i.code, i.row])).toEqual([['required_empty', 2]])
  })
})

describe('the header mapping used for the classifier', () => {
  it('knows 改革前后对比 as a table of measures', () => {
    expect(mapHeaders(REFORM_HEAD, TABLE_BY_NAME.reform_baselines).matched).toBe(5)
  })
})
