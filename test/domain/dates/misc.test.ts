import { describe, expect, it } from 'vitest'
import { chinaMonthOf, chinaToday, daysInMonth, excelSerialToChina, fromDayNumber, isLeapYear, lastDayOfMonth, toDayNumber } from '../../../src/domain/dates'

// Expected Excel values come from the documented rule (serial = days since 1899-12-30 for
// serials ≥ 61) evaluated with Date.UTC, independently of the implementation.
function excelReference(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400) * 1000).toISOString().slice(0, 19).replace('T', ' ')
}

describe('excelSerialToChina', () => {
  it('converts whole and fractional serials', () => {
    expect(excelSerialToChina(45596)).toBe('2024-10-31 00:00:00')
    expect(excelSerialToChina(45596.5)).toBe('2024-10-31 12:00:00')
    expect(excelSerialToChina(45292)).toBe('2024-01-01 00:00:00')
    expect(excelSerialToChina(45596 + (14 * 3600 + 5 * 60 + 9) / 86400)).toBe('2024-10-31 14:05:09')
    expect(excelSerialToChina(45596 + 86399 / 86400)).toBe('2024-10-31 23:59:59')
    // Within half a second of midnight rounds into the next day rather than to 23:59:60.
    expect(excelSerialToChina(45596.999999999)).toBe('2024-11-01 00:00:00')
  })

  it('reproduces the 1900 leap-year bug', () => {
    expect(excelSerialToChina(1)).toBe('1900-01-01 00:00:00')
    expect(excelSerialToChina(59)).toBe('1900-02-28 00:00:00')
    expect(excelSerialToChina(60)).toBe('1900-02-29 00:00:00')
    expect(excelSerialToChina(60.25)).toBe('1900-02-29 06:00:00')
    expect(excelSerialToChina(61)).toBe('1900-03-01 00:00:00')
    expect(excelSerialToChina(0.5)).toBe('1899-12-31 12:00:00')
  })

  it('matches the 1899-12-30 rule from serial 61 on', () => {
    for (const serial of [
      61,
      366,
      25569,
      36526.75,
      43831.123456,
      45596,
      50000.5,
      2958465.5,
    ])
      expect(excelSerialToChina(serial)).toBe(excelReference(serial))
  })

  it('rejects serials Excel cannot hold', () => {
    for (const bad of [
      -1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      2958466,
    ])
      expect(() => excelSerialToChina(bad)).toThrow(RangeError)
    expect(excelSerialToChina(2958465)).toBe('9999-12-31 00:00:00')
  })
})

describe('chinaToday', () => {
  it('uses China time, not the host zone', () => {
    expect(chinaToday(new Date('2024-09-29T15:59:59Z'))).toBe('2024-09-29')
    expect(chinaToday(new Date('2024-09-29T16:00:00Z'))).toBe('2024-09-30')
    expect(chinaToday(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01')
    expect(chinaToday(new Date('2024-10-01T00:00:00-05:00'))).toBe('2024-10-01')
  })

  it('defaults to now', () => {
    expect(chinaToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('rejects an invalid Date', () => {
    expect(() => chinaToday(new Date(Number.NaN))).toThrow(RangeError)
  })
})

describe('months', () => {
  it('chinaMonthOf', () => {
    expect(chinaMonthOf('2024-10-31')).toBe('2024-10')
    expect(chinaMonthOf('2024-10-31 23:59:59')).toBe('2024-10')
    expect(chinaMonthOf('2024年9月5日')).toBe('2024-09')
    expect(chinaMonthOf('2024-09-30T17:00:00Z')).toBe('2024-10')
    expect(() => chinaMonthOf('2024-13-01')).toThrow(RangeError)
    expect(() => chinaMonthOf('')).toThrow(RangeError)
  })

  it('lastDayOfMonth', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29')
    expect(lastDayOfMonth('2023-02')).toBe('2023-02-28')
    expect(lastDayOfMonth('1900-02')).toBe('1900-02-28')
    expect(lastDayOfMonth('2000-02')).toBe('2000-02-29')
    expect(lastDayOfMonth('2024-04')).toBe('2024-04-30')
    expect(lastDayOfMonth('2024-12')).toBe('2024-12-31')
    for (const bad of [
      '2024-13',
      '2024-00',
      '2024-2',
      '2024-02-01',
      '',
    ])
      expect(() => lastDayOfMonth(bad)).toThrow(RangeError)
  })

  it('daysInMonth and isLeapYear', () => {
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(daysInMonth(2100, 2)).toBe(28)
    expect(isLeapYear(2000)).toBe(true)
    expect(isLeapYear(1900)).toBe(false)
  })
})

describe('day numbers', () => {
  it('agree with Date.UTC day numbers', () => {
    for (let dn = -30_000; dn <= 60_000; dn += 7) {
      const iso = new Date(dn * 86_400_000).toISOString().slice(0, 10)
      expect(fromDayNumber(dn)).toBe(iso)
      expect(toDayNumber(iso)).toBe(dn)
    }
  })

  it('toDayNumber rejects non-dates', () => {
    for (const bad of [
      '2024-02-30',
      '2024-1-01',
      '2024/01/01',
      '',
      'x',
    ])
      expect(toDayNumber(bad)).toBeNull()
  })
})
