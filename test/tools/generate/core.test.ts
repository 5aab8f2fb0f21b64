import { describe, expect, it } from 'vitest'
import { WorkCalendar } from '../../../src/domain/calendar'
import { idCheckDigit, idNumber, isValidIdNumber, mobile, personName } from '../../../src/tools/generate/people'
import { firstDept, servicesOf, shiftDeadlineYears } from '../../../src/tools/generate/plan'
import { apportion, Rng, sample, Weighted } from '../../../src/tools/generate/prng'
import { COUNTER_HOURS, DAY, NEVER, TimeAxis } from '../../../src/tools/generate/time'

describe('Rng', () => {
  it('repeats for a seed and label, and differs otherwise', () => {
    const draw = (seed: string | number, label: string) => {
      const r = new Rng(seed, label)
      return [r.u32(), r.u32(), r.u32()]
    }
    expect(draw(1, 'a')).toEqual(draw(1, 'a'))
    expect(draw(1, 'a')).not.toEqual(draw(1, 'b'))
    expect(draw(1, 'a')).not.toEqual(draw(2, 'a'))
  })

  it('draws uniformly enough', () => {
    const r = new Rng('u')
    const bins = Array.from({ length: 10 }, () => 0)
    for (let i = 0; i < 100_000; i++)
      bins[Math.floor(r.next() * 10)]!++
    for (const b of bins)
      expect(Math.abs(b - 10_000)).toBeLessThan(500)
    const ints = new Set(Array.from({ length: 1000 }, () => r.int(3, 5)))
    expect(ints).toEqual(new Set([3, 4, 5]))
  })

  it('picks by weight', () => {
    const r = new Rng('w')
    const w = new Weighted([1, 0, 3])
    const n = [0, 0, 0]
    for (let i = 0; i < 40_000; i++)
      n[w.pick(r)]!++
    expect(n[1]).toBe(0)
    expect(n[2]! / n[0]!).toBeGreaterThan(2.7)
    expect(n[2]! / n[0]!).toBeLessThan(3.3)
  })

  it('apportions totals exactly and samples distinct indices', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3])
    expect(apportion(1_000_003, [3, 5, 7, 11]).reduce((a, b) => a + b)).toBe(1_000_003)
    expect(sample(new Rng(1), 10, 4).size).toBe(4)
  })
})

describe('synthetic people', () => {
  it('computes the GB 11643 check digit', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X')
    expect(isValidIdNumber('11010519491231002X')).toBe(true)
    expect(isValidIdNumber('110105194912310021')).toBe(false)
  })

  it('makes valid ID numbers, mobile numbers and names', () => {
    const r = new Rng('p')
    for (let i = 0; i < 1000; i++) {
      const id = idNumber(r, '210102', 2024)
      expect(isValidIdNumber(id)).toBe(true)
      expect(Number(id.slice(6, 10))).toBeGreaterThanOrEqual(1944)
      expect(mobile(r)).toMatch(/^1[3-9]\d{9}$/)
      expect(personName(r)).toMatch(/^\p{Script=Han}{2,3}$/u)
    }
  })
})

describe('plan lists', () => {
  it('shifts written years only', () => {
    expect(shiftDeadlineYears('2023年4月底前', 1)).toBe('2024年4月底前')
    expect(shiftDeadlineYears('2023年6月底前完成；2024年年底前全面推开', 2)).toBe('2025年6月底前完成；2026年年底前全面推开')
    expect(shiftDeadlineYears('2023-10-15前', 1)).toBe('2024-10-15前')
    expect(shiftDeadlineYears('10月底前', 1)).toBe('10月底前')
    expect(shiftDeadlineYears('完成20项', 1)).toBe('完成20项')
  })

  it('groups bundle rows into services and takes the acting department', () => {
    expect(firstDept('省营商局、省卫生健康委')).toBe('省营商局')
    const s = servicesOf({
      meta: { id: 'x' },
      bundles: { columns: ['bundle_name', 'lead_dept', 'member_matter', 'member_dept'], rows: [['甲', '局A、局B', 'm1', ''], ['甲', '局A、局B', 'm2', '局C'], ['乙', '局D', 'm3', '局D']] },
      tasks: null,
      matters: null,
    })
    expect(s.map(x => [x.bundle, x.members])).toEqual([
      ['甲', [{ matter: 'm1', dept: '局A' }, { matter: 'm2', dept: '局C' }]],
      ['乙', [{ matter: 'm3', dept: '局D' }]],
    ])
  })
})

describe('TimeAxis', () => {
  const cal = new WorkCalendar()
  const ax = new TimeAxis(cal, '2024-09-01', 90)

  it('counts working days like the calendar', () => {
    for (let d = 0; d < 60; d++) {
      for (const n of [0, 1, 5, 15])
        expect(ax.dates[ax.addWorkdays(d, n)]).toBe(cal.addWorkdays(ax.dates[d]!, n))
    }
    expect(ax.addWorkdays(80, 30)).toBe(NEVER)
  })

  it('places office times on working days within hours, after the given moment', () => {
    const r = new Rng('o')
    for (let d = 0; d < 60; d++) {
      const t = ax.officeTime(d, r, d * DAY + 17 * 3600, COUNTER_HOURS)
      const day = Math.floor(t / DAY)
      expect(cal.isWorkday(ax.dates[day]!)).toBe(true)
      expect(t).toBeGreaterThanOrEqual(d * DAY + 17 * 3600)
      const sec = t - day * DAY
      expect(COUNTER_HOURS.some(([a, b]) => sec >= a && sec < b)).toBe(true)
    }
    expect(ax.format(3 * DAY + 3661)).toBe('2024-09-04 01:01:01')
  })
})
