import raw from 'chinese-days/dist/chinese-days.json' with { type: 'json' }
import { describe, expect, it } from 'vitest'
import { CalendarCoverageError, WorkCalendar } from '../../../src/domain/calendar'

const cal = new WorkCalendar()

describe('coverage', () => {
  it('is computed from the package data', () => {
    const listed = [
      ...new Set(Object.keys(raw.holidays).map(d => Number(d.slice(0, 4)))),
    ].sort((a, b) => a - b)
    expect(cal.coverage.years).toEqual(listed)
    expect(cal.coverage.from).toBe(`${listed[0]}-01-01`)
    expect(cal.coverage.to).toBe(`${listed.at(-1)}-12-31`)
    // chinese-days 1.5.7; a newer package may extend this, never shrink it.
    expect(cal.coverage.years[0]).toBeLessThanOrEqual(2004)
    expect(cal.coverage.years.at(-1)).toBeGreaterThanOrEqual(2026)
  })

  it('covers 2019 onward and the whole of 2026', () => {
    expect(cal.isCovered('2019-01-01')).toBe(true)
    expect(cal.isCovered('2026-12-31')).toBe(true)
    expect(cal.isWorkday('2026-12-31')).toBe(true)
  })

  it('throws CalendarCoverageError for any 2027 date', () => {
    if (cal.coverage.years.includes(2027))
      return
    for (const d of [
      '2027-01-01',
      '2027-01-04',
      '2027-06-15',
      '2027-12-31',
    ]) {
      expect(cal.isCovered(d)).toBe(false)
      expect(() => cal.isWorkday(d)).toThrow(CalendarCoverageError)
      expect(() => cal.holidayName(d)).toThrow(CalendarCoverageError)
      expect(() => cal.addWorkdays(d, 1)).toThrow(CalendarCoverageError)
      expect(() => cal.workdaysBetween('2026-12-01', d)).toThrow(CalendarCoverageError)
    }
    expect(() => cal.isWorkday('2003-12-31')).toThrow(CalendarCoverageError)
  })

  it('explains itself in Chinese and English and carries the date', () => {
    let err: unknown
    try {
      cal.isWorkday('2027-01-04')
    }
    catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(CalendarCoverageError)
    expect(err).toBeInstanceOf(Error)
    const e = err as CalendarCoverageError
    expect(e.name).toBe('CalendarCoverageError')
    expect(e.date).toBe('2027-01-04')
    expect(e.coverage).toBe(cal.coverage)
    expect(e.message).toContain('日期 2027-01-04 超出节假日日历覆盖范围（2004–2026 年）')
    expect(e.message).toContain('Date 2027-01-04 is outside the holiday calendar\'s coverage (2004–2026)')
  })

  it('throws when an addWorkdays result would fall past coverage', () => {
    expect(cal.addWorkdays('2026-12-30', 1)).toBe('2026-12-31')
    expect(() => cal.addWorkdays('2026-12-31', 1)).toThrow(CalendarCoverageError)
    expect(() => cal.addWorkdays('2026-12-20', 15)).toThrow(/第 15 个工作日/)
  })

  it('rejects malformed dates with RangeError, not a coverage error', () => {
    for (const bad of [
      '2024-02-30',
      '2024/10/01',
      '2024-10-1',
      '2024-10-01 08:00:00',
      '',
      'x'.repeat(10),
    ]) {
      expect(() => cal.isWorkday(bad)).toThrow(RangeError)
      expect(() => cal.isCovered(bad)).toThrow(RangeError)
    }
    expect(() => cal.isWorkday('2024-02-30')).not.toThrow(CalendarCoverageError)
  })
})

