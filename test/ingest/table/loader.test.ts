import { describe, expect, it } from 'vitest'
import { parseDelimited } from '../../../src/ingest/table/csv'
import { decodeText } from '../../../src/ingest/table/decode'
import { mapHeaders, normaliseHeader } from '../../../src/ingest/table/headers'
import { formatIssue } from '../../../src/ingest/table/issues'
import { fitByColumns, recogniseTable } from '../../../src/ingest/table/recognise'
import { loadGrid } from '../../../src/ingest/table/table'
import { normaliseCell } from '../../../src/ingest/table/values'
import { TABLE_BY_NAME } from '../../../src/domain/contract/tables'
import { assembleDataset } from '../../../src/ingest/dataset/dataset'
import { datasetFromTexts } from '../../helpers/db'

function gbk(text: string): Uint8Array {
  // Node's TextDecoder reads GB18030 but there is no encoder; these bytes are 评价编号 in GBK.
  const table: Record<string, number[]> = { 评: [0xC6, 0xC0], 价: [0xBC, 0xDB], 编: [0xB1, 0xE0], 号: [0xBA, 0xC5] }
  return new Uint8Array([...text].flatMap(ch => table[ch] ?? [ch.charCodeAt(0)]))
}

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM', () => {
    const plain = new TextEncoder().encode('评价编号,x')
    expect(decodeText(plain)).toEqual({ text: '评价编号,x', encoding: 'utf-8' })
    expect(decodeText(new Uint8Array([0xEF, 0xBB, 0xBF, ...plain])).text).toBe('评价编号,x')
  })
  it('falls back to GB18030 for GBK bytes', () => {
    expect(decodeText(gbk('评价编号,x'))).toEqual({ text: '评价编号,x', encoding: 'gb18030' })
  })
  it('reads UTF-16 LE and BE with BOM', () => {
    const le = new Uint8Array([0xFF, 0xFE, ...[...'评a'].flatMap(c => [c.charCodeAt(0) & 0xFF, c.charCodeAt(0) >> 8])])
    const be = new Uint8Array([0xFE, 0xFF, ...[...'评a'].flatMap(c => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xFF])])
    expect(decodeText(le)).toEqual({ text: '评a', encoding: 'utf-16le' })
    expect(decodeText(be)).toEqual({ text: '评a', encoding: 'utf-16be' })
  })
})

describe('headers and recognition', () => {
  it('folds full-width brackets, spaces, quotes and unit suffixes', () => {
    expect(normaliseHeader(' 改革前时限（工作日） ')).toBe(normaliseHeader('改革前时限'))
    expect(normaliseHeader('“一件事”名称')).toBe(normaliseHeader('一件事名称'))
  })
  it('maps Chinese aliases to canonical columns and reports missing required ones', () => {
    const m = mapHeaders(['评价编号', '被评价部门', '评价时间', '评价结果', '备注列'], TABLE_BY_NAME.evaluations)
    expect(m.columns).toEqual(['eval_id', 'dept', 'rated_at', 'level', null])
    expect(m.missingRequired).toEqual([])
    expect(mapHeaders(['评价编号'], TABLE_BY_NAME.evaluations).missingRequired).toEqual(['dept', 'rated_at', 'level'])
  })
  it('recognises a table by its columns, by name only when the columns fit none', () => {
    expect(recogniseTable('好差评.csv', [])).toEqual({ table: 'evaluations', by: 'file_name' })
    expect(recogniseTable('2024年10月差评整改记录.csv', [])).toEqual({ table: 'rectifications', by: 'file_name' })
    expect(recogniseTable('export.csv', ['序号', '报送日期', '状态'])).toEqual({ table: 'task_progress', by: 'columns', labels: ['序号', '报送日期', '状态'] })
    expect(recogniseTable('export.csv', ['a', 'b'])).toEqual({ table: null, by: 'none' })
    // One column (评价编号, rectifications' only required one) is no evidence: the name decides.
    expect(recogniseTable('好差评.csv', ['评价编号', '评价时间']).table).toBe('evaluations')
  })
  it('lets the columns override a name, even one holding several table words', () => {
    const evalCols = ['评价编号', '被评价部门', '评价时间', '评价等级', '联系时间', '核实结果']
    for (const name of ['差评整改台账.csv', 'XX区2024年10月好差评差评整改台账.csv', '整改.xlsx'])
      expect(recogniseTable(name, evalCols)).toMatchObject({ table: 'evaluations', by: 'columns' })
    expect(recogniseTable('差评整改.csv', ['评价编号', '联系时间', '核实结果'])).toMatchObject({ table: 'rectifications', by: 'columns' })
  })
  it('breaks a tie between equally fitting tables by a name naming one of them, else leaves the candidates', () => {
    // A schedule with its progress columns: four columns of each table.
    const cols = ['序号', '具体任务', '完成时限', '牵头部门', '报送日期', '状态', '完成日期']
    expect(fitByColumns(cols).map(f => f.table)).toEqual(['tasks', 'task_progress'])
    expect(recogniseTable('export.csv', cols)).toEqual({ table: null, by: 'none', candidates: ['tasks', 'task_progress'] })
    expect(recogniseTable(['Sheet1', '10月进展报送.xlsx'], cols)).toMatchObject({ table: 'task_progress', by: 'file_name' })
    // A name mentioning both tables breaks no tie.
    expect(recogniseTable('配档表及进展报送.csv', cols).candidates).toEqual(['tasks', 'task_progress'])
  })
  it('sniffs tab-separated text', () => {
    expect(parseDelimited('a\tb\n1\t2\n').rows).toEqual([['a', 'b'], ['1', '2'], ['']])
  })
})

