import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { joinCellLines } from '../../../src/ingest/import/docx'
import { detectFormat, isSupportedFile } from '../../../src/ingest/import/formats'
import { readAnyFile } from '../../../src/ingest/import/read'
import { detailIn, reason } from '../../../src/ingest/import/reason'
import { combineHeaderRows, sheetToGrid } from '../../../src/ingest/import/sheet'

describe('header detection', () => {
  it('skips a title and a note above the header', () => {
    const g = sheetToGrid({ fileName: 'x.xlsx', cells: [['2024年10月好差评数据'], ['单位：区政务服务中心'], ['评价编号', '被评价部门', '评价时间', '评价等级'], ['G1', '区人社局', '2024-10-08', '满意']], firstRowNumber: 1 })
    expect(g.headerIndex).toBe(2)
  })
  it('keeps the first row of a plain table, even one the contract does not know', () => {
    expect(sheetToGrid({ fileName: 'x.csv', cells: [['单号', '部门', '', '备注'], ['1', '区人社局', 'x', 'y']] }).headerIndex).toBe(0)
    expect(sheetToGrid({ fileName: 'x.csv', cells: [['a', 'b'], ['1', '2']] }).headerIndex).toBe(0)
  })
  it('skips a title merged across the table even when nothing is recognised', () => {
    const g = sheetToGrid({ fileName: 'x.xlsx', cells: [['某平台导出', null, null], ['单号', '部门', '意见'], ['1', '区人社局', '好']], merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }] })
    expect(g.headerIndex).toBe(1)
  })
  it('joins a group label with the label under it in the order the contract knows', () => {
    expect(combineHeaderRows(['一件事名称', '改革前', '改革前', '备注'], ['一件事名称', '材料数', '时限（工作日）', '']))
      .toEqual(['一件事名称', '改革前材料数', '改革前时限（工作日）', '备注'])
    expect(combineHeaderRows(['材料数', '材料数'], ['改革前', '改革后'])).toEqual(['改革前材料数', '改革后材料数'])
    expect(combineHeaderRows(['责任分工', '责任分工'], ['牵头部门', '责任单位'])).toEqual(['牵头部门', '责任单位'])
    expect(combineHeaderRows(['基本信息'], ['姓名'])).toEqual(['基本信息姓名'])
    // Merges undone (a CSV): the group label spreads over the sub-labels that follow it.
    expect(combineHeaderRows(['一件事名称', '材料数', '', '时限（工作日）', '', '表单字段数'], ['', '改革前', '改革后', '改革前', '改革后', '']))
      .toEqual(['一件事名称', '改革前材料数', '改革后材料数', '改革前时限（工作日）', '改革后时限（工作日）', '表单字段数'])
  })
  it('fills merges down data rows but not across one data row', () => {
    const g = sheetToGrid({
      fileName: 'x.xlsx',
      cells: [['序号', '具体任务', '完成时限', '牵头部门'], ['一、基础建设', null, null, null], ['1', '任务甲', '9月底前', '区数据局'], ['2', '任务乙', '10月底前', null]],
      merges: [{ s: { r: 1, c: 0 }, e: { r: 1, c: 3 } }, { s: { r: 2, c: 3 }, e: { r: 3, c: 3 } }],
    })
    expect(g.grid[1]).toEqual(['一、基础建设', null, null, null])
    expect(g.grid[3]).toEqual(['2', '任务乙', '10月底前', '区数据局'])
  })
})