describe('isWorkday and holidayName', () => {
  it('national Day 2024', () => {
    expect(cal.isWorkday('2024-09-27')).toBe(true)
    expect(cal.isWorkday('2024-09-28')).toBe(false)
    expect(cal.isWorkday('2024-09-29')).toBe(true) // Sunday, 调休上班
    expect(cal.isWorkday('2024-10-01')).toBe(false)
    expect(cal.isWorkday('2024-10-07')).toBe(false)
    expect(cal.isWorkday('2024-10-08')).toBe(true)
    expect(cal.isWorkday('2024-10-12')).toBe(true) // Saturday, 调休上班
    expect(cal.holidayName('2024-10-01')).toBe('国庆节')
    expect(cal.holidayName('2024-10-05')).toBe('国庆节')
    expect(cal.holidayName('2024-10-12')).toBeNull()
    expect(cal.holidayName('2024-09-28')).toBeNull()
    expect(cal.holidayName('2024-10-08')).toBeNull()
  })

  it('2020 Spring Festival extension (COVID-19)', () => {
    expect(cal.isWorkday('2020-01-31')).toBe(false)
    expect(cal.isWorkday('2020-02-02')).toBe(false)
    expect(cal.holidayName('2020-01-31')).toBe('春节')
    expect(cal.isWorkday('2020-02-03')).toBe(true)
  })

  it('new Year 2023: Jan 2 off, Jan 3 back at work', () => {
    expect(cal.isWorkday('2023-01-02')).toBe(false)
    expect(cal.holidayName('2023-01-02')).toBe('元旦')
    expect(cal.isWorkday('2023-01-03')).toBe(true)
  })

  it('ordinary weekdays and weekends', () => {
    expect(cal.isWorkday('2024-11-13')).toBe(true)
    expect(cal.isWorkday('2024-11-16')).toBe(false)
    expect(cal.isWorkday('2024-11-17')).toBe(false)
  })
})

describe('addWorkdays', () => {
  it.each([
    ['2024-09-27', 1, '2024-09-29'], // bad review on a Friday: contact due on the working Sunday
    ['2024-09-27', 2, '2024-09-30'],
    ['2024-09-27', 3, '2024-10-08'],
    ['2024-10-05', 1, '2024-10-08'], // event inside the holiday starts counting after it
    ['2024-10-01', 5, '2024-10-12'], // the last one a working Saturday
    ['2024-09-20', 15, '2024-10-16'],
    ['2024-09-20', 5, '2024-09-27'],
    ['2024-09-28', 1, '2024-09-29'],
    ['2024-10-11', 1, '2024-10-12'],
    ['2024-11-15', 1, '2024-11-18'],
    ['2024-11-16', 1, '2024-11-18'],
    ['2024-12-31', 1, '2025-01-02'],
  ])('%s + %i WD = %s', (date, n, expected) => {
    expect(cal.addWorkdays(date, n)).toBe(expected)
  })

  it('n = 0 is the day itself; negative or fractional n is an error', () => {
    expect(cal.addWorkdays('2024-10-05', 0)).toBe('2024-10-05')
    expect(() => cal.addWorkdays('2024-10-05', -1)).toThrow(RangeError)
    expect(() => cal.addWorkdays('2024-10-05', 1.5)).toThrow(RangeError)
    expect(() => cal.addWorkdays('2024-10-05', Number.NaN)).toThrow(RangeError)
  })
})

