import { describe, expect, it } from 'vitest'
import { importFixture, rowsOf } from './helpers'

describe('a GBK CSV as Excel saves it', () => {
  it('decodes GB18030, reads Excel-style dates and quoted commas', async () => {
    const f = await importFixture('good/好差评-Excel另存.csv')
    expect(f.encoding).toBe('gb18030')
    expect(f.format).toBe('delimited')
    expect(f.grids[0]).toMatchObject({ table: 'evaluations', recognisedBy: 'columns', goodRows: 4, badRows: 0, errors: 0 })
    const rows = rowsOf(f, 'evaluations')
    expect(rows[0]).toMatchObject({ eval_id: 'G01', dept: '区市场监管局', rated_at: '2024-10-08 09:30:00', level: '5', named: 'true', _row: '2' })
    expect(rows[1]).toMatchObject({ comment: '等了很久,没人管', phone: '138****0000', level: '1' })
  })
})

describe('a WPS-style workbook', () => {
  it('reads every sheet with data and skips the empty one', async () => {
    const f = await importFixture('good/配档表-WPS.xlsx')
    expect(f.format).toBe('xlsx')
    expect(f.grids.map(g => [g.sheet, g.table, g.skipped])).toEqual([
      ['配档表', 'tasks', false],
      ['进展报送', 'task_progress', false],
      ['一件事效能', 'reform_baselines', false],
      ['填表说明', null, true],
    ])
    // The instructions sheet is a note, not an error, in a workbook with data.
    const notes = f.loaded.find(l => l.file.name.endsWith('[填表说明]'))!
    expect(notes.result.issues.map(i => [i.code, i.severity])).toEqual([['unknown_table', 'warning']])
  })

  it('finds the header below the title rows, joins the merged two-row header and keeps sheet row numbers', async () => {
    const f = await importFixture('good/配档表-WPS.xlsx')
    const g = f.grids.find(x => x.sheet === '配档表')!
    expect(g.headerRow).toBe(4)
    expect(g.headers).toEqual(['序号', '板块', '目标任务', '具体任务', '完成时限', '牵头部门', '责任单位', '备注'])
    const rows = rowsOf(f, 'tasks')
    expect(rows.map(r => r._row)).toEqual(['5', '6', '7', '8', '9'])
    expect(rows.map(r => r._file)).toEqual(Array.from({ length: 5 }, () => '配档表-WPS.xlsx [配档表]'))
  })

  it('fills cells merged down a block and reads date cells as China dates', async () => {
    const rows = rowsOf(await importFixture('good/配档表-WPS.xlsx'), 'tasks')
    expect(rows[1]).toMatchObject({ task_id: '2', section: '一、基础建设', goal: '梳理清单', lead_dept: '区数据局', deadline_text: '2024-09-20' })
    expect(rows.slice(2).map(r => r.section)).toEqual(['二、服务提升', '二、服务提升', '二、服务提升'])
    expect(rows[4]).toMatchObject({ lead_dept: '区政务服务中心', resp_depts: '各镇街', deadline_text: '长期坚持' })
  })

  it('turns Excel serials (date-formatted or General) into dates', async () => {
    const rows = rowsOf(await importFixture('good/配档表-WPS.xlsx'), 'task_progress')
    expect(rows.map(r => r.report_date)).toEqual(['2024-09-25', '2024-10-10', '2024-10-09', '2024-10-15'])
    expect(rows[0]!.done_date).toBe('2024-09-20')
    expect(rows.map(r => r._row)).toEqual(['3', '4', '5', '6'])
  })

  it('reads group labels over sub-labels in either order (材料数 over 改革前)', async () => {
    const f = await importFixture('good/配档表-WPS.xlsx')
    expect(f.grids.find(x => x.sheet === '一件事效能')!.headers).toEqual(['一件事名称', '改革前材料数', '改革后材料数', '改革前时限（工作日）', '改革后时限（工作日）', '改革前跑动次数', '改革后跑动次数'])
    expect(rowsOf(f, 'reform_baselines')[0]).toMatchObject({ bundle_name: '企业开办一件事', materials_before: '10', materials_after: '3', time_before_wd: '20', time_after_wd: '5', trips_before: '3', trips_after: '0', _row: '4' })
  })
})

