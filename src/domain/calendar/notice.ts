import type { AddedYear, YearRefusal, YearResult } from './year'
import { daysFromCivil, fromDayNumber, isValidYmd } from '../dates/civil'
import { weekdayOf } from './year'

/**
 * Reads the State Council notice "国务院办公厅关于YYYY年部分节假日安排的通知" into the year's days
 * off and 调休 working days. Pure: text in, year or refusals out. Every weekday the notice
 * writes in brackets (周四, 星期四) is checked against the real weekday and every "共N天"
 * against the days of its range, so a mistyped paste is refused, naming the line, instead of
 * shifting every limit of the year.
 */
export interface NoticeParse {
  year: number
  holidays: Map<string, string>
  workdays: Set<string>
}

export type NoticeResult = { ok: true, notice: NoticeParse } | { ok: false, refusals: YearRefusal[] }

const WEEKDAY: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 }
const WEEKDAY_ZH = ['日', '一', '二', '三', '四', '五', '六']
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

/** Full-width digits, brackets, colons and spaces as ASCII, so one pattern reads both. */
function normalise(line: string): string {
  return line
    .replace(/[０-９]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[：]/g, ':')
    .replace(/[；]/g, ';')
    .replace(/[\s\u3000]+/g, '')
}

// (YYYY年)M月D日(hint) [至 (YYYY年)(M月)D日(hint)]
const DATE_RANGE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:\(([^)]*)\))?(?:至(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?)?/g
const ITEM = /^[一二三四五六七八九十]+[、.]([^:]{1,20}):(.*)$/
const TITLE = /关于(\d{4})年部分节假日安排的通知/

interface Day { date: string, hint: string | undefined }

function dayOf(y: number, m: number, d: number): string | null {
  return isValidYmd(y, m, d) ? fromDayNumber(daysFromCivil(y, m, d)) : null
}

/** The weekday a bracket names (周四, 星期四, 农历除夕、周二), or undefined for lunar-only hints. */
function hintedWeekday(hint: string | undefined): number | undefined {
  const m = hint?.match(/(?:周|星期|礼拜)([日天一二三四五六])/)
  return m ? WEEKDAY[m[1]!] : undefined
}

export function parseNotice(text: string): NoticeResult {
  const lines = text.split(/\r?\n/)
  const refusals: YearRefusal[] = []
  let year: number | null = null
  for (const raw of lines) {
    const m = normalise(raw).match(TITLE)
    if (m) {
      year = Number(m[1])
      break
    }
  }
  if (year === null) {
    return { ok: false, refusals: [{
      zh: '未找到标题“国务院办公厅关于YYYY年部分节假日安排的通知”，无法确定年份',
      en: 'the title "国务院办公厅关于YYYY年部分节假日安排的通知" was not found, so the year is unknown',
    }] }
  }
  const holidays = new Map<string, string>()
  const workdays = new Set<string>()
  let items = 0
  lines.forEach((raw, idx) => {
    const line = normalise(raw)
    const item = line.match(ITEM)
    if (!item || !/\d+月\d+日/.test(item[2]!))
      return
    items++
    const lineNo = idx + 1
    const refuse = (zh: string, en: string) => refusals.push({ line: lineNo, text: raw.trim(), zh: `第 ${lineNo} 行：${zh}`, en: `line ${lineNo}: ${en}` })
    const name = item[1]!.replace(/节$/, '') === '清明' ? '清明节' : item[1]!
    for (const sentence of item[2]!.split(/[。;]/)) {
      const isWork = sentence.includes('上班')
      const isOff = /放假|补休|调休|连休/.test(sentence)
      if (!isWork && !isOff)
        continue
      const days: Day[] = []
      let bad = false
      for (const d of sentence.matchAll(DATE_RANGE)) {
        const y0 = d[1] ? Number(d[1]) : year!
        const m0 = Number(d[2])
        const start = dayOf(y0, m0, Number(d[3]))
        if (!start) {
          refuse(`日期“${d[0]}”不存在`, `"${d[0]}" is not a date`)
          bad = true
          continue
        }
        if (d[7] === undefined) {
          days.push({ date: start, hint: d[4] })
          continue
        }
        const m1 = d[6] ? Number(d[6]) : m0
        const y1 = d[5] ? Number(d[5]) : (m1 < m0 ? y0 + 1 : y0)
        const end = dayOf(y1, m1, Number(d[7]))
        if (!end || end < start) {
          refuse(`日期范围“${d[0]}”无效`, `the range "${d[0]}" is not valid`)
          bad = true
          continue
        }
        days.push({ date: start, hint: d[4] })
        for (let dn = daysFromCivil(y0, m0, Number(d[3])) + 1; fromDayNumber(dn) < end; dn++)
          days.push({ date: fromDayNumber(dn), hint: undefined })
        days.push({ date: end, hint: d[8] })
      }
      if (bad)
        continue
      for (const d of days) {
        const want = hintedWeekday(d.hint)
        const real = weekdayOf(d.date)
        if (want !== undefined && want !== real)
          refuse(`${d.date} 是星期${WEEKDAY_ZH[real]}，通知写的是“${d.hint}”`, `${d.date} is a ${WEEKDAY_EN[real]}, the notice says "${d.hint}"`)
      }
      if (isWork) {
        for (const d of days) {
          const w = weekdayOf(d.date)
          if (w !== 0 && w !== 6)
            refuse(`上班日 ${d.date} 不是周末`, `the working day ${d.date} is not a weekend`)
          else if (holidays.has(d.date))
            refuse(`${d.date} 既是假日又是上班日`, `${d.date} is both a day off and a working day`)
          else
            workdays.add(d.date)
        }
        continue
      }
      // "共3天", "放假1天": the days of the break as the notice counts them.
      const count = sentence.match(/共(\d+)天/) ?? sentence.match(/放假(\d+)天/)
      if (count && Number(count[1]) !== days.length)
        refuse(`写明共 ${count[1]} 天，但日期范围是 ${days.length} 天`, `it says ${count[1]} days, but the dates span ${days.length}`)
      if (days.length === 0)
        refuse('放假安排中没有日期', 'the holiday has no dates')
      for (const d of days) {
        if (workdays.has(d.date))
          refuse(`${d.date} 既是假日又是上班日`, `${d.date} is both a day off and a working day`)
        else
          holidays.set(d.date, name)
      }
    }
  })
  if (items === 0 && refusals.length === 0) {
    refusals.push({
      zh: '没有找到“一、元旦：1月1日……放假”这样的放假安排行',
      en: 'no holiday lines such as "一、元旦：1月1日……放假" were found',
    })
  }
  if (refusals.length > 0)
    return { ok: false, refusals }
  return { ok: true, notice: { year, holidays, workdays } }
}

/**
 * The notice as an added year: only the days of the notice's own year (a 元旦 break may start
 * in the December before, which the calendar already has).
 */
export function yearFromNotice(text: string, label: string, addedAt?: string): YearResult {
  const r = parseNotice(text)
  if (!r.ok)
    return r
  const { year } = r.notice
  const inYear = (d: string) => d.startsWith(`${year}-`)
  const added: AddedYear = {
    year,
    holidays: Object.fromEntries([...r.notice.holidays].filter(([d]) => inYear(d)).sort(([a], [b]) => a.localeCompare(b))),
    workdays: [...r.notice.workdays].filter(inYear).sort(),
    source: { kind: 'notice', label, ...(addedAt ? { addedAt } : {}) },
  }
  return { ok: true, year: added }
}
