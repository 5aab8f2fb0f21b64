// The size guard (ingest/dataset/budget) applied to what the user picks and to the embedded data
// sets: files are measured from their size, a Parquet footer or the first megabyte of lines —
// never read whole — so a file the tab cannot hold is refused before it takes the memory.

import type { Budget, BudgetFile, BudgetResult } from '../ingest/dataset/budget'
import { checkBudget, DEFAULT_BUDGET, delimitedRowEstimate, parquetRowCount } from '../ingest/dataset/budget'

const OVERRIDE_KEY = 'duban.budget'
const SAMPLE = 1 << 20
const FOOTER_TAIL = 1 << 16

/**
 * The budget in force: the measured default, or this machine's own limits from localStorage
 * `duban.budget` (JSON, any of the four fields) — for a workstation with more memory, and for
 * tests that need a small limit without a giant file. Invalid values are ignored.
 */
export function currentBudget(): Budget {
  let raw: string | null
  try {
    raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(OVERRIDE_KEY)
  }
  catch {
    return DEFAULT_BUDGET
  }
  if (!raw)
    return DEFAULT_BUDGET
  try {
    const o = JSON.parse(raw) as Record<string, unknown>
    const pick = (k: keyof Budget) => (typeof o[k] === 'number' && Number.isFinite(o[k]) && o[k] > 0 ? o[k] : DEFAULT_BUDGET[k])
    return { warnRows: pick('warnRows'), refuseRows: pick('refuseRows'), warnBytes: pick('warnBytes'), refuseBytes: pick('refuseBytes') }
  }
  catch {
    return DEFAULT_BUDGET
  }
}

export interface MeasuredFile {
  file: BudgetFile
  /** Rows were estimated (from a sample or the size), not counted. */
  approx: boolean
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

/**
 * A file's rows from its first megabyte (delimited text) or its last 64 kB (a Parquet footer):
 * counted when the sample is the whole file or the footer says so, else estimated.
 */
export function measureSample(name: string, bytes: number, head: Uint8Array, tail: Uint8Array): MeasuredFile {
  const ext = extension(name)
  if (ext === 'parquet') {
    const rows = parquetRowCount(tail)
    if (rows !== null)
      return { file: { name, bytes, rows }, approx: false }
  }
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') {
    const lines = delimitedRowEstimate(head, SAMPLE)
    if (head.byteLength >= bytes)
      return { file: { name, bytes, rows: lines }, approx: false }
    return { file: { name, bytes, rows: Math.ceil(Math.max(1, lines) * bytes / Math.max(1, head.byteLength)) }, approx: true }
  }
  return { file: { name, bytes }, approx: true }
}

/** A picked file measured from two small slices, without reading it whole. */
export async function measureFile(f: Blob, name: string): Promise<MeasuredFile> {
  const ext = extension(name)
  const empty = new Uint8Array(0)
  const head = ext === 'csv' || ext === 'tsv' || ext === 'txt' ? new Uint8Array(await f.slice(0, SAMPLE).arrayBuffer()) : empty
  const tail = ext === 'parquet' ? new Uint8Array(await f.slice(Math.max(0, f.size - FOOTER_TAIL)).arrayBuffer()) : empty
  return measureSample(name, f.size, head, tail)
}

/** The same for bytes already fetched (the embedded data sets), before they are parsed. */
export function measureBytes(bytes: Uint8Array, name: string): MeasuredFile {
  return measureSample(name, bytes.byteLength, bytes.subarray(0, SAMPLE), bytes.subarray(Math.max(0, bytes.byteLength - FOOTER_TAIL)))
}

export interface BudgetMessage {
  key: 'tooLarge' | 'tooLargeApprox' | 'large'
  params: { files: string, rows: string, size: string, loaded: string, limitRows: string, limitSize: string }
}

const count = (n: number) => n.toLocaleString('en-US')
const mb = (b: number) => (b < 1e6 ? `${Math.max(1, Math.round(b / 1e3))} KB` : `${(b / 1e6).toFixed(b >= 1e8 ? 0 : 1)} MB`)

/**
 * The message for a verdict (null when the files fit): which files, how many rows and bytes
 * they bring, what is already loaded, and the limit they pass. The words are in the locale
 * files (data.notice.tooLarge, budget.tooLarge), both pointing to `duban aggregate`.
 */
export function budgetMessage(result: BudgetResult, budget: Budget, measured: MeasuredFile[], loadedRows = 0): BudgetMessage | null {
  if (result.verdict === 'ok')
    return null
  const approx = !result.exact || measured.some(m => m.approx)
  const names = result.largest.map(f => f.name)
  return {
    key: result.verdict === 'warn' ? 'large' : approx ? 'tooLargeApprox' : 'tooLarge',
    params: {
      files: names.join(', '),
      rows: count(result.rows - loadedRows),
      size: mb(result.bytes),
      loaded: count(loadedRows),
      limitRows: count(budget.refuseRows),
      limitSize: mb(budget.refuseBytes),
    },
  }
}

/** A data set refused by the size guard; the previous data set stays on screen. */
export class BudgetExceeded extends Error {
  constructor(readonly detail: BudgetMessage) {
    super(`数据过大，未载入 / data set too large, not loaded: ${detail.params.files} (${detail.params.rows} rows, ${detail.params.size})`)
    this.name = 'BudgetExceeded'
  }
}

/** The verdict for new files next to `loadedRows` already loaded. */
export function judge(measured: MeasuredFile[], budget: Budget, loadedRows = 0): { result: BudgetResult, message: BudgetMessage | null } {
  const result = checkBudget(measured.map(m => m.file), budget, loadedRows)
  return { result, message: budgetMessage(result, budget, measured, loadedRows) }
}
