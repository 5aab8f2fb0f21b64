import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { WorkCalendar } from '../../../src/domain/calendar'

const cal = new WorkCalendar()
const rows = cal.rows()
const rowIndex = new Map(rows.map((r, i) => [r.d, i]))
const dayIndex = fc.integer({ min: 0, max: rows.length - 1 })
const count = fc.integer({ min: 1, max: 60 })

// Deliberately naive: walk forward one calendar day at a time.
function walkWorkdays(date: string, n: number): string | null {
  let i = rowIndex.get(date)!
  let left = n
  while (left > 0) {
    i++
    if (i >= rows.length)
      return null
    if (rows[i]!.workday)
      left--
  }
  return rows[i]!.d
}

describe('calendar properties', () => {
  it('addWorkdays agrees with the wd_num lookup and with a day-by-day walk', () => {
    fc.assert(fc.property(dayIndex, count, (i, n) => {
      const e = rows[i]!
      const walked = walkWorkdays(e.d, n)
      if (walked === null) {
        expect(() => cal.addWorkdays(e.d, n)).toThrow()
        return
      }
      const result = cal.addWorkdays(e.d, n)
      expect(result).toBe(walked)
      const byNum = rows.find(r => r.workday && r.wd_num === e.wd_num + n)
      expect(byNum?.d).toBe(result)
      expect(cal.isWorkday(result)).toBe(true)
      expect(cal.workdaysBetween(e.d, result)).toBe(n)
      expect(cal.workdaysBetween(result, e.d)).toBe(-n)
    }), { numRuns: 2000 })
  })

  it('workdaysBetween is antisymmetric and additive', () => {
    fc.assert(fc.property(dayIndex, dayIndex, dayIndex, (a, b, c) => {
      const [x, y, z] = [rows[a]!.d, rows[b]!.d, rows[c]!.d]
      expect(cal.workdaysBetween(x, y) + cal.workdaysBetween(y, x)).toBe(0)
      expect(cal.workdaysBetween(x, y) + cal.workdaysBetween(y, z)).toBe(cal.workdaysBetween(x, z))
    }), { numRuns: 1000 })
  })

  it('addDays agrees with Date.UTC arithmetic', () => {
    fc.assert(fc.property(dayIndex, fc.integer({ min: -20_000, max: 20_000 }), (i, n) => {
      const d = rows[i]!.d
      const expected = new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
      expect(cal.addDays(d, n)).toBe(expected)
    }), { numRuns: 1000 })
  })

  it('is fast enough for the data generator', () => {
    const started = performance.now()
    const fresh = new WorkCalendar()
    fresh.rows()
    const built = performance.now() - started
    let sink = 0
    const t0 = performance.now()
    for (let k = 0; k < 1_000_000; k++)
      sink += fresh.addWorkdays(rows[(k * 7919) % (rows.length - 400)]!.d, 1 + (k % 15)).length
    const perMillion = performance.now() - t0
    expect(sink).toBeGreaterThan(0)
    expect(built).toBeLessThan(500)
    expect(perMillion).toBeLessThan(3000)
  })
})
