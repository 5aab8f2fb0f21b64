import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkBudget, DEFAULT_BUDGET, delimitedRowEstimate, estimateRows, parquetRowCount } from '../../../src/ingest/dataset/budget'

const budget = { warnRows: 1000, refuseRows: 5000, warnBytes: 100_000, refuseBytes: 500_000 }

describe('size guard', () => {
  it('lets a normal data set through without a message', () => {
    const r = checkBudget([{ name: 'applications.parquet', bytes: 3_000_000, rows: 50_000 }, { name: 'evaluations.parquet', bytes: 1_200_000, rows: 34_600 }])
    expect(r.verdict).toBe('ok')
    expect(r.rows).toBe(84_600)
    expect(r.exact).toBe(true)
    expect(r.message).toBeNull()
  })

  it('warns above the warning rows and refuses above the limit, counting rows already loaded', () => {
    expect(checkBudget([{ name: 'a.parquet', bytes: 10, rows: 1000 }], budget).verdict).toBe('ok')
    expect(checkBudget([{ name: 'a.parquet', bytes: 10, rows: 1001 }], budget).verdict).toBe('warn')
    expect(checkBudget([{ name: 'a.parquet', bytes: 10, rows: 5001 }], budget).verdict).toBe('refuse')
    expect(checkBudget([{ name: 'a.parquet', bytes: 10, rows: 3000 }], budget, 2001).verdict).toBe('refuse')
  })

  it('estimates rows from bytes when they are not counted, and then the byte limits apply too', () => {
    expect(estimateRows({ name: 'x.csv', bytes: 1500 })).toEqual({ rows: 10, exact: false })
    expect(estimateRows({ name: 'x.parquet', bytes: 10, rows: 7 })).toEqual({ rows: 7, exact: true })
    // Few estimated rows but many bytes: the size decides.
    const wide = checkBudget([{ name: 'x.unknown', bytes: 600_000 }], { ...budget, refuseRows: 1e9, warnRows: 1e9 })
    expect(wide.verdict).toBe('refuse')
    expect(wide.exact).toBe(false)
    // Counted rows decide even when the bytes are many (a wide but short table).
    expect(checkBudget([{ name: 'x.csv', bytes: 600_000, rows: 10 }], budget).verdict).toBe('ok')
  })

  it('tells the user what to do, in both languages, naming the largest file', () => {
    const r = checkBudget([
      { name: 'tasks.csv', bytes: 5_000, rows: 100 },
      { name: '办件.parquet', bytes: 420_000_000, rows: 5_000_000 },
      { name: '好差评.parquet', bytes: 160_000_000, rows: 3_450_000 },
    ])
    expect(r.verdict).toBe('refuse')
    expect(r.largest.map(f => f.name)).toEqual(['办件.parquet', '好差评.parquet', 'tasks.csv'])
    expect(r.message!.zh).toContain('duban aggregate --data')
    expect(r.message!.zh).toContain('办件.parquet')
    expect(r.message!.zh).toContain('按月份')
    expect(r.message!.zh).toContain('845 万')
    expect(r.message!.en).toContain('duban aggregate --data')
    expect(r.message!.en).toContain('8.5 million')
    expect(r.message!.en).toContain('one month at a time')
    const warn = checkBudget([{ name: 'applications.parquet', bytes: 84e6, rows: DEFAULT_BUDGET.warnRows + 1 }])
    expect(warn.verdict).toBe('warn')
    expect(warn.message!.zh).toContain('duban aggregate')
    expect(warn.message!.en).toContain('slower')
  })

  it('reads a Parquet file\'s row count from its footer alone', () => {
    const bytes = new Uint8Array(readFileSync('data/demo/applications.parquet'))
    expect(parquetRowCount(bytes)).toBe(50_000)
    // The last bytes are enough: a browser reads File.slice(-64 KiB), not the whole file.
    expect(parquetRowCount(bytes.slice(bytes.length - 65_536))).toBe(50_000)
    expect(parquetRowCount(bytes.subarray(0, bytes.length - 100))).toBeNull()
    expect(parquetRowCount(new TextEncoder().encode('a,b\n1,2\n'))).toBeNull()
  })

  it('estimates CSV rows from the line breaks of a sample', () => {
    const text = `a,b\n${Array.from({ length: 1000 }, (_, i) => `${i},x`).join('\n')}\n`
    const bytes = new TextEncoder().encode(text)
    expect(delimitedRowEstimate(bytes)).toBe(1000)
    const est = delimitedRowEstimate(bytes, 512)
    expect(est).toBeGreaterThan(900)
    expect(est).toBeLessThan(1200)
    expect(delimitedRowEstimate(new Uint8Array())).toBe(0)
  })
})
