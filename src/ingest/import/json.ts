// JSON exports: an array of records, {"<table>": [records], …} (one table per key, named like
// a sheet), or JSON Lines (one record per line). Records become a grid whose header is the
// union of their keys in order of first appearance; record n is spreadsheet row n + 1.

import type { LoadIssue } from '../table/issues'
import type { RawSheet } from './sheet'
import type { ReadResult } from './types'
import { decodeText } from '../table/decode'
import { looksBinary } from './formats'
import { unreadableIssue } from './reason'
import { plainGrid } from './sheet'

/** Numbers go over as text, as for Parquet: a bare number in a date column is not an Excel serial. */
function cell(v: unknown): string | null {
  if (v === null || v === undefined)
    return null
  if (typeof v === 'string')
    return v
  if (typeof v === 'number' || typeof v === 'boolean')
    return String(v)
  return JSON.stringify(v)
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Records (objects; null for a line that could not be read) → header + rows. */
function recordsToCells(records: Array<Record<string, unknown> | null>): unknown[][] {
  const keys = new Map<string, number>()
  for (const r of records) {
    for (const k of Object.keys(r ?? {})) {
      if (!keys.has(k))
        keys.set(k, keys.size)
    }
  }
  const header = [...keys.keys()]
  const rows: unknown[][] = [header]
  for (const r of records)
    rows.push(r ? header.map(k => cell(r[k])) : [])
  return rows
}

function sheetOf(fileName: string, value: unknown[], sheet?: string): RawSheet {
  // An array of arrays is already a grid (header first).
  const cells = value.every(Array.isArray)
    ? (value as unknown[][]).map(row => row.map(cell))
    : recordsToCells(value.map(v => (isRecord(v) ? v : null)))
  return { fileName, ...(sheet ? { sheet } : {}), cells }
}

function textOf(name: string, bytes: Uint8Array): { text: string, encoding: string } | LoadIssue {
  if (looksBinary(bytes))
    return unreadableIssue(name, '不是文本文件（内容是二进制数据）', 'not a text file (binary content)')
  const d = decodeText(bytes)
  return { text: d.text, encoding: d.encoding }
}

export function readJson(name: string, bytes: Uint8Array): ReadResult {
  const t = textOf(name, bytes)
  if ('code' in t)
    return { grids: [], issues: [t] }
  let value: unknown
  try {
    value = JSON.parse(t.text)
  }
  catch (e) {
    return { grids: [], encoding: t.encoding, issues: [unreadableIssue(name, 'JSON 格式错误，文件可能不完整', 'invalid JSON; the file may be incomplete', e)] }
  }
  const sheets: RawSheet[] = []
  if (Array.isArray(value)) {
    sheets.push(sheetOf(name, value))
  }
  else if (isRecord(value)) {
    // {"data": [...]} or {"evaluations": [...], "applications": [...]}
    for (const [k, v] of Object.entries(value)) {
      if (Array.isArray(v) && v.length > 0 && (v.every(isRecord) || v.every(Array.isArray)))
        sheets.push(sheetOf(name, v, k))
    }
  }
  if (sheets.length === 0)
    return { grids: [], encoding: t.encoding, issues: [unreadableIssue(name, 'JSON 中没有找到记录数组', 'no array of records found in the JSON')] }
  return { grids: sheets.map(plainGrid), encoding: t.encoding, issues: [] }
}

export function readJsonLines(name: string, bytes: Uint8Array): ReadResult {
  const t = textOf(name, bytes)
  if ('code' in t)
    return { grids: [], issues: [t] }
  const issues: LoadIssue[] = []
  const records: Array<Record<string, unknown> | null> = []
  const lines = t.text.split(/\r?\n/)
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      records.push(null)
      return
    }
    try {
      const v: unknown = JSON.parse(line)
      if (isRecord(v)) {
        records.push(v)
        return
      }
      issues.push(unreadableIssue(name, '这一行不是 JSON 对象', 'this line is not a JSON object', undefined, { row: i + 2 }))
    }
    catch (e) {
      issues.push(unreadableIssue(name, '这一行不是有效的 JSON', 'this line is not valid JSON', e, { row: i + 2 }))
    }
    records.push(null)
  })
  // Trailing blank lines are not rows.
  while (records.length && records.at(-1) === null && lines.at(records.length - 1)?.trim() === '')
    records.pop()
  if (records.every(r => r === null))
    return { grids: [], encoding: t.encoding, issues: issues.length ? issues : [{ severity: 'error', code: 'empty_file', file: name }] }
  return { grids: [plainGrid({ fileName: name, cells: recordsToCells(records) })], encoding: t.encoding, issues }
}
