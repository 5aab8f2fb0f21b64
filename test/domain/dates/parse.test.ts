import { describe, expect, it } from 'vitest'
import { parseChinaDate, parseChinaDateTime } from '../../../src/domain/dates'

function ok(value: string, hasTime: boolean) {
  return { ok: true, value, hasTime }
}

describe('parseChinaDateTime', () => {
  it.each([
    ['2024-10-31', '2024-10-31 00:00:00', false],
    ['2024/10/31', '2024-10-31 00:00:00', false],
    ['2024.10.31', '2024-10-31 00:00:00', false],
    ['2024年10月31日', '2024-10-31 00:00:00', false],
    ['2024年10月31', '2024-10-31 00:00:00', false],
    ['2024 年 10 月 31 日', '2024-10-31 00:00:00', false],
    ['2024-9-5', '2024-09-05 00:00:00', false],
    ['2024/9/5', '2024-09-05 00:00:00', false],
    ['2024年9月5日', '2024-09-05 00:00:00', false],
    ['20241031', '2024-10-31 00:00:00', false],
    ['2024-10-31 14:05', '2024-10-31 14:05:00', true],
    ['2024-10-31 14:05:09', '2024-10-31 14:05:09', true],
    ['2024-10-31  14:05:09', '2024-10-31 14:05:09', true],
    ['2024-10-31 9:05', '2024-10-31 09:05:00', true],
    ['2024/10/31 14:05:09', '2024-10-31 14:05:09', true],
    ['2024.10.31 14:05:09', '2024-10-31 14:05:09', true],
    ['2024年10月31日 14:05:09', '2024-10-31 14:05:09', true],
    ['2024年10月31日14:05', '2024-10-31 14:05:00', true],
    ['2024-10-31T14:05:09', '2024-10-31 14:05:09', true],
    ['2024-10-31t14:05', '2024-10-31 14:05:00', true],
    ['2024-10-31 14:05:09.123', '2024-10-31 14:05:09', true],
    ['2024-10-31T14:05:09.999999', '2024-10-31 14:05:09', true],
    ['2024-09-29T17:30:00Z', '2024-09-30 01:30:00', true],
    ['2024-09-29T17:30:00z', '2024-09-30 01:30:00', true],
    ['2024-09-29T17:30:00.250Z', '2024-09-30 01:30:00', true],
    ['2024-09-29T17:30:00+08:00', '2024-09-29 17:30:00', true],
    ['2024-09-29T17:30:00+0800', '2024-09-29 17:30:00', true],
    ['2024-09-29T17:30:00+08', '2024-09-29 17:30:00', true],
    ['2024-09-29 17:30:00 +08:00', '2024-09-29 17:30:00', true],
    ['2024-09-29T17:30:00-05:00', '2024-09-30 06:30:00', true],
    ['2024-09-29T10:30:00+05:30', '2024-09-29 13:00:00', true],
    ['2024-12-31T20:00:00Z', '2025-01-01 04:00:00', true],
    ['2024-03-01T07:59:59+09:00', '2024-03-01 06:59:59', true],
    ['2024-03-01T00:30:00+09:00', '2024-02-29 23:30:00', true],
    ['2024-10-31T14:05Z', '2024-10-31 22:05:00', true],
  ])('%s → %s', (raw, value, hasTime) => {
    expect(parseChinaDateTime(raw)).toEqual(ok(value, hasTime))
  })

  it('trims whitespace, a BOM and full-width spaces', () => {
    expect(parseChinaDateTime('  2024-10-31\t')).toEqual(ok('2024-10-31 00:00:00', false))
    expect(parseChinaDateTime('\uFEFF2024-10-31')).toEqual(ok('2024-10-31 00:00:00', false))
    expect(parseChinaDateTime('\u30002024-10-31\u300014:05\u3000')).toEqual(ok('2024-10-31 14:05:00', true))
    expect(parseChinaDateTime('\n2024-10-31\r\n')).toEqual(ok('2024-10-31 00:00:00', false))
  })

  it('accepts full-width digits, colons and separators', () => {
    expect(parseChinaDateTime('２０２４年１０月３１日')).toEqual(ok('2024-10-31 00:00:00', false))
    expect(parseChinaDateTime('２０２４－１０－３１　１４：０５：０９')).toEqual(ok('2024-10-31 14:05:09', true))
    expect(parseChinaDateTime('2024-10-31 14：05')).toEqual(ok('2024-10-31 14:05:00', true))
    expect(parseChinaDateTime('２０２４１０３１')).toEqual(ok('2024-10-31 00:00:00', false))
  })

  it.each(['', '   ', '\t\n', '\u3000'])('empty: %j', (raw) => {
    expect(parseChinaDateTime(raw)).toEqual({ ok: false, reason: 'empty' })
  })

  it.each([
    'abc',
    '2024',
    '2024-10',
    '2024年10月',
    '10/31/2024',
    '31.10.2024',
    '24-10-31',
    '2024-10/31',
    '2024/10-31',
    '2024-10-31T',
    '2024-10-31 14',
    '2024-10-31 14:5',
    '2024-10-31 14:05:9',
    '2024-10-31 14:05:09 PM',
    '2024-10-311',
    '2024-10-3114:05',
    '2024年10月3114:05',
    '2024-10-31Z',
    '2024-10-31 14:05+8',
    '2024-100-31',
    '202410311',
    '2024103',
    '2024-10-31 14:05:09.',
    '2024-10-31 下午2点',
    '45596',
    '2024-10-31 14:05:09 extra',
  ])('format: %j', (raw) => {
    expect(parseChinaDateTime(raw)).toEqual({ ok: false, reason: 'format' })
  })

  it.each([
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-10-00',
    '2024-04-31',
    '2024年2月30日',
    '20240230',
    '2024-10-31 25:00',
    '2024-10-31 24:00',
    '2024-10-31 14:60',
    '2024-10-31 14:05:60',
    '0000-01-01',
    '2024-10-31T14:05:09+24:00',
    '2024-10-31T14:05:09+08:60',
  ])('invalid: %j', (raw) => {
    expect(parseChinaDateTime(raw)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('knows leap years', () => {
    expect(parseChinaDateTime('2024-02-29').ok).toBe(true)
    expect(parseChinaDateTime('2000-02-29').ok).toBe(true)
    expect(parseChinaDateTime('1900-02-29')).toEqual({ ok: false, reason: 'invalid' })
    expect(parseChinaDateTime('2100-02-29')).toEqual({ ok: false, reason: 'invalid' })
  })

  it('treats years below 100 literally, unlike Date.UTC', () => {
    expect(parseChinaDateTime('0024-10-31')).toEqual(ok('0024-10-31 00:00:00', false))
  })

  it('does not throw on non-string cells', () => {
    expect(parseChinaDateTime(null as unknown as string)).toEqual({ ok: false, reason: 'empty' })
    expect(parseChinaDateTime(undefined as unknown as string)).toEqual({ ok: false, reason: 'empty' })
    expect(parseChinaDateTime(45596 as unknown as string)).toEqual({ ok: false, reason: 'format' })
    expect(parseChinaDateTime({} as unknown as string)).toEqual({ ok: false, reason: 'format' })
  })

  it('rejects very long input quickly', () => {
    const started = performance.now()
    for (const s of [
      '2024-1'.repeat(100_000),
      '1'.repeat(1_000_000),
      `2024-10-31${' '.repeat(500_000)}x`,
      `2024年${'　'.repeat(100_000)}`,
    ])
      expect(parseChinaDateTime(s)).toEqual({ ok: false, reason: 'format' })
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('parseChinaDate', () => {
  it('returns the China date, also of a date-time', () => {
    expect(parseChinaDate('2024-10-31')).toEqual(ok('2024-10-31', false))
    expect(parseChinaDate('2024年9月5日')).toEqual(ok('2024-09-05', false))
    expect(parseChinaDate('2024-10-31 23:59:59')).toEqual(ok('2024-10-31', true))
    expect(parseChinaDate('2024-09-29T17:30:00Z')).toEqual(ok('2024-09-30', true))
    expect(parseChinaDate('2024-09-29T17:30:00+08:00')).toEqual(ok('2024-09-29', true))
    expect(parseChinaDate('2024-09-29T12:30:00-05:00')).toEqual(ok('2024-09-30', true))
  })

  it('passes failures through', () => {
    expect(parseChinaDate('')).toEqual({ ok: false, reason: 'empty' })
    expect(parseChinaDate('nope')).toEqual({ ok: false, reason: 'format' })
    expect(parseChinaDate('2024-02-30 10:00')).toEqual({ ok: false, reason: 'invalid' })
  })
})