describe('a Word table with merged cells', () => {
  it('expands vMerge and gridSpan, joins wrapped cells, skips layout tables', async () => {
    const f = await importFixture('good/一件事清单.docx')
    expect(f.grids.map(g => [g.sheet, g.table, g.headerRow])).toEqual([['表1', 'bundles', 2]])
    expect(f.grids[0]!.headers).toEqual(['序号', '“一件事”名称', '牵头部门', '涉及事项', '联办部门'])
    const rows = rowsOf(f, 'bundles')
    expect(rows.map(r => [r.bundle_name, r.lead_dept, r.member_matter, r.member_dept, r._row])).toEqual([
      ['企业开办一件事', '区市场监管局', '企业设立登记', '区市场监管局', '3'],
      ['企业开办一件事', '区市场监管局', '社保登记', '区人社局、区医保局', '4'],
      ['新生儿出生一件事', '区卫健局', '出生医学证明', '区卫健局', '5'],
      ['退休一件事', '区人社局', '退休审批', '区人社局', '6'],
      ['退休一件事', '区人社局', '医保待遇核定', '区医保局', '7'],
    ])
    // The document's file name also names the table, but here the columns already did.
    expect(f.grids[0]!.recognisedBy).toBe('columns')
  })
})

describe('Parquet, JSON, JSON Lines and UTF-16 text', () => {
  it('reads Parquet timestamps as China time', async () => {
    const f = await importFixture('good/applications.parquet')
    expect(f.grids[0]).toMatchObject({ table: 'applications', goodRows: 4 })
    expect(rowsOf(f, 'applications')[0]).toMatchObject({ app_id: 'A1', submitted_at: '2024-09-27 09:00:00', promised_wd: '3', channel: '窗口' })
  })
  it('reads an array of records, numbers as text', async () => {
    const f = await importFixture('good/事项清单.json')
    expect(f.grids[0]).toMatchObject({ table: 'matters', goodRows: 3 })
    expect(rowsOf(f, 'matters')[0]).toMatchObject({ matter_name: '企业设立登记', matter_code: '11370100', _row: '2' })
  })
  it('reads JSON Lines with offsets converted', async () => {
    const rows = rowsOf(await importFixture('good/差评整改.jsonl'), 'rectifications')
    expect(rows[1]).toMatchObject({ eval_id: 'G03', contacted_at: '2024-10-12 09:00:00', complex: 'true', _row: '3' })
  })
  it('reads Excel "Unicode text" (UTF-16 LE, tabs)', async () => {
    const f = await importFixture('good/本地日历调整.txt')
    expect(f.encoding).toBe('utf-16le')
    expect(rowsOf(f, 'calendar_adjustments')[0]).toMatchObject({ date: '2024-10-12', workday: 'true' })
  })
})

describe('malformed files', () => {
  it.each([
    ['malformed/截断.xlsx', 'Excel'],
    ['malformed/截断.docx', 'Word'],
    ['malformed/截断.parquet', 'Parquet'],
    ['malformed/语法错误.json', 'JSON'],
    ['malformed/乱码.csv', 'text'],
  ])('%s gives a typed unreadable issue naming the file', async (rel, what) => {
    const f = await importFixture(rel)
    const issues = f.loaded.flatMap(l => l.result.issues)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ severity: 'error', code: 'unreadable', file: rel.split('/')[1] })
    expect(issues[0]!.detail).toContain(what)
    expect(f.grids).toEqual([])
  })

  it('a Word document without a table says so', async () => {
    const f = await importFixture('malformed/没有表格.docx')
    expect(f.loaded.flatMap(l => l.result.issues).map(i => i.code)).toEqual(['empty_file'])
  })

  it('a JSON Lines file with a bad line keeps the good lines and names the bad one', async () => {
    const f = await importFixture('malformed/坏行.jsonl')
    const issues = f.loaded.flatMap(l => l.result.issues)
    expect(issues.map(i => [i.code, i.row])).toEqual([['bad_date', 4], ['unreadable', 3]])
    expect(f.grids[0]).toMatchObject({ table: 'task_progress', goodRows: 1, badRows: 1 })
  })

  it('bad values in a workbook name the sheet, its row and the column', async () => {
    const f = await importFixture('malformed/坏值.xlsx')
    const issues = f.loaded.flatMap(l => l.result.issues)
    expect(issues.map(i => [i.code, i.sheet, i.row, i.column, i.value])).toEqual([
      ['bad_datetime', '好差评', 3, '评价时间', 'not a date'],
      ['required_empty', '好差评', 4, '被评价部门', undefined],
      ['bad_datetime', '好差评', 5, '评价时间', '-3'],
    ])
    expect(rowsOf(f, 'evaluations')[0]).toMatchObject({ eval_id: 'G01', rated_at: '2024-10-08 09:00:00' })
  })

  it('a CSV with bad values and an open quote loads its good rows', async () => {
    const f = await importFixture('malformed/坏值.csv')
    const issues = f.loaded.flatMap(l => l.result.issues)
    expect(issues.map(i => [i.code, i.row])).toEqual([['bad_datetime', 3], ['bad_level', 4], ['required_empty', 6], ['csv_syntax', 7]])
    expect(f.grids[0]).toMatchObject({ goodRows: 3, badRows: 3 })
  })
})
