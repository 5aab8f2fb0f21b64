import type { YearRefusal, YearResult } from '../../domain/calendar/year'
import type { Dataset } from './dataset'
import { yearFromNotice } from '../../domain/calendar/notice'
import { yearFromDayTable } from '../../domain/calendar/year'
import { formatIssue } from '../table/issues'

/**
 * A table of one year's days (日期, 是否工作日, 说明), loaded like any data file, as an added
 * year. Problems the loader found in the file refuse it, in both languages.
 */
export function yearFromDataset(ds: Dataset, label: string, addedAt?: string): YearResult {
  const errors = ds.issues.filter(i => i.severity === 'error')
  if (errors.length > 0)
    return { ok: false, refusals: errors.map((i): YearRefusal => ({ ...(i.row ? { line: i.row } : {}), zh: formatIssue(i, 'zh'), en: formatIssue(i, 'en') })) }
  const t = ds.tables.calendar_adjustments
  if (t.rows.length === 0) {
    return { ok: false, refusals: [{ zh: `${label}：不是节假日安排通知，也不是含“日期、是否工作日”两列的日期表`, en: `${label}: neither a holiday notice nor a table with the columns 日期 and 是否工作日` }] }
  }
  const [d, w, note, row] = ['date', 'workday', 'note', '_row'].map(c => t.columns.indexOf(c)) as [number, number, number, number]
  return yearFromDayTable(t.rows.map(r => ({ date: r[d]!, workday: r[w] === 'true', note: r[note] ?? null, ...(r[row] ? { row: Number(r[row]) } : {}) })), label, addedAt)
}

/** A file the user gives as a year's holidays: the notice's text (.txt), or else a table of days. */
export function isNoticeFile(name: string): boolean {
  return /\.(?:txt|text)$/i.test(name)
}

export { yearFromNotice }