describe('cell normalisation', () => {
  it.each([
    ['非常满意', 'level', '5'],
    ['非常不满意', 'level', '1'],
    ['3', 'level', '3'],
    ['★★', 'level', '2'],
    ['是', 'bool', 'true'],
    ['匿名', 'bool', 'false'],
    ['恶意', 'verdict', '恶意差评'],
    ['完成', 'task_status', '已完成'],
    ['移动端', 'channel', '掌上'],
    ['政务服务网', 'channel', '网上'],
    ['5个工作日', 'int', '5'],
    ['1,200', 'number', '1200'],
    ['2024年10月31日', 'date', '2024-10-31'],
    ['2024-09-29T17:30:00Z', 'datetime', '2024-09-30 01:30:00'],
  ] as const)('%s as %s → %s', (raw, kind, value) => {
    expect(normaliseCell(raw, kind)).toEqual({ ok: true, value })
  })
  it.each([
    ['6', 'level', 'bad_level'],
    ['很好', 'level', 'bad_level'],
    ['2024-13-01', 'date', 'bad_date'],
    ['也许', 'bool', 'bad_bool'],
    ['3.5', 'int', 'bad_number'],
    // Stored as a 32-bit integer: a larger one is a slip, reported, not a failed load.
    ['2147483648', 'int', 'bad_number'],
    ['-2,147,483,649', 'int', 'bad_number'],
    [13912345678, 'int', 'bad_number'],
    ['待定', 'task_status', 'bad_status'],
  ] as const)('%s as %s is %s', (raw, kind, code) => {
    expect(normaliseCell(raw, kind)).toEqual({ ok: false, code })
  })
  it('keeps an int within 32 bits', () => {
    expect(normaliseCell('2147483647', 'int')).toEqual({ ok: true, value: '2147483647' })
    expect(normaliseCell('-2147483648', 'int')).toEqual({ ok: true, value: '-2147483648' })
  })
  it('reads Excel serial numbers as China-time dates', () => {
    expect(normaliseCell(45596, 'date')).toEqual({ ok: true, value: '2024-10-31' })
  })
})

describe('loadGrid', () => {
  const grid = [
    ['评价编号', '被评价部门', '评价时间', '评价等级', '联系时间', '核实结果', '自定义列'],
    ['E1', '区数据局', '2024-10-08 09:00', '满意', '', '', 'x'],
    ['E2', '区数据局', '2024-13-40', '满意', '', '', ''],
    ['', '', '', '', '', '', ''],
    ['E3', '区数据局', '2024-10-09', '七星', '2024-10-09', '属实', ''],
    ['E4', '区数据局', '2024-10-09', '不满意', '2024-10-10', '属实', ''],
  ]
  const r = loadGrid({ fileName: '好差评.csv', grid })

  it('names file, spreadsheet row and the file\'s own column for each bad cell', () => {
    expect(r.issues.map(i => [i.code, i.row, i.column])).toEqual([
      ['bad_datetime', 3, '评价时间'],
      ['bad_level', 5, '评价等级'],
    ])
    expect(formatIssue(r.issues[0]!, 'zh')).toBe('好差评.csv 第 3 行 「评价时间」列：无法识别的时间「2024-13-40」（应为 2024-10-31 14:05 或带时区的 ISO 时间） [错误]')
    expect(formatIssue(r.issues[1]!, 'en')).toContain('好差评.csv, row 5, column "评价等级": rating "七星" is outside the five-level scale')
  })
  it('keeps good rows, extra columns, and splits embedded rectification columns', () => {
    expect(r.goodRows).toBe(2)
    expect(r.badRows).toBe(2)
    const [ev, rect] = r.tables
    expect(ev!.rows.map(x => x[0])).toEqual(['E1', 'E4'])
    expect(ev!.rows[0]![ev!.columns.indexOf('extra')]).toBe('{"自定义列":"x"}')
    expect(rect!.name).toBe('rectifications')
    expect(rect!.rows.map(x => [x[0], x[rect!.columns.indexOf('verdict')]])).toEqual([['E4', '属实']])
  })
  it('reports a missing required column by its Chinese and English names', () => {
    const m = loadGrid({ fileName: '好差评.csv', grid: [['评价编号', '评价时间'], ['E1', '2024-10-01']] })
    expect(m.issues.map(i => formatIssue(i, 'zh'))).toEqual([
      '好差评.csv 第 1 行：缺少必填列「被评价部门 dept」 [错误]',
      '好差评.csv 第 1 行：缺少必填列「评价等级 level」 [错误]',
    ])
  })
  it('flags an empty required value', () => {
    const m = loadGrid({ fileName: '配档表.csv', grid: [['序号', '具体任务', '完成时限', '牵头部门'], ['1', '任务', '', '区数据局']] })
    expect(m.issues.map(i => [i.code, i.row, i.column])).toEqual([['required_empty', 2, '完成时限']])
  })
})

