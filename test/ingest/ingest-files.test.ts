import { describe, expect, it } from 'vitest'
import { ingestFiles } from '../../src/ingest'

const NOW = () => '2024-10-16T02:00:00.000Z'
const bytes = (s: string) => new TextEncoder().encode(s)
const GOOD = { name: '好差评.csv', bytes: bytes('评价编号,被评价部门,评价时间,评价等级\nG01,区人社局,2024-10-08 09:00,满意\n') }
const BROKEN = { name: '坏.parquet', bytes: bytes('not parquet') }

describe('ingestFiles, the one ingest path', () => {
  it('keeps a refused file in the data set unless asked to leave it out, and names it either way', async () => {
    const all = await ingestFiles([GOOD, BROKEN], { now: NOW })
    expect(all.refused.map(r => [r.file, r.kind])).toEqual([['坏.parquet', 'unreadable']])
    expect(all.dataset.files.map(f => f.name)).toEqual(['好差评.csv', '坏.parquet'])
    expect(all.dataset.issues.some(i => i.file === '坏.parquet' && i.code === 'unreadable')).toBe(true)
    const skipped = await ingestFiles([GOOD, BROKEN], { now: NOW, skipUnreadable: true })
    expect(skipped.refused).toEqual(all.refused)
    expect(skipped.dataset.files.map(f => f.name)).toEqual(['好差评.csv'])
    expect(skipped.dataset.issues.filter(i => i.file === '坏.parquet')).toEqual([])
    expect(skipped.dataset.tables.evaluations.rows).toHaveLength(1)
  })

  it('lets the plan found beside the files win over the plan a file carries', async () => {
    const r = await ingestFiles([GOOD], { now: NOW, plan: { plan_year: 2023, as_of: '2023-12-31' } })
    expect(r.dataset.plan).toEqual({ plan_year: 2023, as_of: '2023-12-31' })
    expect((await ingestFiles([GOOD], { now: NOW })).dataset.plan).toBeUndefined()
  })

  it('gives the same data set whether or not progress is reported (slices only serve the progress bar)', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `E${i},区人社局,2024-10-08 09:00,${i % 3 ? '满意' : 'x'}`)
    const big = { name: '好差评.csv', bytes: bytes(`评价编号,被评价部门,评价时间,评价等级\n${rows.join('\n')}\n\n`) }
    const progress: number[] = []
    const sliced = await ingestFiles([big], { now: NOW, chunkRows: 5, onProgress: p => progress.push(p.fraction) })
    const whole = await ingestFiles([big], { now: NOW })
    expect(sliced.dataset).toEqual(whole.dataset)
    expect(whole.dataset.issues.filter(i => i.severity === 'error')).toHaveLength(4)
    expect(progress.at(-1)).toBe(1)
  })
})