describe('addDays', () => {
  it('counts calendar days, also outside coverage', () => {
    expect(cal.addDays('2024-09-27', 1)).toBe('2024-09-28')
    expect(cal.addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(cal.addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(cal.addDays('2024-12-31', 15)).toBe('2025-01-15')
    expect(cal.addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(cal.addDays('2030-01-01', -365)).toBe('2029-01-01')
    expect(cal.addDays('2004-01-01', -1)).toBe('2003-12-31')
    expect(cal.addDays('2024-10-05', 0)).toBe('2024-10-05')
    expect(() => cal.addDays('2024-10-05', 0.5)).toThrow(RangeError)
    expect(() => cal.addDays('2024-13-05', 1)).toThrow(RangeError)
  })
})

describe('workdaysBetween', () => {
  it('counts working days after from up to and including to', () => {
    expect(cal.workdaysBetween('2024-09-27', '2024-10-08')).toBe(3)
    expect(cal.workdaysBetween('2024-10-08', '2024-09-27')).toBe(-3)
    expect(cal.workdaysBetween('2024-09-27', '2024-09-27')).toBe(0)
    expect(cal.workdaysBetween('2024-10-01', '2024-10-07')).toBe(0)
    expect(cal.workdaysBetween('2024-10-05', '2024-10-08')).toBe(1)
    expect(cal.workdaysBetween('2024-09-20', '2024-10-16')).toBe(15)
  })
})

describe('adjustments', () => {
  it('a local day off moves deadlines', () => {
    const local = new WorkCalendar({
      adjustments: [
        { date: '2024-10-08', workday: false, note: '本地假日' },
      ],
    })
    expect(local.isWorkday('2024-10-08')).toBe(false)
    expect(local.holidayName('2024-10-08')).toBe('本地假日')
    expect(local.addWorkdays('2024-10-05', 1)).toBe('2024-10-09')
    expect(local.workdaysBetween('2024-09-27', '2024-10-09')).toBe(3)
    // The shared national calendar is untouched.
    expect(cal.addWorkdays('2024-10-05', 1)).toBe('2024-10-08')
  })

  it('a day off without a note gets a generic name', () => {
    const local = new WorkCalendar({
      adjustments: [
        { date: '2024-11-13', workday: false },
      ],
    })
    expect(local.holidayName('2024-11-13')).toBe('本地休息日')
  })

  it('a Saturday can become a working day', () => {
    const local = new WorkCalendar({
      adjustments: [
        { date: '2024-11-16', workday: true, note: '补班' },
      ],
    })
    expect(local.isWorkday('2024-11-16')).toBe(true)
    expect(local.addWorkdays('2024-11-15', 1)).toBe('2024-11-16')
    expect(local.holidayName('2024-11-16')).toBeNull()
  })

  it('a statutory holiday can be worked locally, and the later entry wins', () => {
    const local = new WorkCalendar({
      adjustments: [
        { date: '2024-10-07', workday: false },
        { date: '2024-10-07', workday: true },
      ],
    })
    expect(local.isWorkday('2024-10-07')).toBe(true)
    expect(local.holidayName('2024-10-07')).toBeNull()
    expect(local.addWorkdays('2024-10-05', 1)).toBe('2024-10-07')
  })

  it('rejects malformed adjustment dates and ignores ones outside coverage', () => {
    expect(() => new WorkCalendar({
      adjustments: [
        { date: '2024/10/08', workday: false },
      ],
    })).toThrow(RangeError)
    const local = new WorkCalendar({
      adjustments: [
        { date: '2030-01-02', workday: false },
      ],
    })
    expect(local.coverage).toEqual(cal.coverage)
  })

  it('extraYears covers a year announced after the package was built', () => {
    const next = cal.coverage.years.at(-1)! + 1
    const local = new WorkCalendar({
      extraYears: [next],
      adjustments: [
        { date: `${next}-01-01`, workday: false, note: '元旦' },
      ],
    })
    expect(local.coverage.to).toBe(`${next}-12-31`)
    expect(local.isWorkday(`${next}-01-01`)).toBe(false)
    expect(local.holidayName(`${next}-01-01`)).toBe('元旦')
    expect(() => new WorkCalendar({
      extraYears: [next + 1],
    })).toThrow(RangeError)
  })
})

describe('rows', () => {
  const rows = cal.rows()

  it('lists every covered day in order', () => {
    expect(rows[0]!.d).toBe(cal.coverage.from)
    expect(rows.at(-1)!.d).toBe(cal.coverage.to)
    const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`)
    expect(rows.length).toBe((dayMs(cal.coverage.to) - dayMs(cal.coverage.from)) / 86_400_000 + 1)
    for (let i = 1; i < rows.length; i++)
      expect(dayMs(rows[i]!.d) - dayMs(rows[i - 1]!.d)).toBe(86_400_000)
  })

  it('numbers working days from 1 and agrees with isWorkday and holidayName', () => {
    let count = 0
    for (const r of rows) {
      if (r.workday)
        count++
      expect(r.wd_num).toBe(count)
      expect(r.workday).toBe(cal.isWorkday(r.d))
      expect(r.holiday).toBe(cal.holidayName(r.d))
    }
    expect(rows.find(r => r.workday)!.wd_num).toBe(1)
  })

  it('works as a lookup table for "n-th working day after e"', () => {
    const byDate = new Map(rows.map(r => [r.d, r]))
    const e = byDate.get('2024-09-27')!
    const target = rows.find(r => r.workday && r.wd_num === e.wd_num + 1)!
    expect(target.d).toBe('2024-09-29')
  })

  it('returns fresh objects', () => {
    cal.rows()[0]!.workday = !rows[0]!.workday
    expect(cal.rows()[0]!.workday).toBe(rows[0]!.workday)
  })
})
