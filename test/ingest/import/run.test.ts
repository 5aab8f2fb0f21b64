import type { GridSource } from '../../../src/ingest/table/table'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { choiceFromColumns, shapeSignature } from '../../../src/ingest/import/mapping'
import { datasetOf, inferAsOf } from '../../../src/ingest/import/assemble'
import { ingestFiles } from '../../../src/ingest'
import { loadGridChunked } from '../../../src/ingest/import/run'
import { loadGrid } from '../../../src/ingest/table/table'
import { bytesOf, importFixture, NOW, rowsOf } from './helpers'

describe('validation in slices', () => {
  it('gives exactly what one loadGrid call gives, progress included', () => {
    const cell = fc.oneof(fc.constantFrom('', '满意', '非常不满意', '7', '2024-10-08 09:00', '2024-13-40', '区人社局', 'G1', 'G2'), fc.string({ maxLength: 4 }))
    const header = fc.constantFrom(['评价编号', '被评价部门', '评价时间', '评价等级', '评价编号'], ['a', 'b'], ['评价编号', '被评价部门', '评价时间', '评价等级', '联系时间', '核实结果'])
    fc.assert(fc.property(header, fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 40 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 3 }), (h, rows, chunk, titleRows) => {
      const src: GridSource = { fileName: '好差评.csv', grid: [...Array.from({ length: titleRows }, () => ['标题']), [...h], ...rows], headerIndex: titleRows, firstRowNumber: 3 }
      const seen: number[] = []
      const sliced = loadGridChunked(src, done => seen.push(done), chunk)
      expect(sliced).toEqual(loadGrid(src))
      expect(seen.at(-1)).toBe(rows.length)
    }), { numRuns: 200 })
  })
})

describe('mapping', () => {
  it('asks for a mapping when neither the name nor the columns say which table', async () => {
    const f = await importFixture('mapping/平台导出-202410.csv')
    expect(f.grids[0]).toMatchObject({ table: null, needsMapping: true, headers: ['单号', '评价部门名称', '评价日期时间', '满意度', '意见'] })
    expect(f.grids[0]!.samples[0]).toEqual(['P01', '区人社局', '2024-10-08 09:00', '满意', ''])
  })

  it('loads with the user\'s mapping and remembers it for a file of the same shape', async () => {
    const f = await importFixture('mapping/平台导出-202410.csv')
    const g = f.grids[0]!
    const choice = choiceFromColumns('evaluations', g.headers, ['eval_id', 'dept', 'rated_at', 'level', 'comment'])
    const mapped = await importFixture('mapping/平台导出-202410.csv', { byGrid: { [g.key]: choice } })
    expect(mapped.grids[0]).toMatchObject({ table: 'evaluations', recognisedBy: 'mapping', goodRows: 2, needsMapping: false })
    expect(rowsOf(mapped, 'evaluations')[1]).toMatchObject({ eval_id: 'P02', dept: '区医保局', level: '2', comment: '排队久' })
    // Next month: same columns in another order, another name.
    const next = new TextEncoder().encode('满意度,单号,评价日期时间,评价部门名称,意见\n非常满意,P03,2024-11-01 09:00,区人社局,\n')
    expect(shapeSignature(['满意度', '单号', '评价日期时间', '评价部门名称', '意见'])).toBe(g.signature)
    const again = (await ingestFiles([{ name: '平台导出-202411.csv', bytes: next }], { now: NOW, choices: { bySignature: { [g.signature]: choice } } })).files[0]!
    expect(again.grids[0]).toMatchObject({ table: 'evaluations', recognisedBy: 'remembered', goodRows: 1 })
    expect(rowsOf(again, 'evaluations')[0]).toMatchObject({ eval_id: 'P03', level: '5' })
  })

  it('can skip a table, and a column mapped to nothing stays an extra column', async () => {
    const f = await importFixture('good/好差评-Excel另存.csv')
    const g = f.grids[0]!
    const skipped = await importFixture('good/好差评-Excel另存.csv', { byGrid: { [g.key]: { kind: 'skip' } } })
    expect(skipped.grids[0]).toMatchObject({ skipped: true, goodRows: 0 })
    expect(skipped.loaded).toEqual([])
    const cols = g.columns.map(c => (c === 'comment' ? null : c))
    const kept = await importFixture('good/好差评-Excel另存.csv', { byGrid: { [g.key]: choiceFromColumns('evaluations', g.headers, cols) } })
    expect(JSON.parse(rowsOf(kept, 'evaluations')[0]!.extra!)).toEqual({ 评价内容: '服务很好，办事快' })
  })
})

describe('a whole folder of formats', () => {
  it('assembles into one data set without errors, reporting progress to the end', async () => {
    const names = ['good/applications.parquet', 'good/一件事清单.docx', 'good/事项清单.json', 'good/好差评-Excel另存.csv', 'good/差评整改.jsonl', 'good/本地日历调整.txt', 'good/配档表-WPS.xlsx']
    const progress: number[] = []
    const { files } = await ingestFiles(names.map(n => ({ name: n.split('/')[1]!, bytes: bytesOf(n) })), { now: NOW, onProgress: p => progress.push(p.fraction) })
    const ds = datasetOf(files)
    expect(ds.issues.filter(i => i.severity === 'error')).toEqual([])
    expect(Object.fromEntries(Object.entries(ds.tables).map(([k, t]) => [k, t.rows.length]))).toEqual({
      matters: 3, bundles: 5, tasks: 5, task_progress: 4, applications: 4, reform_baselines: 3, evaluations: 4, rectifications: 2, calendar_adjustments: 1,
    })
    expect(progress.at(-1)).toBe(1)
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1]!)).toBe(true)
  })

  it('reports duplicate ids and dangling references across files', async () => {
    const { files } = await ingestFiles([
      { name: '好差评.csv', bytes: new TextEncoder().encode('评价编号,被评价部门,评价时间,评价等级\nG01,区人社局,2024-10-08 09:00,满意\n') },
      { name: '好差评2.xlsx', bytes: bytesOf('malformed/坏值.xlsx') },
      { name: '差评整改.csv', bytes: new TextEncoder().encode('评价编号,联系时间\nG9,2024-10-09 09:00\n') },
    ], { now: NOW })
    const ds = datasetOf(files)
    const cross = ds.issues.filter(i => i.code === 'duplicate_id' || i.code === 'dangling_ref')
    expect(cross.map(i => [i.code, i.file, i.row, i.value, i.severity])).toEqual([
      ['duplicate_id', '好差评2.xlsx [好差评]', 2, 'G01', 'error'],
      ['dangling_ref', '差评整改.csv', 2, 'G9', 'error'],
    ])
    expect(ds.tables.evaluations.rows).toHaveLength(1)
    expect(ds.tables.rectifications.rows).toHaveLength(0)
  })
})

describe('the review date of an imported data set', () => {
  it('is its latest event, never after today, else its plan year\'s end', async () => {
    const { files } = await ingestFiles(['good/applications.parquet', 'good/差评整改.jsonl'].map(n => ({ name: n.split('/')[1]!, bytes: bytesOf(n) })), { now: NOW })
    const ds = datasetOf(files)
    expect(inferAsOf(ds, '2026-11-23')).toBe('2024-10-15')
    expect(inferAsOf(ds, '2024-10-10')).toBe('2024-10-10')
    const plan = datasetOf([await importFixture('good/一件事清单.docx')])
    expect(inferAsOf(plan, '2026-11-23')).toBeNull()
    plan.plan = { plan_year: 2024 }
    expect(inferAsOf(plan, '2026-11-23')).toBe('2024-12-31')
  })
})
