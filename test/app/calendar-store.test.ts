import type { AddedYear } from '../../src/domain/calendar'
import { readFileSync } from 'node:fs'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { WorkCalendar, yearFromNotice } from '../../src/domain/calendar'
import { CALENDAR_KEY, useCalendarStore } from '../../src/stores/calendar'
import { MemoryStorage } from '../helpers/memory-storage'

const r = yearFromNotice(readFileSync(new URL('../fixtures/calendar/notice-2027.txt', import.meta.url), 'utf8'), 'notice-2027.txt', '2026-12-06')
const y2027 = r.ok ? r.year : null!
const y2028: AddedYear = { year: 2028, holidays: { '2028-01-01': '元旦' }, workdays: [], source: { kind: 'table', label: '2028.csv' } }

describe('calendar store (设置 → 节假日安排)', () => {
  let storage: MemoryStorage
  beforeEach(() => {
    storage = new MemoryStorage()
    globalThis.localStorage = storage as unknown as Storage
    setActivePinia(createPinia())
  })

  it('keeps added years across a reload, and they build the same calendar', () => {
    useCalendarStore().add(y2027)
    expect(JSON.parse(storage.getItem(CALENDAR_KEY)!)).toHaveLength(1)
    setActivePinia(createPinia())
    const again = useCalendarStore()
    expect(again.years).toEqual([y2027])
    const cal = new WorkCalendar({ addedYears: again.years })
    expect(cal.addWorkdays('2026-12-30', 5)).toBe('2027-01-07')
  })

  it('replaces a year added twice, and removing a year removes the later ones too', () => {
    const s = useCalendarStore()
    s.add(y2028)
    s.add(y2027)
    s.add({ ...y2027, source: { ...y2027.source, label: 'again.txt' } })
    expect(s.years.map(y => [y.year, y.source.label])).toEqual([[2027, 'again.txt'], [2028, '2028.csv']])
    s.remove(2027)
    expect(s.years).toEqual([])
    expect(storage.getItem(CALENDAR_KEY)).toBe('[]')
  })

  it('ignores what is not a year in storage', () => {
    storage.setItem(CALENDAR_KEY, JSON.stringify([{ year: 'x' }, y2027, 5]))
    expect(useCalendarStore().years).toEqual([y2027])
    storage.setItem(CALENDAR_KEY, '{not json')
    setActivePinia(createPinia())
    expect(useCalendarStore().years).toEqual([])
  })
})
