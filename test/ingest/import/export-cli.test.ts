import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import JSZip from 'jszip'
import { afterAll, describe, expect, it } from 'vitest'
import { EXIT, runCli } from '../../../src/cli/main'
import { escapeForBundle, restoreFormula } from '../../../src/ingest/import/bundle'
import { ingestFiles } from '../../../src/ingest'
import { exportBundle } from '../../../src/ingest/import/export'
import { neutraliseFormula } from '../../../src/domain/text/csv-export'
import { loadDataDir } from '../../../src/ingest/node/load-dir'
import { FIXTURES, NOW, rowsOf } from './helpers'
import { capturingIO } from '../../helpers/cli-io'

async function run(argv: string[]): Promise<{ code: number, out: string, err: string }> {
  const c = capturingIO()
  const code = await runCli(argv, c.io)
  return { code, out: c.out(), err: c.err() }
}

const GOOD = join(FIXTURES, 'good')
const tmp = mkdtempSync(join(tmpdir(), 'duban-export-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('duban validate on every format', () => {
  it('accepts the good fixtures (exit 0), one line per table', async () => {
    const r = await run(['validate', ...readdirSync(GOOD).sort().map(n => join(GOOD, n)), '--lang', 'en'])
    expect(r.code).toBe(EXIT.ok)
    expect(r.out).toContain('配档表-WPS.xlsx [配档表]: tasks · good rows 5 · bad rows 0')
    expect(r.out).toContain('一件事清单.docx [表1]: bundles · good rows 5')
    expect(r.out).toContain('好差评-Excel另存.csv: evaluations · good rows 4 · bad rows 0 · gb18030')
    expect(r.out).toContain('applications.parquet: applications · good rows 4')
  })

  it('rejects the malformed ones (exit 1), naming each file', async () => {
    const dir = join(FIXTURES, 'malformed')
    const names = readdirSync(dir).sort()
    const r = await run(['validate', ...names.map(n => join(dir, n)), '--lang', 'zh'])
    expect(r.code).toBe(EXIT.invalid)
    for (const n of names)
      expect(r.out).toContain(n)
    expect(r.out).toContain('坏值.xlsx 工作表「好差评」 第 3 行 「评价时间」列')
  })
})

describe('duban metrics on a folder of mixed formats', () => {
  it('loads every supported extension in the folder', async () => {
    const r = await run(['metrics', '--data', GOOD, '--as-of', '2024-10-16', '--format', 'json'])
    expect(r.code).toBe(EXIT.ok)
    const m = JSON.parse(r.out) as { tables: Record<string, number>, bundles_count: number }
    expect(m.tables).toMatchObject({ tasks: 5, task_progress: 4, bundles: 5, applications: 4, evaluations: 4, rectifications: 2, reform_baselines: 3, matters: 3 })
    expect(m.bundles_count).toBe(3)
  })
})

describe('the export bundle', () => {
  it('reads back as the same tables, zipped in the browser or unzipped by duban', async () => {
    const original = await loadDataDir(GOOD, NOW)
    // Unmasked by choice: the round trip is exact only with the personal columns kept.
    const zipBytes = await exportBundle(original, '2024-10-16T02:00:00.000Z', '测试', { includePersonal: true })
    // Zipped: the importer reads the bundle as one file.
    const back = (await ingestFiles([{ name: 'duban-导出.zip', bytes: zipBytes }], { now: NOW })).dataset
    expect(back.issues.filter(i => i.severity === 'error')).toEqual([])
    for (const t of Object.keys(original.tables) as Array<keyof typeof original.tables>) {
      const strip = (rows: Array<Record<string, string>>) => rows.map(({ _file: _f, _row: _r, ...rest }) => rest)
      expect(strip(rowsOf(back, t)), t).toEqual(strip(rowsOf(original, t)))
    }
    // Unzipped: a data folder for `duban metrics`, with the same figures.
    const zip = await JSZip.loadAsync(zipBytes)
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { format: string, tables: Array<{ table: string, rows: number }> }
    expect(manifest.format).toBe('duban-export')
    expect(manifest.tables.find(t => t.table === 'tasks')!.rows).toBe(5)
    for (const f of Object.values(zip.files))
      writeFileSync(join(tmp, f.name), await f.async('uint8array'))
    const a = await run(['metrics', '--data', GOOD, '--as-of', '2024-10-16', '--format', 'json'])
    const b = await run(['metrics', '--data', tmp, '--as-of', '2024-10-16', '--format', 'json'])
    expect(b.code).toBe(EXIT.ok)
    expect(JSON.parse(b.out)).toEqual(JSON.parse(a.out))
  })
})

describe('formula-like cells in the bundle', () => {
  it('are quoted for Excel and read back as they were, zipped or unzipped', async () => {
    const csv = '评价编号,被评价部门,评价时间,评价等级,评价内容,备注\nG1,区人社局,2024-10-08 09:00,满意,"=HYPERLINK(""http://x"",""点我"")",-5\nG2,区人社局,2024-10-08 10:00,满意,@SUM(A1),\'=已带引号\n'
    const original = (await ingestFiles([{ name: '好差评.csv', bytes: new TextEncoder().encode(csv) }], { now: NOW })).dataset
    const zipBytes = await exportBundle(original, '2024-10-16T02:00:00.000Z')
    const text = await (await JSZip.loadAsync(zipBytes)).file('evaluations.csv')!.async('string')
    expect(text).toContain('\'=HYPERLINK')
    expect(text).toContain('\'@SUM(A1)')
    const back = (await ingestFiles([{ name: 'b.zip', bytes: zipBytes }], { now: NOW })).dataset
    const strip = (rows: Array<Record<string, string>>) => rows.map(({ _file: _f, _row: _r, ...rest }) => rest)
    expect(strip(rowsOf(back, 'evaluations'))).toEqual(strip(rowsOf(original, 'evaluations')))
    expect(JSON.parse(rowsOf(back, 'evaluations')[0]!.extra!)).toEqual({ 备注: '-5' })
    const dir = mkdtempSync(join(tmpdir(), 'duban-bundle-'))
    try {
      const zip = await JSZip.loadAsync(zipBytes)
      for (const f of Object.values(zip.files))
        writeFileSync(join(dir, f.name), await f.async('uint8array'))
      expect(strip(rowsOf(await loadDataDir(dir, NOW), 'evaluations'))).toEqual(strip(rowsOf(original, 'evaluations')))
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('bundle quoting', () => {
  it('round-trips any text exactly', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.constantFrom('=1', '\'=1', '\'\'=1', '-5', '\'-5', '+5', '@a', '\t=x', '\'', '\'abc')), (v) => {
      const written = neutraliseFormula(escapeForBundle(v)!)
      expect(restoreFormula(written)).toBe(v)
    }), { numRuns: 2000 })
  })
})
