import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseNotice, WorkCalendar, yearFromDayTable, yearFromNotice } from '../../../src/domain/calendar'
import { daysFromCivil, fromDayNumber } from '../../../src/domain/dates/civil'

const FIX = new URL('../../fixtures/calendar/', import.meta.url).pathname
const notice = (y: number) => readFileSync(`${FIX}notice-${y}.txt`, 'utf8')
const pkg = new WorkCalendar()

function daysOf(year: number): string[] {
  const out: string[] = []
  for (let dn = daysFromCivil(year, 1, 1); dn <= daysFromCivil(year, 12, 31); dn++)
    out.push(fromDayNumber(dn))
  return out
}

/** Working day by the notice alone: Monday–Friday minus its days off plus its working weekends. */
function noticeWorkday(year: number): (d: string) => boolean {
  const r = parseNotice(notice(year))
  if (!r.ok)
    throw new Error(JSON.stringify(r.refusals))
  const { holidays, workdays } = r.notice
  return (d) => {
    if (holidays.has(d))
      return false
    if (workdays.has(d))
      return true
    const w = new Date(`${d}T00:00:00Z`).getUTCDay()
    return w >= 1 && w <= 5
  }
}

describe('the State Council notices 2019–2026, day by day against chinese-days', () => {
  for (const year of [2019, 2021, 2022, 2023, 2024, 2025, 2026]) {
    it(`${year}: every day of the year is a working day in the notice exactly when it is in the package`, () => {
      const isWork = noticeWorkday(year)
      const differ = daysOf(year).filter(d => isWork(d) !== pkg.isWorkday(d))
      expect(differ).toEqual([])
    })
  }
  it('2020: the notice differs only by the later extension of the Spring Festival (to 2 Feb)', () => {
    const isWork = noticeWorkday(2020)
    const differ = daysOf(2020).filter(d => isWork(d) !== pkg.isWorkday(d))
    // 31 Jan (Fri) and 1 Feb (the 调休 Saturday) became days off by the extension notice.
    expect(differ).toEqual(['2020-01-31', '2020-02-01'])
  })
  it('reads the title year, holiday names and working weekends', () => {
    const r = parseNotice(notice(2026))
    expect(r.ok).toBe(true)
    if (!r.ok)
      return
    expect(r.notice.year).toBe(2026)
    expect(r.notice.holidays.get('2026-02-23')).toBe('春节')
    expect(r.notice.holidays.size).toBe(33)
    expect([...r.notice.workdays].sort()).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
  })
  it('a 元旦 break starting in December keeps only the notice year\'s days as the added year', () => {
    const r = yearFromNotice(notice(2023), 'notice-2023.txt')
    expect(r.ok && Object.keys(r.year.holidays).slice(0, 2)).toEqual(['2023-01-01', '2023-01-02'])
    expect(r.ok && r.year.workdays.includes('2022-12-31')).toBe(false)
  })
})

describe('forms of the notice\'s lines', () => {
  const title = '国务院办公厅关于2030年部分节假日安排的通知\n'
  const parse = (body: string) => parseNotice(title + body)
  it('full-width digits and brackets, 星期 and 周, a range across months, 补休 and single days', () => {
    const r = parse('一、劳动节：４月３０日（星期二）至５月２日（周四）放假调休，共３天。４月２８日（星期日）上班。\n二、清明节：4月5日放假，4月8日（周一）补休。\n三、中秋节：9月12日放假，与周末连休。\n')
    expect(r.ok).toBe(true)
    if (!r.ok)
      return
    expect([...r.notice.holidays.keys()].sort()).toEqual(['2030-04-05', '2030-04-08', '2030-04-30', '2030-05-01', '2030-05-02', '2030-09-12'])
    expect([...r.notice.workdays]).toEqual(['2030-04-28'])
  })
  it('reads the notice as news sites print it, with half-width brackets and colons', () => {
    const half = notice(2026).replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/，/g, ',')
    const a = parseNotice(half)
    const b = parseNotice(notice(2026))
    expect(a.ok && b.ok).toBe(true)
    if (a.ok && b.ok) {
      expect([...a.notice.holidays]).toEqual([...b.notice.holidays])
      expect([...a.notice.workdays]).toEqual([...b.notice.workdays])
    }
  })
  it('a lunar hint alone is not checked', () => {
    const r = parse('一、春节：2月2日（农历除夕）至8日（农历正月初六）放假调休，共7天。\n')
    expect(r.ok && r.notice.holidays.size).toBe(7)
  })
  it('refuses a weekday that is not the date\'s, naming the line (zh and en)', () => {
    const text = notice(2026).replace('1月4日（周日）上班', '1月4日（周一）上班')
    const r = parseNotice(text)
    expect(r.ok).toBe(false)
    if (r.ok)
      return
    expect(r.refusals).toHaveLength(1)
    expect(r.refusals[0]!.line).toBe(5)
    expect(r.refusals[0]!.zh).toBe('第 5 行：2026-01-04 是星期日，通知写的是“周一”')
    expect(r.refusals[0]!.en).toBe('line 5: 2026-01-04 is a Sunday, the notice says "周一"')
    expect(r.refusals[0]!.text).toContain('元旦')
  })
  it('refuses a 共N天 that is not the length of the range, naming the line', () => {
    const r = parseNotice(notice(2024).replace('共8天', '共7天'))
    expect(r.ok).toBe(false)
    if (r.ok)
      return
    expect(r.refusals.map(x => [x.line, x.zh, x.en])).toEqual([[6, '第 6 行：写明共 7 天，但日期范围是 8 天', 'line 6: it says 7 days, but the dates span 8']])
  })
  it('refuses text without the title, and a notice with no holiday lines', () => {
    const noTitle = parseNotice('一、元旦：1月1日放假。')
    expect(!noTitle.ok && noTitle.refusals[0]!.zh).toContain('未找到标题')
    const empty = parseNotice(title)
    expect(!empty.ok && empty.refusals[0]!.en).toContain('no holiday lines')
  })
  it('refuses a working day that is a weekday, and a date that does not exist', () => {
    const r = parse('一、元旦：1月1日至2月30日放假。\n二、春节：2月4日上班。\n')
    expect(!r.ok && r.refusals.map(x => x.line)).toEqual([2, 3])
  })
})

