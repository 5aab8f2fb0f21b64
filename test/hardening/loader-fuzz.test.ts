import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TABLES } from '../../src/domain/contract/tables'
import { assembleDataset } from '../../src/ingest/dataset/dataset'
import { ingestFiles } from '../../src/ingest'
import { formatIssue } from '../../src/ingest/table/issues'
import { loadGrid } from '../../src/ingest/table/table'
import { normaliseCell } from '../../src/ingest/table/values'
import { analysisOf, datasetFromTexts } from '../helpers/db'

const KINDS = ['text', 'int', 'number', 'date', 'datetime', 'level', 'bool', 'verdict', 'channel', 'task_status'] as const
// Headers users really send, so random grids reach the per-cell code, not just "unknown table".
const HEADERS = TABLES.flatMap(t => t.columns.flatMap(c => [c.name, ...c.aliases]))

/** One file through the app's ingest path: its own issues and row counts. */
async function loadOne(name: string, bytes: Uint8Array) {
  const loaded = (await ingestFiles([{ name, bytes }])).files.flatMap(f => f.loaded)
  return { issues: loaded.flatMap(l => l.result.issues), goodRows: loaded.reduce((n, l) => n + l.result.goodRows, 0), badRows: loaded.reduce((n, l) => n + l.result.badRows, 0) }
}

describe('the loader never crashes on hostile input', () => {
  it('random bytes under any file name give rows or typed issues (3,000 cases)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.uint8Array({ maxLength: 600 }),
      fc.constantFrom('好差评.csv', '配档表.csv', 'x.csv', '办件.tsv', '差评整改.txt'),
      async (bytes, name) => {
        const r = await loadOne(name, bytes)
        for (const i of r.issues) {
          expect(typeof formatIssue(i, 'zh')).toBe('string')
          expect(typeof formatIssue(i, 'en')).toBe('string')
        }
        expect(r.goodRows + r.badRows).toBeGreaterThanOrEqual(0)
      },
    ), { numRuns: 3000 })
  })

  it('random grids with real headers load or explain, and assemble (3,000 cases)', () => {
    fc.assert(fc.property(
      fc.array(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 8 }),
      fc.array(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', '2024-10-08', '满意', '是', '属实', '已完成', '45596', '-1', '1e309')), { maxLength: 8 }), { maxLength: 12 }),
      (header, body) => {
        const r = loadGrid({ fileName: 'fuzz.csv', grid: [header, ...body] })
        const ds = assembleDataset([{ result: r, file: { name: 'fuzz.csv', bytes: 0, sha256: '', loadedAt: '' } }])
        for (const t of Object.values(ds.tables)) {
          for (const row of t.rows)
            expect(row).toHaveLength(t.columns.length)
        }
        expect(ds.issues.every(i => i.file === 'fuzz.csv')).toBe(true)
      },
    ), { numRuns: 3000 })
  })

  it('every cell kind accepts any value without throwing (2,000 cases)', () => {
    fc.assert(fc.property(fc.constantFrom(...KINDS), fc.oneof(fc.string(), fc.double(), fc.integer()), (kind, v) => {
      const r = normaliseCell(v, kind)
      expect(typeof r.ok).toBe('boolean')
    }), { numRuns: 2000 })
  })

  it('a 1 MB line and a header-only file give messages, not crashes', async () => {
    const long = new TextEncoder().encode(`评价编号,被评价部门,评价时间,评价等级\nE1,${'长'.repeat(350_000)},2024-10-08,满意\n`)
    const r = await loadOne('好差评.csv', long)
    expect(r.goodRows).toBe(1)
    const headerOnly = await loadOne('好差评.csv', new TextEncoder().encode('评价编号,被评价部门,评价时间,评价等级\n'))
    expect(headerOnly.issues.map(i => i.code)).toEqual(['empty_file'])
    const empty = await loadOne('好差评.csv', new Uint8Array())
    expect(empty.issues.map(i => i.code)).toEqual(['empty_file'])
    const dup = await loadOne('好差评.csv', new TextEncoder().encode('评价编号,评价编号,被评价部门,评价时间,评价等级\nE1,E2,A,2024-10-08,满意\n'))
    expect(dup.issues.map(i => i.code)).toEqual(['duplicate_header'])
    expect(dup.goodRows).toBe(1)
  })
})

describe('spreadsheet numbers in date cells', () => {
  it('an Excel serial out of range is a bad date, not a crash', () => {
    expect(normaliseCell(-1, 'datetime')).toEqual({ ok: false, code: 'bad_datetime' })
    expect(normaliseCell(Number.NaN, 'date')).toEqual({ ok: false, code: 'bad_date' })
    expect(normaliseCell(3e6, 'date')).toEqual({ ok: false, code: 'bad_date' })
    expect(normaliseCell(Number.POSITIVE_INFINITY, 'int')).toEqual({ ok: false, code: 'bad_number' })
    expect(normaliseCell(Number.POSITIVE_INFINITY, 'text')).toEqual({ ok: true, value: 'Infinity' })
  })
})

describe('a number too large for its column', () => {
  it('is a bad number naming file, row and column, and the other rows load into the engine', async () => {
    // A phone number typed into 提交材料数: it once failed the whole load in the engine's insert.
    const ds = await datasetFromTexts({ '办件.csv': 'app_id,dept,submitted_at,materials\nA1,东区,2024-03-01 09:00:00,3\nA2,东区,2024-03-01 09:00:00,13912345678\n' })
    expect(ds.issues.filter(i => i.severity === 'error')).toEqual([{ severity: 'error', code: 'bad_number', file: '办件.csv', row: 3, column: 'materials', value: '13912345678' }])
    const a = await analysisOf(ds)
    try {
      expect(await a.db.query('SELECT app_id, materials FROM applications')).toEqual([{ app_id: 'A1', materials: 3 }])
    }
    finally {
      await a.db.close()
    }
  }, 60_000)
})