describe('assembleDataset', () => {
  it('drops duplicate ids and dangling rectifications with a message each', async () => {
    const ds = await datasetFromTexts({
      '好差评.csv': '评价编号,被评价部门,评价时间,评价等级\nE1,A,2024-10-08,满意\nE1,A,2024-10-09,满意\n',
      '差评整改.csv': '评价编号,联系时间\nE1,2024-10-09\nE9,2024-10-09\n',
    })
    expect(ds.tables.evaluations.rows).toHaveLength(1)
    expect(ds.tables.rectifications.rows).toHaveLength(1)
    expect(ds.issues.map(i => [i.code, i.file, i.row, i.value])).toEqual([
      ['duplicate_id', '好差评.csv', 3, 'E1'],
      ['dangling_ref', '差评整改.csv', 3, 'E9'],
    ])
    expect(formatIssue(ds.issues[0]!, 'zh')).toBe('好差评.csv 第 3 行 「评价编号」列：编号「E1」重复（首次出现在第 2 行） [错误]')
  })
  it('keeps a record repeated in a second file once, with a warning naming where it was first', async () => {
    const ds = await datasetFromTexts({
      '好差评.csv': '评价编号,被评价部门,评价时间,评价等级\nE1,A,2024-10-08,不满意\nE2,A,2024-10-08,满意\n',
      '差评整改台账.csv': '评价编号,被评价部门,评价时间,评价等级,联系时间\nE1,A,2024-10-08,不满意,2024-10-09\nE2,B,2024-10-08,满意,\n',
    })
    expect(ds.tables.evaluations.rows).toHaveLength(2)
    expect(ds.issues.map(i => [i.severity, i.row, i.value])).toEqual([['warning', 2, 'E1'], ['error', 3, 'E2']])
    expect(formatIssue(ds.issues[0]!, 'zh')).toBe('差评整改台账.csv 第 2 行 「评价编号」列：编号「E1」与 好差评.csv 第 2 行是同一条记录，只计一次 [提示]')
    expect(formatIssue(ds.issues[1]!, 'en')).toBe('差评整改台账.csv, row 3, column "评价编号": id "E2" is duplicated (first seen in 好差评.csv, row 3) [error]')
  })
})

describe('assembleDataset at scale', () => {
  it('merges tables of hundreds of thousands of rows without overflowing the stack', () => {
    const spec = loadGrid({ fileName: '好差评.csv', grid: [['评价编号', '被评价部门', '评价时间', '评价等级'], ['E0', 'A', '2024-10-08', '满意']] })
    const template = spec.tables[0]!
    const many = (prefix: string) => {
      const rows = Array.from({ length: 300_000 }, (_, i) => {
        const r = [...template.rows[0]!]
        r[0] = `${prefix}${i}`
        return r
      })
      return { ...spec, tables: [{ ...template, rows }] }
    }
    const file = { name: 'x.csv', bytes: 0, sha256: '', loadedAt: '' }
    const ds = assembleDataset([{ result: many('E'), file }, { result: many('F'), file }])
    expect(ds.tables.evaluations.rows).toHaveLength(600_000)
  })
})

describe('assembleDataset leaves its inputs alone', () => {
  it('can assemble the same loaded files twice with the same result', () => {
    const r1 = loadGrid({ fileName: '好差评.csv', grid: [['评价编号', '被评价部门', '评价时间', '评价等级'], ['E1', 'A', '2024-10-08', '满意']] })
    const r2 = loadGrid({ fileName: '好差评2.csv', table: 'evaluations', grid: [['评价编号', '被评价部门', '评价时间', '评价等级'], ['E2', 'A', '2024-10-08', '满意']] })
    const file = { name: 'x.csv', bytes: 0, sha256: '', loadedAt: '' }
    const inputs = [{ result: r1, file }, { result: r2, file }]
    expect(assembleDataset(inputs).tables.evaluations.rows).toHaveLength(2)
    expect(assembleDataset(inputs).tables.evaluations.rows).toHaveLength(2)
    expect(r1.tables[0]!.rows).toHaveLength(1)
  })
})
