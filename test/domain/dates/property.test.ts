import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseChinaDate, parseChinaDateTime } from '../../../src/domain/dates'

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

// Strings built from date-like pieces reach far deeper into the parser than random text does.
const dateish = fc.array(fc.constantFrom(
  '2024',
  '10',
  '9',
  '31',
  '-',
  '/',
  '.',
  '年',
  '月',
  '日',
  '号',
  ' ',
  '　',
  'T',
  'Z',
  ':',
  '：',
  '+08:00',
  '-05',
  '.123',
  '２',
  '0',
  '99',
  '\uFEFF',
  '\n',
), { maxLength: 14 }).map(parts => parts.join(''))

const anyString = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  dateish,
)

const civil = fc.record({
  y: fc.integer({ min: 1900, max: 2100 }),
  m: fc.integer({ min: 1, max: 12 }),
  d: fc.integer({ min: 1, max: 31 }),
  h: fc.integer({ min: 0, max: 23 }),
  mi: fc.integer({ min: 0, max: 59 }),
  s: fc.integer({ min: 0, max: 59 }),
}).filter(({ y, m, d }) => d <= new Date(Date.UTC(y, m, 0)).getUTCDate())

describe('parser properties', () => {
  it('always returns a result object and never throws', () => {
    fc.assert(fc.property(anyString, (s) => {
      const r = parseChinaDateTime(s)
      expect(typeof r.ok).toBe('boolean')
      if (r.ok)
        expect(r.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
      else
        expect(['empty', 'format', 'invalid']).toContain(r.reason)
      const rd = parseChinaDate(s)
      expect(rd.ok).toBe(r.ok)
    }), { numRuns: 3000 })
  })

  it('round-trips formatted datetimes in every accepted layout', () => {
    fc.assert(fc.property(civil, ({ y, m, d, h, mi, s }) => {
      const value = `${y}-${pad(m)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`
      const time = `${pad(h)}:${pad(mi)}:${pad(s)}`
      for (const text of [
        value,
        `${y}/${pad(m)}/${pad(d)} ${time}`,
        `${y}.${m}.${d} ${time}`,
        `${y}年${m}月${d}日 ${time}`,
        `${y}-${pad(m)}-${pad(d)}T${time}`,
        `${y}-${pad(m)}-${pad(d)}T${time}+08:00`,
        `${y}-${pad(m)}-${pad(d)}T${time}.5`,
      ])
        expect(parseChinaDateTime(text)).toEqual({ ok: true, value, hasTime: true })
      expect(parseChinaDate(`${y}${pad(m)}${pad(d)}`)).toEqual({
        ok: true,
        value: value.slice(0, 10),
        hasTime: false,
      })
    }), { numRuns: 1000 })
  })

  it('converts UTC instants to China time like Date does', () => {
    const instant = fc.integer({
      min: Date.UTC(1900, 0, 2),
      max: Date.UTC(2100, 0, 1),
    }).map(ms => ms - (ms % 1000))
    fc.assert(fc.property(instant, fc.integer({ min: -12 * 4, max: 14 * 4 }), (ms, quarterHours) => {
      const china = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
      expect(parseChinaDateTime(new Date(ms).toISOString())).toEqual({ ok: true, value: china, hasTime: true })
      // The same instant written in another zone's wall-clock time with that zone's offset.
      const offsetMin = quarterHours * 15
      const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19)
      const sign = offsetMin < 0
        ? '-'
        : '+'
      const abs = Math.abs(offsetMin)
      expect(parseChinaDateTime(`${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`))
        .toEqual({ ok: true, value: china, hasTime: true })
    }), { numRuns: 1000 })
  })
})