describe('a table of the year\'s days', () => {
  it('days off and working weekends from 日期/是否工作日 rows; ordinary weekends are not holidays', () => {
    const r = yearFromDayTable([
      { date: '2027-01-01', workday: false, note: '元旦' },
      { date: '2027-01-02', workday: false },
      { date: '2027-01-04', workday: false },
      { date: '2027-01-31', workday: true },
      { date: '2027-02-01', workday: true },
    ], '2027.csv')
    expect(r.ok && r.year).toEqual({ year: 2027, holidays: { '2027-01-01': '元旦', '2027-01-04': '节假日' }, workdays: ['2027-01-31'], source: { kind: 'table', label: '2027.csv' } })
  })
  it('refuses a table of two years, and a date marked both ways', () => {
    expect(yearFromDayTable([{ date: '2027-01-01', workday: false }, { date: '2028-01-01', workday: false }], 'x').ok).toBe(false)
    const r = yearFromDayTable([{ date: '2027-01-01', workday: false, row: 2 }, { date: '2027-01-01', workday: true, row: 3 }], 'x')
    expect(!r.ok && r.refusals[0]!.line).toBe(3)
  })
})

describe('work calendar with an added year', () => {
  const y2027 = yearFromNotice(notice(2027), 'notice-2027.txt', '2026-12-06')
  if (!y2027.ok)
    throw new Error('fixture')
  const cal = new WorkCalendar({ addedYears: [y2027.year] })
  it('extends coverage and names each source', () => {
    expect(cal.coverage.to).toBe('2027-12-31')
    expect(cal.coverage.sources).toEqual([
      { from_year: 2004, to_year: 2026, kind: 'package', label: 'chinese-days' },
      { from_year: 2027, to_year: 2027, kind: 'notice', label: 'notice-2027.txt', added_at: '2026-12-06' },
    ])
  })
  it('counts across the year end on the added days', () => {
    // 30 Dec 2026 (Wed): 31 Dec, then 1–3 Jan off, 4 Jan … 7 Jan.
    expect(cal.addWorkdays('2026-12-30', 5)).toBe('2027-01-07')
    expect(cal.isWorkday('2027-01-31')).toBe(true)
    expect(cal.holidayName('2027-02-08')).toBe('春节')
  })
  it('a year the package covers is ignored (the package wins) and named', () => {
    const y2026 = yearFromNotice(notice(2026).replace('1月4日（周日）上班。', ''), 'mine.txt')
    const c = new WorkCalendar({ addedYears: [y2026.ok ? y2026.year : null!] })
    expect(c.ignoredYears.map(y => y.year)).toEqual([2026])
    expect(c.isWorkday('2026-01-04')).toBe(true)
    expect(c.coverage.sources).toHaveLength(1)
  })
  it('refuses a gap between the package and an added year', () => {
    const y = { ...y2027.year, year: 2028, holidays: {}, workdays: [] }
    expect(() => new WorkCalendar({ addedYears: [y] })).toThrow(/contiguous/)
  })
})
