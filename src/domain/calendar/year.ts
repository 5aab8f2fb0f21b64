/**
 * A year of holidays the user added (from the State Council notice or a table of days), in a
 * shape that survives JSON (localStorage) unchanged.
 */
export interface AddedYear {
  year: number
  /** Statutory days off of the year (weekends inside a break included) → holiday name. */
  holidays: Record<string, string>
  /** Adjusted working weekends (调休上班). */
  workdays: string[]
  source: {
    kind: 'notice' | 'table'
    /** File name, or a description of the pasted text. */
    label: string
    /** ISO date the user added it. */
    addedAt?: string
  }
}

/** A reason a text or a table cannot be read as a year's schedule, in both languages. */
export interface YearRefusal {
  /** 1-based line (notice) or row (table) the problem is on, when there is one. */
  line?: number
  text?: string
  zh: string
  en: string
}

export type YearResult = { ok: true, year: AddedYear } | { ok: false, refusals: YearRefusal[] }

/** 0 = Sunday … 6 = Saturday, of a valid YYYY-MM-DD. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

const isWeekend = (date: string) => {
  const w = weekdayOf(date)
  return w === 0 || w === 6
}

/**
 * A table of one year's days (日期, 是否工作日, 说明 — the 本地日历调整 shape): a day marked
 * not working is a day off, a weekend marked working is a 调休 working day. Days not listed
 * follow Monday–Friday, so the table may list every day of the year or only the exceptions.
 * `row` is the spreadsheet row for messages (header = 1).
 */
export function yearFromDayTable(rows: Array<{ date: string, workday: boolean, note?: string | null, row?: number }>, label: string, addedAt?: string): YearResult {
  const refusals: YearRefusal[] = []
  const years = new Set(rows.map(r => Number(r.date.slice(0, 4))))
  if (rows.length === 0) {
    return { ok: false, refusals: [{ zh: '表中没有日期', en: 'the table lists no dates' }] }
  }
  if (years.size > 1) {
    const list = [...years].sort().join('、')
    return { ok: false, refusals: [{ zh: `一张表只能是一年的日期，表中有 ${list} 年`, en: `one table must hold one year; it has dates of ${list}` }] }
  }
  const year = [...years][0]!
  const holidays: Record<string, string> = {}
  const workdays: string[] = []
  const seen = new Map<string, boolean>()
  for (const r of rows) {
    const before = seen.get(r.date)
    if (before !== undefined && before !== r.workday) {
      refusals.push({ ...(r.row ? { line: r.row } : {}), text: r.date, zh: `${r.date} 既标为工作日又标为休息日`, en: `${r.date} is marked both a working day and a day off` })
      continue
    }
    seen.set(r.date, r.workday)
    // An unnamed weekend day off is an ordinary weekend, not a holiday.
    if (!r.workday) {
      if (r.note?.trim() || !isWeekend(r.date))
        holidays[r.date] = r.note?.trim() || '节假日'
    }
    else if (isWeekend(r.date)) {
      workdays.push(r.date)
    }
  }
  if (refusals.length > 0)
    return { ok: false, refusals }
  return { ok: true, year: { year, holidays, workdays: workdays.sort(), source: { kind: 'table', label, ...(addedAt ? { addedAt } : {}) } } }
}
