import raw from 'chinese-days/dist/chinese-days.json' with { type: 'json' }

// Values look like "National Day,国庆节,3" (English name, Chinese name, length of the break).
interface ChineseDaysJson {
  holidays: Record<string, string>
  workdays: Record<string, string>
  inLieuDays: Record<string, string>
}

export interface BaseCalendar {
  /** Statutory days off (weekends inside a break included) → Chinese holiday name. */
  holidays: ReadonlyMap<string, string>
  /** Adjusted working weekends (调休上班). */
  workdays: ReadonlySet<string>
  /** Contiguous run of years the package publishes a schedule for, ascending. */
  years: readonly number[]
}

function chineseName(value: string): string {
  const parts = value.split(',')
  return (parts[1] || parts[0] || '').trim()
}

let cached: BaseCalendar | undefined

export function baseCalendar(): BaseCalendar {
  if (cached)
    return cached
  const data = raw as ChineseDaysJson
  const holidays = new Map<string, string>()
  for (const [date, value] of Object.entries(data.holidays))
    holidays.set(date, chineseName(value))
  const workdays = new Set(Object.keys(data.workdays))

  // A year is covered when the package lists at least one holiday in it: the State Council
  // announces each year's schedule in one notice, so one entry means the whole year is known.
  // Working-day counting runs across year ends, so only an unbroken run of years is usable;
  // should the data ever have a hole, the run containing the newest year wins.
  const listed = new Set([
    ...holidays.keys(),
  ].map(d => Number(d.slice(0, 4))))
  const newest = Math.max(...listed)
  const years: number[] = []
  for (let y = newest; listed.has(y); y--)
    years.unshift(y)

  cached = { holidays, workdays, years }
  return cached
}
