// Real office files (test/fixtures/office, written by LibreOffice Calc and a second writer)
// hold the data of the plain tables in data/sample-2024-10, laid out as district offices hand
// them over. Each must give exactly the plain table's figures, through the command line and
// through the app's import path alike — or be refused by name.

import type { SkippedCounts } from '../../../src/ingest/table/layout-rows'
import type { FileImport } from '../../../src/ingest/import/types'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT, runCli } from '../../../src/cli/main'
import { ingestFiles } from '../../../src/ingest'
import { datasetOf } from '../../../src/ingest/import/assemble'
import { describeGrid, refusals } from '../../../src/ingest/import/describe'
import { isSupportedFile } from '../../../src/ingest/import/formats'
import { readDataDir } from '../../../src/ingest/node/load-dir'
import { readAnyFile } from '../../../src/ingest/import/read'
import { loadGrid } from '../../../src/ingest/table/table'
import { capturingIO } from '../../helpers/cli-io'
import { analysisOf } from '../../helpers/db'
import { NOW } from './helpers'

const SAMPLE = new URL('../../../data/sample-2024-10/', import.meta.url).pathname
const OFFICE = new URL('../../fixtures/office/files/', import.meta.url).pathname
const AS_OF = '2024-10-16'
const tmp = mkdtempSync(join(tmpdir(), 'duban-office-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

async function run(argv: string[]): Promise<{ code: number, out: string, err: string }> {
  const c = capturingIO()
  const code = await runCli(argv, c.io)
  return { code, out: c.out(), err: c.err() }
}

/** The sample folder with one plain table replaced by files of another layout. */
function mkfolder(name: string, replaces: string, files: Record<string, Uint8Array | string>): string {
  const dir = join(tmp, name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir)
  for (const n of readdirSync(SAMPLE)) {
    if (n !== replaces && n !== 'README.md')
      copyFileSync(join(SAMPLE, n), join(dir, n))
  }
  for (const [n, bytes] of Object.entries(files))
    writeFileSync(join(dir, n), bytes)
  return dir
}

async function cliMetrics(dir: string, extra: string[] = []): Promise<unknown> {
  const r = await run(['metrics', '--data', dir, '--as-of', AS_OF, '--format', 'json', ...extra])
  expect(r.err).not.toMatch(/错误|\[error\]/)
  expect(r.code).toBe(EXIT.ok)
  return JSON.parse(r.out)
}

/** The app's path: the files as dropped on the data page, imported in the worker's code, assembled. */
async function appImport(dir: string): Promise<FileImport[]> {
  const names = readdirSync(dir).filter(isSupportedFile).sort()
  return (await ingestFiles(names.map(n => ({ name: n, bytes: new Uint8Array(readFileSync(join(dir, n))) })), { now: NOW })).files
}

async function appMetrics(dir: string, files: FileImport[]): Promise<unknown> {
  const ds = datasetOf(files)
  // The app keeps the plan year from the data set's metadata as the command line does.
  ds.plan = { ...ds.plan, ...JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) as object }
  const a = await analysisOf(ds)
  return JSON.parse(JSON.stringify(await a.metrics({ asOf: AS_OF, month: null, dept: null, bundle: null, region: null, channel: null })))
}

interface Layout {
  file: string
  replaces: string
  sheet?: string
  table: string
  header: [number, number]
  data: [number, number]
  skipped?: SkippedCounts
}

const LAYOUTS: Layout[] = [
  { file: '好差评-两行表头.xlsx', replaces: '好差评.csv', table: 'evaluations', header: [3, 4], data: [5, 25], skipped: { blank: 1, note: 2, signature: 1 } },
  { file: '好差评-两行表头.xls', replaces: '好差评.csv', table: 'evaluations', header: [3, 4], data: [5, 25], skipped: { blank: 1, note: 2, signature: 1 } },
  { file: '好差评-小计合计.xlsx', replaces: '好差评.csv', table: 'evaluations', header: [3, 3], data: [4, 25], skipped: { subtotal: 2, total: 1, note: 2, blank: 1, signature: 1 } },
  { file: '好差评-Unicode文本.txt', replaces: '好差评.csv', table: 'evaluations', header: [2, 2], data: [3, 23], skipped: { total: 1, note: 1 } },
  { file: 'XX区2024年10月好差评差评整改台账.csv', replaces: '好差评.csv', table: 'evaluations', header: [1, 1], data: [2, 22] },
  { file: 'XX区2024年10月差评整改台账.xlsx', sheet: '差评整改台账', replaces: '好差评.csv', table: 'evaluations', header: [1, 1], data: [2, 22] },
  { file: '配档表-目标任务合并.xlsx', replaces: '配档表.csv', table: 'tasks', header: [2, 2], data: [3, 13], skipped: { total: 1, note: 1, signature: 1 } },
  { file: '配档表-目标任务合并.ods', replaces: '配档表.csv', table: 'tasks', header: [2, 2], data: [3, 13], skipped: { total: 1, note: 1, signature: 1 } },
  { file: '改革前后对比-合计.xlsx', replaces: '改革前后对比.csv', table: 'reform_baselines', header: [2, 3], data: [4, 6], skipped: { total: 1 } },
  { file: '改革前后对比-合计.et', replaces: '改革前后对比.csv', table: 'reform_baselines', header: [2, 3], data: [4, 6], skipped: { total: 1 } },
  { file: '改革前后对比-无标签合计.xlsx', replaces: '改革前后对比.csv', table: 'reform_baselines', header: [1, 1], data: [2, 4], skipped: { total: 1 } },
]

let plain: unknown
beforeAll(async () => {
  plain = await cliMetrics(SAMPLE)
})

describe('office layouts give the plain table\'s figures', () => {
  for (const l of LAYOUTS) {
    it(`${l.file}: same figures through duban metrics and the app, same rows, non-data rows skipped by kind`, async () => {
      const dir = mkfolder(l.file.replace(/\W/g, '_'), l.replaces, { [l.file]: readFileSync(join(OFFICE, l.file)) })
      const cli = await cliMetrics(dir)
      expect(cli).toEqual(plain)
      const files = await appImport(dir)
      expect(await appMetrics(dir, files)).toEqual(plain)

      // The same tables, rows and skipped rows through the command line's reader.
      const { files: cliFiles, dataset: cliDataset } = await readDataDir(dir, NOW)
      expect(cliDataset.plan).toBeDefined()
      const strip = (f: FileImport[]) => f.map(x => ({ name: x.name, grids: x.grids.map(g => ({ ...g, samples: undefined })) }))
      expect(strip(cliFiles)).toEqual(strip(files))
      expect(datasetOf(cliFiles).tables).toEqual(datasetOf(files).tables)

      const f = files.find(x => x.name === l.file)!
      const g = f.grids.find(x => l.sheet === undefined || x.sheet === l.sheet)!
      expect(g).toMatchObject({ table: l.table, recognisedBy: 'columns', headerRows: { first: l.header[0], last: l.header[1] }, dataRows: { first: l.data[0], last: l.data[1] }, badRows: 0, errors: 0 })
      expect(g.skippedRows ?? {}).toEqual(l.skipped ?? {})
      expect(refusals(files)).toEqual([])
      // No 合计/小计 row ever becomes data.
      for (const t of Object.values(datasetOf(files).tables)) {
        for (const row of t.rows)
          expect(row.some(v => v !== null && /^(?:小计|合计|总计)$|条$/.test(v))).toBe(false)
      }
    })
  }

  // The same sheets as Excel's "CSV (逗号分隔)" writes them: merges undone, a merged value in its first cell only.
  for (const l of LAYOUTS.filter(x => /\.(?:xlsx|xls|ods|et)$/.test(x.file))) {
    it(`${l.file} saved as CSV, as Unicode text and as an HTML table gives the same figures`, async () => {
      const { read, utils } = await import('@e965/xlsx')
      const wb = read(readFileSync(join(OFFICE, l.file)), { type: 'buffer' })
      const csv = utils.sheet_to_csv(wb.Sheets[l.sheet ?? wb.SheetNames[0]!]!)
      const dir = mkfolder(`${l.file.replace(/\W/g, '_')}-csv`, l.replaces, { [l.file.replace(/\.\w+$/, '.csv')]: csv })
      expect(await cliMetrics(dir)).toEqual(plain)
      // And as "Unicode 文本": UTF-16LE with a BOM, tab-separated.
      const tsv = utils.sheet_to_csv(wb.Sheets[l.sheet ?? wb.SheetNames[0]!]!, { FS: '\t' })
      const utf16 = new Uint8Array(Buffer.from(`\uFEFF${tsv}`, 'utf16le'))
      const tdir = mkfolder(`${l.file.replace(/\W/g, '_')}-txt`, l.replaces, { [l.file.replace(/\.\w+$/, '.txt')]: utf16 })
      expect(await cliMetrics(tdir)).toEqual(plain)
      // And as the "Excel" many web platforms export: an HTML table (merges as colspan/rowspan) named .xls.
      const html = utils.sheet_to_html(wb.Sheets[l.sheet ?? wb.SheetNames[0]!]!)
      const hdir = mkfolder(`${l.file.replace(/\W/g, '_')}-html`, l.replaces, { [l.file.replace(/\.\w+$/, '-网页导出.xls')]: html })
      expect(await cliMetrics(hdir)).toEqual(plain)
    })
  }

  it('a 整改台账 repeating the bad evaluations next to the full 好差评 log changes no figure', async () => {
    const text = new TextDecoder('gb18030').decode(readFileSync(join(SAMPLE, '好差评.csv')))
    const [head, ...rows] = text.trim().split(/\r?\n/)
    const ledger = [head, ...rows.filter(r => r.startsWith('B'))].join('\n')
    const dir = mkfolder('ledger-beside-log', '', { 'XX区2024年10月差评整改台账.csv': ledger })
    expect(await cliMetrics(dir)).toEqual(plain)
    const ds = datasetOf(await appImport(dir))
    expect(ds.issues.filter(i => i.code === 'duplicate_id').map(i => i.severity)).toEqual(Array.from({ length: 11 + 7 }, () => 'warning')) // 11 evaluations, 7 of them with rectification values
  })

  it('the merged 配档表 saved as CSV (values only in each block\'s first row) gives the plain figures', async () => {
    // What Excel's "CSV (逗号分隔)" writes for 配档表-目标任务合并.xlsx: merged cells keep their value in the first row only.
    const merged = await readAnyFile('配档表.xlsx', new Uint8Array(readFileSync(join(OFFICE, '配档表-目标任务合并.xlsx'))))
    const raw = (await import('@e965/xlsx')).read(readFileSync(join(OFFICE, '配档表-目标任务合并.xlsx')), { type: 'buffer' })
    const csv = (await import('@e965/xlsx')).utils.sheet_to_csv(raw.Sheets[raw.SheetNames[0]!]!)
    expect(csv.split('\n')[3]).toMatch(/^2,,,编制办事指南/)
    expect(merged.grids).toHaveLength(1)
    const dir = mkfolder('schedule-csv', '配档表.csv', { '配档表-合并另存.csv': csv })
    expect(await cliMetrics(dir)).toEqual(plain)
    // A new 板块 does not inherit the last 目标任务.
    const r = loadGrid({ fileName: '配档表.csv', grid: [['序号', '板块', '目标任务', '具体任务', '完成时限', '牵头部门'], ['1', '一', '甲', 'a', '9月底前', '区数据局'], ['2', '', '', 'b', '9月底前', '区数据局'], ['3', '二', '', 'c', '9月底前', '区数据局']] })
    const t = r.tables[0]!
    expect(t.rows.map(row => [row[t.columns.indexOf('section')], row[t.columns.indexOf('goal')]])).toEqual([['一', '甲'], ['一', '甲'], ['二', null]])
  })

  it('a 改革前后对比 合计 row never becomes a bundle', async () => {
    const dir = mkfolder('reform-total', '改革前后对比.csv', { '改革前后对比-合计.xlsx': readFileSync(join(OFFICE, '改革前后对比-合计.xlsx')) })
    const m = await cliMetrics(dir) as { reduction: { bundles: Array<{ bundle_name: string }> } }
    expect(m.reduction.bundles.map(b => b.bundle_name).sort()).toEqual(['企业开办一件事', '新生儿出生一件事', '退休一件事'])
  })

  it('validate says which rows were the header and the data, why this table, and what it skipped', async () => {
    const r = await run(['validate', join(OFFICE, '好差评-两行表头.xlsx'), join(OFFICE, '好差评-小计合计.xlsx')])
    expect(r.out).toContain('好差评-两行表头.xlsx [好差评]: evaluations · 有效行 21 · 问题行 0')
    expect(r.out).toContain('表头：第3–4行；数据：第5–25行 · 按列识别：评价编号、被评价部门、评价时间… · 跳过 4 行：注 2、签名栏 1、空行 1')
    expect(r.out).toContain('跳过 7 行：小计 2、合计 1、注 2、签名栏 1、空行 1')
    const en = await run(['validate', '--lang', 'en', join(OFFICE, '改革前后对比-合计.et')])
    expect(en.out).toContain('header: rows 2–3; data: rows 4–6 · by its columns: 一件事名称, 改革前材料数, 改革后材料数… · skipped 1 row: totals 1')
  })
})

describe('duban metrics refuses what it cannot read (exit 3)', () => {
  const docx = () => readFileSync(new URL('../../fixtures/import/good/一件事清单.docx', import.meta.url))

  it('names an empty file, a Word document saved as .xlsx and a table that lost every row', async () => {
    const dir = mkfolder('refuse', '好差评.csv', {
      '好差评.csv': '评价编号,被评价部门,评价时间,评价等级\n',
      '办件明细.xlsx': docx(),
      '差评整改.csv': '评价编号,联系时间,核实结果\nG01,昨天,可能\nG02,前天,也许\n',
    })
    const r = await run(['metrics', '--data', dir, '--as-of', AS_OF, '--format', 'json'])
    expect(r.code).toBe(EXIT.data)
    expect(r.out).toBe('')
    expect(r.err).toContain('好差评.csv：没有数据行')
    expect(r.err).toContain('办件明细.xlsx：无法读取')
    expect(r.err).toContain('差评整改.csv：已识别的表没有一行可用')
    const report = await run(['report', '--data', dir, '--month', '2024-10', '--out', join(tmp, 'site')])
    expect(report.code).toBe(EXIT.data)
    expect(report.err).toContain('办件明细.xlsx')

    const skip = await run(['metrics', '--data', dir, '--as-of', AS_OF, '--format', 'json', '--skip-unreadable', '--lang', 'en'])
    expect(skip.code).toBe(EXIT.ok)
    expect(skip.err).toContain('skipped: 办件明细.xlsx, 好差评.csv, 差评整改.csv')
    expect((JSON.parse(skip.out) as { tables: Record<string, number> }).tables.evaluations).toBe(0)
  })

  it('names a zero-byte file, a blank one and an unrecognised one', async () => {
    const { files } = await ingestFiles([['好差评.csv', ''], ['空白.csv', '\n\n'], ['好差评.xlsx', ''], ['备忘.txt', 'hello\nworld\n']].map(([name, text]) => ({ name: name!, bytes: new TextEncoder().encode(text) })), { now: NOW })
    expect(refusals(files).map(r => [r.file, r.kind])).toEqual([['好差评.csv', 'empty'], ['空白.csv', 'empty'], ['好差评.xlsx', 'empty'], ['备忘.txt', 'unknown']])
  })

  it('refuses an empty folder', async () => {
    const dir = join(tmp, 'empty')
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir)
    expect((await run(['metrics', '--data', dir])).code).toBe(EXIT.data)
  })

  it('refuses columns several tables fit equally, naming them, and reads the file with --table', async () => {
    const tie = '序号,具体任务,完成时限,牵头部门,报送日期,状态,完成日期\n1,梳理清单,9月底前,区数据局,2024-09-25,已完成,2024-09-20\n'
    const dir = mkfolder('tie', '进展报送.csv', { '导出.csv': tie })
    const r = await run(['metrics', '--data', dir, '--as-of', AS_OF])
    expect(r.code).toBe(EXIT.data)
    expect(r.err).toContain('导出.csv：列名同样符合多张表，请用 --table 文件名=表名 指定（tasks、task_progress）')
    const chosen = await run(['metrics', '--data', dir, '--as-of', AS_OF, '--format', 'json', '--table', '导出.csv=进展报送'])
    expect(chosen.code).toBe(EXIT.ok)
    expect((JSON.parse(chosen.out) as { tables: Record<string, number> }).tables.task_progress).toBe(1)
    expect((await run(['metrics', '--data', dir, '--table', '导出.csv=nothing'])).code).toBe(EXIT.usage)
    // In a workbook, --table speaks for the sheets that can be that table, not for its 说明 sheet.
    const wb = mkfolder('table-workbook', '好差评.csv', { '台账.xlsx': readFileSync(join(OFFICE, 'XX区2024年10月差评整改台账.xlsx')) })
    expect(await cliMetrics(wb, ['--table', '台账.xlsx=evaluations'])).toEqual(plain)
  })

  it('the data page\'s description names the candidates too', async () => {
    const { files } = await ingestFiles([{ name: '导出.csv', bytes: new TextEncoder().encode('序号,具体任务,完成时限,牵头部门,报送日期,状态,完成日期\n1,a,9月底前,区数据局,2024-09-25,已完成,\n') }], { now: NOW })
    expect(files[0]!.grids[0]).toMatchObject({ table: null, needsMapping: true, skipped: false, candidates: ['tasks', 'task_progress'] })
    expect(describeGrid(files[0]!.grids[0]!, 'zh')).toContain('列名同样符合：配档表（tasks）、进展报送（task_progress），请选择')
  })
})
