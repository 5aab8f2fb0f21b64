// Parser for the 完成时限 (deadline) texts of a 配档表: see README.md for the grammar.
// Pure and framework-free: no Date objects, no time zones, no Node APIs.
//
// normalize.ts  full-width, spaces, map back to the caller's text
// phrases.ts    things, start markers, recurrences, durations, ongoing/external vocabularies
// tokens.ts     the calendar expressions (6月底前, 2024年10月15日, 三季度…)
// resolve.ts    a token to a day
// calendar.ts   Y/M/D arithmetic

import type { Resolved } from './resolve'
import type { Span } from './phrases'
import type { Token } from './tokens'
import type { DeadlineOptions, ParsedDeadline } from './types'
import { compareYmd, enDate, isoDate, validYear, zhDate } from './calendar'
import { normalize, originalSlice } from './normalize'
import {
  AFTER_WITHIN_YEAR_ONGOING_RE,
  EXTERNAL_RES,
  hasDuration,
  mask,
  ONGOING_MARK_RE,
  ONGOING_VOCAB_RE,
  PROSE_ONGOING_RE,
  PUNCT_RE,
  recurrenceSpans,
  startPhraseSpans,
  THEN_ONGOING_RE,
  thingSpans,
} from './phrases'
import { resolve } from './resolve'
import { OPENS_AFTER_RE, scan } from './tokens'

export type { DeadlineKind, DeadlineOptions, DeadlinePrecision, ParsedDeadline } from './types'

export const UNPARSED_INTERPRETATION = { zh: '无法识别，需人工设定', en: 'not recognised: set the date manually' }
export const ONGOING_INTERPRETATION = { zh: '长期推进：无截止日期，按月报送', en: 'ongoing: no due date, reported on at each monthly review' }
export const EXTERNAL_INTERPRETATION = { zh: '按上级安排：暂无本地截止日期，待录入', en: 'set by a higher level: no local due date until one is entered' }

// Long texts are prose, not a vocabulary phrase; the cap also keeps the regexes cheap.
const MAX_PHRASE = 80
const MAX_PROSE = 600

