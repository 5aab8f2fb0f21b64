// What the user keeps with a data set for the ledger: the review dates (e.g. each month's
// meeting) and a note and a responsible person against open items. Plain JSON, so it can live
// in the browser next to the data and travel in the export bundle as ledger.json.

import type { Dataset } from '../dataset/dataset'
import { lastDayOfMonth } from '../../domain/dates'
import { dataSpan } from '../dataset/span'

export interface LedgerNote {
  note: string
  person: string
  /** ISO time of the last edit: on import, the newer edit of an item wins. */
  updatedAt: string
}

export interface LedgerState {
  v: 1
  /** Ascending, distinct 'YYYY-MM-DD'. */
  reviewDates: string[]
  /** By item key (`task:<id>` or `eval:<id>`). A note stays with the item from review to review. */
  notes: Record<string, LedgerNote>
}

export const LEDGER_FILE = 'ledger.json'
/** Long enough for a paragraph, short enough that browser storage never fills with notes. */
export const NOTE_MAX = 2000
export const PERSON_MAX = 100

const DATE = /^\d{4}-\d{2}-\d{2}$/

export function emptyLedger(): LedgerState {
  return { v: 1, reviewDates: [], notes: {} }
}

function cleanText(v: unknown, max: number): string {
  // Text only: control characters go, the rest is kept as typed and always rendered as text.
  if (typeof v !== 'string')
    return ''
  let out = ''
  for (const ch of v) {
    const c = ch.codePointAt(0)!
    if (c >= 0x20 ? c !== 0x7F : c === 0x09 || c === 0x0A || c === 0x0D)
      out += ch
  }
  return out.slice(0, max)
}

function isDate(v: unknown): v is string {
  if (typeof v !== 'string' || !DATE.test(v))
    return false
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
}

export function sortDates(dates: Iterable<string>): string[] {
  return [...new Set([...dates].filter(isDate))].sort()
}

/** A stored or imported ledger, checked: what is not a date, a note or a key is dropped. */
export function parseLedger(raw: unknown): LedgerState {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as { reviewDates?: unknown, notes?: unknown }
  const dates = Array.isArray(o.reviewDates) ? sortDates(o.reviewDates.filter(isDate)) : []
  const notes: Record<string, LedgerNote> = {}
  if (typeof o.notes === 'object' && o.notes !== null && !Array.isArray(o.notes)) {
    for (const [key, v] of Object.entries(o.notes as Record<string, unknown>)) {
      if (!/^(?:task|eval):/.test(key) || typeof v !== 'object' || v === null)
        continue
      const n = v as Record<string, unknown>
      const note = cleanText(n.note, NOTE_MAX)
      const person = cleanText(n.person, PERSON_MAX)
      if (note || person)
        notes[key] = { note, person, updatedAt: typeof n.updatedAt === 'string' ? n.updatedAt : '' }
    }
  }
  return { v: 1, reviewDates: dates, notes }
}

/** An imported ledger joined to the one kept: every review date of both; per item, the newer note. */
export function mergeLedgers(kept: LedgerState, incoming: LedgerState): LedgerState {
  const notes = { ...kept.notes }
  for (const [k, n] of Object.entries(incoming.notes)) {
    const mine = notes[k]
    if (!mine || n.updatedAt >= mine.updatedAt)
      notes[k] = n
  }
  return { v: 1, reviewDates: sortDates([...kept.reviewDates, ...incoming.reviewDates]), notes }
}

/** A note written (or cleared, when both fields are empty) against an item. */
export function withNote(s: LedgerState, key: string, note: string, person: string, now: string): LedgerState {
  const notes = { ...s.notes }
  const n = cleanText(note, NOTE_MAX)
  const p = cleanText(person, PERSON_MAX)
  if (n.trim() || p.trim())
    notes[key] = { note: n, person: p, updatedAt: now }
  else
    delete notes[key]
  return { ...s, notes }
}

export function withDate(s: LedgerState, date: string): LedgerState {
  if (!isDate(date))
    throw new RangeError(`无效的日期：${date}（Invalid date）`)
  return { ...s, reviewDates: sortDates([...s.reviewDates, date]) }
}

export function withoutDate(s: LedgerState, date: string): LedgerState {
  return { ...s, reviewDates: s.reviewDates.filter(d => d !== date) }
}

/**
 * The review dates suggested when the user kept none (domain §8a): the last day of each month
 * from `first` to `last`; the last month's review date is `asOf` (the data's review date) when
 * that falls inside it.
 */
export function monthEnds(first: string, last: string, asOf: string | null = null): string[] {
  const out: string[] = []
  let y = Number(first.slice(0, 4))
  let m = Number(first.slice(5, 7))
  const endMonth = last.slice(0, 7)
  for (;;) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`
    if (month > endMonth)
      break
    out.push(month === endMonth && asOf && asOf.slice(0, 7) === month ? asOf : lastDayOfMonth(month))
    m++
    if (m > 12) {
      m = 1
      y++
    }
  }
  return out
}

/** The suggested review dates of a data set: every month end in its data. */
export function suggestedReviewDates(ds: Dataset, asOf: string | null, today: string): string[] {
  const span = dataSpan(ds, today)
  if (!span)
    return asOf ? [asOf] : []
  const last = asOf && asOf > span.last ? asOf : span.last
  return monthEnds(span.first, last, asOf)
}
