import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { joinCellLines } from '../../src/core/import/docx'
import { detectFormat, isSupportedFile } from '../../src/core/import/formats'
import { readAnyFile } from '../../src/core/import/read'
import { detailIn, reason } from '../../src/core/import/reason'
import { combineHeaderRows, sheetToGrid } from '../../src/core/import/sheet'

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