const LABEL_RE = /(?:完成时限|完成时间|完成期限|办结时限|时限要求|截止时间|截止日期|时间节点|时限)[:：]/g
const LEADING_LABEL_RE = /^[(（]?(?:完成时限|完成时间|完成期限|办结时限|时限要求|截止时间|截止日期|时间节点|时限)/

function regionStart(s: string): number {
  let start = 0
  for (const m of s.matchAll(LABEL_RE))
    start = m.index + m[0].length
  if (start === 0) {
    const lead = LEADING_LABEL_RE.exec(s)
    if (lead)
      start = lead[0].length
  }
  return start
}

// A year we did not attach to any date ("Q3 2024", "2024 6月底") would be silently replaced by the plan year.
function hasStrayYear(s: string, from: number, tokens: Token[]): boolean {
  let filler = ''
  let at = from
  for (const t of tokens) {
    filler += `${s.slice(at, t.start)}|`
    at = t.end
  }
  filler += s.slice(at)
  return /(?<!\d)(?:19|20|21)\d\d(?!\d)/.test(filler)
}

function unparsed(text: string, starts: string[] = []): ParsedDeadline {
  const interpretation = starts.length === 0
    ? { ...UNPARSED_INTERPRETATION }
    : { zh: `${UNPARSED_INTERPRETATION.zh}（${quoteZh(starts)}是起始时间，不是截止日期）`, en: `${UNPARSED_INTERPRETATION.en} (${quoteEn(starts)} is a start, not a deadline)` }
  return { text, kind: 'unparsed', dueDate: null, precision: 'none', interpretation }
}

function quoteZh(parts: string[]): string {
  return parts.map(p => `“${p}”`).join('、')
}

function quoteEn(parts: string[]): string {
  return parts.map(p => `“${p}”`).join(', ')
}

function startNote(starts: string[]): { zh: string, en: string } {
  return starts.length === 0
    ? { zh: '', en: '' }
    : { zh: `${quoteZh(starts)}是起始时间，不是截止日期；`, en: `${quoteEn(starts)} is a start, not a deadline; ` }
}

function ongoing(text: string, starts: string[]): ParsedDeadline {
  const note = startNote(starts)
  return {
    text,
    kind: 'ongoing',
    dueDate: null,
    precision: 'none',
    interpretation: { zh: note.zh + ONGOING_INTERPRETATION.zh, en: note.en + ONGOING_INTERPRETATION.en },
  }
}

function recurring(text: string, recurs: string[], starts: string[]): ParsedDeadline {
  const note = startNote(starts)
  return {
    text,
    kind: 'recurring',
    dueDate: null,
    precision: 'none',
    interpretation: {
      zh: `${note.zh}周期性任务（${quoteZh(recurs)}）：每期重复，无单一截止日期，按月报送`,
      en: `${note.en}recurring (${quoteEn(recurs)}): repeats each period, no single due date, reported on at each monthly review`,
    },
  }
}

// `自2024年7月起`: the start as written, with its 自/从 and its 起.
function openingSpan(s: string, t: Token): Span {
  const start = t.start > 0 && '自从于'.includes(s[t.start - 1] as string) ? t.start - 1 : t.start
  return { start, end: t.end + (OPENS_AFTER_RE.exec(s.slice(t.end))?.[0].length ?? 0) }
}

export function parseDeadline(text: string, opts: DeadlineOptions): ParsedDeadline {
  const original = typeof text === 'string' ? text : String(text ?? '')
  try {
    return parseInner(original, opts ?? ({} as DeadlineOptions))
  }
  catch {
    // Defensive: a deadline the parser trips on is one a person must set.
    return unparsed(original)
  }
}

function parseInner(text: string, opts: DeadlineOptions): ParsedDeadline {
  const n = normalize(text)
  const from = regionStart(n.s)
  const quote = (sp: Span) => originalSlice(text, n, sp.start, sp.end)

  // Things first: what names a report, a batch or a count is neither a date nor in the way of one.
  const named = mask(n.s, thingSpans(n.s))
  if (hasDuration(named.slice(from)))
    return unparsed(text)
  const startPhrases = startPhraseSpans(named, from)
  const recurs = recurrenceSpans(named, from)
  const s = mask(named, [...startPhrases, ...recurs])
  const { tokens, invalid } = scan(s, from)
  if (invalid || hasStrayYear(s, from, tokens))
    return unparsed(text)

  const starts = [...startPhrases.map(quote), ...tokens.filter(t => t.opens).map(t => quote(openingSpan(s, t)))]
  const due = tokens.filter(t => !t.opens)
  const recurTexts = recurs.map(quote)

  if (due.length === 0) {
    const rest = named.slice(from)
    const compact = rest.replace(PUNCT_RE, '')
    if (tokens.length === 0 && startPhrases.length === 0 && compact.length > 0 && compact.length <= MAX_PHRASE) {
      if (EXTERNAL_RES.some(re => re.test(compact)))
        return { text, kind: 'external', dueDate: null, precision: 'none', interpretation: { ...EXTERNAL_INTERPRETATION } }
      // 按月报送 beside 长期坚持 only restates the monthly report every ongoing task makes.
      if (ONGOING_MARK_RE.test(compact) && ONGOING_VOCAB_RE.test(compact))
        return ongoing(text, starts)
    }
    if (rest.length > MAX_PROSE)
      return unparsed(text, starts)
    if (recurs.length > 0)
      return recurring(text, recurTexts, starts)
    if (PROSE_ONGOING_RE.test(rest) || THEN_ONGOING_RE.test(rest) || (starts.length > 0 && ONGOING_MARK_RE.test(rest)))
      return ongoing(text, starts)
    return unparsed(text, starts)
  }

  // "6月至9月": the first date only opens the period.
  for (let k = 1; k < due.length; k++) {
    const prev = due[k - 1] as Token
    const between = s.slice(prev.end, (due[k] as Token).start)
    if (/^(?:至|到|~|-)$/.test(between))
      prev.rangeStart = true
  }

  const planYear = opts.planYear
  const resolved: Array<{ r: Resolved, tok: Token, clauseStart: number }> = []
  let carried: number | null = null
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k] as Token
    let y: number
    if (tok.year && 'abs' in tok.year)
      y = tok.year.abs
    else if (tok.year)
      y = planYear + tok.year.rel
    else
      y = carried ?? planYear
    if (!validYear(y))
      return unparsed(text)
    // An explicit year governs the dates written after it ("2021年6月底前…；9月底前…"),
    // and so does the year of a start ("自2025年起，6月底前…").
    if (tok.year)
      carried = y
    if (tok.opens)
      continue
    const r = resolve(tok, y, originalSlice(text, n, tok.start, tok.end), opts)
    if (!r)
      return unparsed(text)
    if (tok.rangeStart)
      continue
    // Dates without their own year running backwards ("10月底前…，3月底前…") most likely
    // cross into the next year; that is for a person to decide.
    const last = resolved.at(-1)
    if (last && !tok.year && compareYmd(r.date, last.r.date) < 0)
      return unparsed(text)
    const prevTok = tokens[k - 1]
    resolved.push({ r, tok, clauseStart: prevTok?.rangeStart ? prevTok.start : tok.start })
  }

  // 年内持续推进: "within the year, keep going" has no completion event to be due.
  const only = resolved.length === 1 ? resolved[0] : undefined
  if (only && only.tok.value.unit === 'year' && /年内$/.test(s.slice(only.tok.start, only.tok.end))
    && AFTER_WITHIN_YEAR_ONGOING_RE.test(named.slice(only.tok.end)))
    return ongoing(text, starts)

  let last = resolved[0] as (typeof resolved)[number]
  for (const item of resolved) {
    if (compareYmd(item.r.date, last.r.date) >= 0)
      last = item
  }

  // An ongoing phrase or a recurrence *after* the first date keeps the work going once it is
  // done; one written before it describes the work leading up to the date.
  const firstClause = (resolved[0] as (typeof resolved)[number]).clauseStart
  const laterRecurs = recurs.filter(sp => sp.start > firstClause)
  const thenOngoing = THEN_ONGOING_RE.test(named.slice(firstClause)) || laterRecurs.length > 0

  let zh = last.r.zh
  let en = last.r.en
  let milestones: ParsedDeadline['milestones']
  if (resolved.length > 1) {
    milestones = resolved.map((item, k) => {
      const next = resolved[k + 1]
      const end = next ? next.clauseStart : n.s.length
      return { date: isoDate(item.r.date), text: originalSlice(text, n, item.clauseStart, end) }
    })
    zh = `分${resolved.length}个节点：${resolved.map(x => x.r.zh).join('；')}；以最后节点${zhDate(last.r.date)}为截止`
    en = `${resolved.length} milestones: ${resolved.map(x => x.r.en).join('; ')}; due at the last, ${enDate(last.r.date)}`
  }
  if (laterRecurs.length > 0) {
    const q = laterRecurs.map(quote)
    zh = `${zh}完成，此后按${quoteZh(q)}周期性推进，按月报送`
    en = `${en}, then recurring (${quoteEn(q)}): reported on at each monthly review`
  }
  else if (thenOngoing) {
    zh = `${zh}完成，此后长期坚持，按月报送`
    en = `${en}, then ongoing: reported on at each monthly review`
  }
  const note = startNote(starts)

  const out: ParsedDeadline = {
    text,
    kind: thenOngoing ? 'date_then_ongoing' : 'date',
    dueDate: isoDate(last.r.date),
    precision: last.r.precision,
    interpretation: { zh: note.zh + zh, en: note.en + en },
  }
  if (milestones)
    out.milestones = milestones
  return out
}
