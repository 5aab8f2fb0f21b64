import type { AddedYear } from '../domain/calendar'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { saveLocal } from '../app/persist/storage'

export const CALENDAR_KEY = 'duban.calendarYears'

function isAddedYear(v: unknown): v is AddedYear {
  const y = v as AddedYear
  return typeof y === 'object' && y !== null && Number.isInteger(y.year) && typeof y.holidays === 'object'
    && Array.isArray(y.workdays) && typeof y.source?.label === 'string' && (y.source.kind === 'notice' || y.source.kind === 'table')
}

function restore(): AddedYear[] {
  try {
    const raw = localStorage.getItem(CALENDAR_KEY)
    const list: unknown = raw ? JSON.parse(raw) : []
    return Array.isArray(list) ? list.filter(isAddedYear) : []
  }
  catch {
    return []
  }
}

/**
 * Years of holidays the user added (设置 → 节假日安排), kept in the browser between visits and
 * handed to every calendar the app builds (stores/dataset.ts → app/engine.ts).
 */
export const useCalendarStore = defineStore('calendar', () => {
  const years = ref<AddedYear[]>(restore())
  function save() {
    saveLocal(CALENDAR_KEY, JSON.stringify(years.value), 'calendar')
  }
  /** Adds or replaces the year. */
  function add(y: AddedYear) {
    years.value = [...years.value.filter(x => x.year !== y.year), y].sort((a, b) => a.year - b.year)
    save()
  }
  /** Removes the year and every later added year (the covered years must stay contiguous). */
  function remove(year: number) {
    years.value = years.value.filter(x => x.year < year)
    save()
  }
  return { years, add, remove }
})