describe('office header layouts', () => {
  const TITLE = ['XX区2024年10月好差评及差评整改台账', null, null, null, null, null, null]
  const LETTERHEAD = ['填报单位：XX区政务服务中心', null, null, null, '填报日期：2024年10月16日', null, null]
  const GROUP = ['评价编号', '被评价部门', '评价时间', '评价等级', '整改情况', null, null]
  const SUB = [null, null, null, null, '联系时间', '核实结果', '整改反馈时间']
  const ROW = ['G1', '区人社局', '2024-10-08 09:00', '不满意', '2024-10-08 10:00', '属实', '2024-10-09']
  const WANT = ['评价编号', '被评价部门', '评价时间', '评价等级', '联系时间', '核实结果', '整改反馈时间']

  it('a group label over sub-labels under a title and a letterhead: the sub-label names the field', () => {
    const merges = [
      { s: { r: 0, c: 0 }, e: { r: 0, c: 6 } },
      { s: { r: 1, c: 0 }, e: { r: 1, c: 3 } },
      { s: { r: 1, c: 4 }, e: { r: 1, c: 6 } },
      { s: { r: 2, c: 4 }, e: { r: 2, c: 6 } },
      ...[0, 1, 2, 3].map(c => ({ s: { r: 2, c }, e: { r: 3, c } })),
    ]
    const g = sheetToGrid({ fileName: 'x.xlsx', sheet: 'Sheet1', cells: [TITLE, LETTERHEAD, GROUP, SUB, ROW], merges })
    expect(g.headerIndex).toBe(3)
    expect(g.headerTop).toBe(2)
    expect(g.grid[3]).toEqual(WANT)
  })

  it('the same header saved as text (no merges left): the two rows still join', () => {
    const g = sheetToGrid({ fileName: 'x.csv', cells: [TITLE.map(v => v ?? ''), GROUP.map(v => v ?? ''), SUB.map(v => v ?? ''), ROW] })
    expect(g.grid[g.headerIndex!]).toEqual(WANT)
    expect(g.headerTop).toBe(1)
  })

  it('a plain header over its first data row is not joined', () => {
    const g = sheetToGrid({ fileName: 'x.csv', cells: [WANT, ROW] })
    expect(g).toMatchObject({ headerIndex: 0 })
    expect(g.headerTop).toBeUndefined()
  })

  it('reads .et, .ods and flat .fods as workbooks and finds an Excel "Unicode 文本" delimiter under a title', async () => {
    for (const n of ['a.et', 'a.ett', 'a.ods', 'a.fods', 'a.xlsb'])
      expect([detectFormat(n, new Uint8Array()), isSupportedFile(n)]).toEqual(['xlsx', true])
    const text = '2024年10月好差评数据\r\n评价编号\t被评价部门\t评价时间\t评价等级\r\nG1\t区人社局\t2024-10-08 09:00\t满意, 很好\r\n'
    const bytes = new Uint8Array([0xFF, 0xFE, ...Array.from(text).flatMap(ch => [ch.charCodeAt(0) & 0xFF, ch.charCodeAt(0) >> 8])])
    const r = await readAnyFile('导出.txt', bytes)
    expect(r.grids[0]!.grid[2]).toEqual(['G1', '区人社局', '2024-10-08 09:00', '满意, 很好'])
  })
})

describe('Word cell text', () => {
  it('joins wrapped lines like the seed parser: no space in Chinese, 、 between departments', () => {
    expect(joinCellLines(['企业开办', '一件事'])).toBe('企业开办一件事')
    expect(joinCellLines(['区人社局', '区医保局'])).toBe('区人社局、区医保局')
    expect(joinCellLines(['市审批服', '务局'])).toBe('市审批服务局')
    expect(joinCellLines(['APP', 'online'])).toBe('APP online')
    expect(joinCellLines(['', '  区数据局 ', ''])).toBe('区数据局')
  })
})

describe('formats', () => {
  it('reads by extension, then by content', () => {
    expect(detectFormat('a.XLSX', new Uint8Array())).toBe('xlsx')
    expect(detectFormat('export', new TextEncoder().encode('PAR1....'))).toBe('parquet')
    expect(detectFormat('export', new TextEncoder().encode('[{"a":1}]'))).toBe('json')
    expect(detectFormat('export', new TextEncoder().encode('{"a":1}\n{"a":2}\n'))).toBe('jsonl')
    expect(detectFormat('export', new TextEncoder().encode('a,b\n1,2\n'))).toBe('delimited')
    expect(detectFormat('export', new Uint8Array([1, 0, 2, 0]))).toBe('unknown')
  })
  it('leaves metadata and Office lock files out of a folder', () => {
    expect(['a.csv', 'b.xlsx', 'plan.json', 'dataset.json', 'manifest.json', '~$b.xlsx', 'README.md', 'c.jsonl'].filter(isSupportedFile)).toEqual(['a.csv', 'b.xlsx', 'c.jsonl'])
  })
  it('shows a bilingual detail in one language', () => {
    const d = reason('文件已损坏（二进制）', 'the file is damaged (binary)', 'bad zip')
    expect(detailIn(d, 'zh')).toBe('文件已损坏（二进制）（bad zip）')
    expect(detailIn(d, 'en')).toBe('the file is damaged (binary) (bad zip)')
    expect(detailIn(reason('甲', 'A'), 'en')).toBe('A')
    expect(detailIn('plain', 'en')).toBe('plain')
  })
})

describe('any bytes under any supported name', () => {
  it('never throw, and a problem is always a typed issue naming the file', async () => {
    const names = ['x.csv', 'x.xlsx', 'x.xls', 'x.docx', 'x.json', 'x.jsonl', 'x.parquet', 'x.zip', 'x.bin']
    await fc.assert(fc.asyncProperty(fc.constantFrom(...names), fc.uint8Array({ maxLength: 600 }), fc.boolean(), async (name, raw, zipHead) => {
      // Half the inputs start like a zip or Parquet file, to reach past the magic-byte checks.
      const bytes = zipHead ? new Uint8Array([...(name.endsWith('.parquet') ? [0x50, 0x41, 0x52, 0x31] : [0x50, 0x4B, 0x03, 0x04]), ...raw]) : raw
      const r = await readAnyFile(name, bytes)
      for (const i of r.issues)
        expect(i.file.startsWith(name)).toBe(true)
      expect(Array.isArray(r.grids)).toBe(true)
    }), { numRuns: 300 })
  })
})
