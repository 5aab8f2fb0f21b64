// How much a browser tab can load, checked before loading: a data set that would exhaust the
// tab's memory is refused with advice, rather than crashing the tab half-way through.
// Pure: sizes and row counts in, a verdict and a message in both languages out. The figures
// are measured (bench/README.md, "Size guard"): JavaScript heap and DuckDB-WASM memory per
// loaded row, and the rows whose load and filters stay usable.

import { parquetMetadata } from 'hyparquet'

export type BudgetVerdict = 'ok' | 'warn' | 'refuse'

export interface BudgetFile {
  name: string
  bytes: number
  /** Exact data rows when known (a Parquet footer, a previous load); else estimated from bytes. */
  rows?: number | null
}

export interface Budget {
  /** Above this many rows in all files, loading works but is slow: warn. */
  warnRows: number
  /** Above this, the tab would run out of memory: refuse. */
  refuseRows: number
  /** The same limits on the bytes of the files, for when rows cannot be estimated well. */
  warnBytes: number
  refuseBytes: number
}

/**
 * Measured on the bench machine (Chromium 14x, 2 cores): the loader keeps every row as text
 * in the JavaScript heap (~1.7 kB a row with the staging copy) and DuckDB-WASM holds the
 * typed tables (~0.4 kB a row) inside its 4 GB address space. 1M applications + 0.7M
 * evaluations load; filters then take seconds, not milliseconds; far beyond, the tab dies.
 */
export const DEFAULT_BUDGET: Budget = {
  warnRows: 600_000,
  refuseRows: 2_500_000,
  warnBytes: 150e6,
  refuseBytes: 600e6,
}

/** Bytes a data row takes in each kind of file, for estimating rows from a size (conservative: small). */
const BYTES_PER_ROW: Record<string, number> = {
  parquet: 40,
  csv: 150,
  tsv: 150,
  txt: 150,
  json: 250,
  jsonl: 250,
  ndjson: 250,
  xlsx: 60,
  xlsm: 60,
  xls: 120,
  docx: 200,
  zip: 40,
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

/** Rows a file holds: its own count when given, else its size over a typical row's bytes. */
export function estimateRows(f: BudgetFile): { rows: number, exact: boolean } {
  if (typeof f.rows === 'number' && f.rows >= 0)
    return { rows: f.rows, exact: true }
  const per = BYTES_PER_ROW[extension(f.name)] ?? 100
  return { rows: Math.ceil(f.bytes / per), exact: false }
}

/**
 * Rows of a Parquet file from its footer alone, or null when the bytes do not end with a
 * complete footer. `bytes` may be just the file's tail (e.g. `file.slice(-65536)`): no column
 * is decoded.
 */
export function parquetRowCount(bytes: Uint8Array): number | null {
  const n = bytes.byteLength
  if (n < 12)
    return null
  const magic = (i: number) => bytes[i] === 0x50 && bytes[i + 1] === 0x41 && bytes[i + 2] === 0x52 && bytes[i + 3] === 0x31
  if (!magic(n - 4))
    return null
  const footer = bytes[n - 8]! | (bytes[n - 7]! << 8) | (bytes[n - 6]! << 16) | (bytes[n - 5]! << 24)
  if (footer <= 0 || footer + 8 > n)
    return null
  try {
    const tail = bytes.slice(n - footer - 8)
    return Number(parquetMetadata(tail.buffer).num_rows)
  }
  catch {
    return null
  }
}

/**
 * Rows of a CSV/TSV file estimated from the line breaks in its first `sample` bytes (a quoted
 * cell with a line break inside counts twice: an over-estimate, on the safe side).
 */
export function delimitedRowEstimate(bytes: Uint8Array, sample = 1 << 20): number {
  const end = Math.min(bytes.byteLength, sample)
  if (end === 0)
    return 0
  let lines = 0
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0x0A)
      lines++
  }
  if (end === bytes.byteLength)
    return Math.max(0, lines - (bytes[end - 1] === 0x0A ? 1 : 0))
  // The header line is one of the sampled lines; scale the rest by size.
  return Math.ceil(Math.max(1, lines) * bytes.byteLength / end)
}

export interface BudgetResult {
  verdict: BudgetVerdict
  rows: number
  /** Whether every file's rows were counted, not estimated from its size. */
  exact: boolean
  bytes: number
  /** The largest files first: what to split or aggregate. */
  largest: Array<{ name: string, rows: number, bytes: number }>
  /** Null when ok. */
  message: { zh: string, en: string } | null
}

function fmtRows(n: number): { zh: string, en: string } {
  if (n >= 1e4)
    return { zh: `${(n / 1e4).toFixed(n >= 1e6 ? 0 : 1)} 万`, en: n >= 1e6 ? `${(n / 1e6).toFixed(1)} million` : `${Math.round(n / 1e3)} thousand` }
  return { zh: String(n), en: String(n) }
}

function fmtMb(b: number): string {
  return `${(b / 1e6).toFixed(b >= 1e8 ? 0 : 1)} MB`
}

/**
 * The verdict for loading `files` (all of them together) into one tab. `loadedRows` are rows
 * already on screen that stay loaded (e.g. stored files being added to).
 */
export function checkBudget(files: BudgetFile[], budget: Budget = DEFAULT_BUDGET, loadedRows = 0): BudgetResult {
  const per = files.map(f => ({ name: f.name, bytes: f.bytes, ...estimateRows(f) }))
  const rows = loadedRows + per.reduce((s, f) => s + f.rows, 0)
  const bytes = per.reduce((s, f) => s + f.bytes, 0)
  const exact = per.every(f => f.exact)
  // Counted rows decide; a size only decides when some rows are guesses.
  const over = (rowLimit: number, byteLimit: number) => rows > rowLimit || (!exact && bytes > byteLimit)
  const verdict: BudgetVerdict = over(budget.refuseRows, budget.refuseBytes) ? 'refuse' : over(budget.warnRows, budget.warnBytes) ? 'warn' : 'ok'
  const largest = per.sort((a, b) => b.rows - a.rows).slice(0, 3).map(({ name, rows: r, bytes: b }) => ({ name, rows: r, bytes: b }))
  const n = fmtRows(rows)
  const about = exact ? '' : '约'
  const aboutEn = exact ? '' : 'about '
  const biggest = largest[0]?.name ?? ''
  let message: BudgetResult['message'] = null
  if (verdict === 'refuse') {
    const limit = fmtRows(budget.refuseRows)
    message = {
      zh: `数据${about} ${n.zh} 行（${fmtMb(bytes)}），超过浏览器一次能加载的上限（${limit.zh} 行），继续加载会使页面崩溃，因此未加载。`
        + `请先在命令行预汇总：duban aggregate --data 数据文件夹 --out 汇总文件夹，再加载汇总文件夹中某个月份的文件；`
        + `或按月份拆分${biggest ? `「${biggest}」等` : ''}大文件，一次加载一个月；也可以用 duban metrics --data 数据文件夹 在命令行直接计算。`,
      en: `The data has ${aboutEn}${n.en} rows (${fmtMb(bytes)}), more than a browser tab can load at once (${limit.en} rows): loading it would crash the page, so it was not loaded. `
        + `Pre-aggregate it on the command line first: duban aggregate --data DATA_DIR --out OUT_DIR, then load one month's folder from OUT_DIR; `
        + `or split the large files${biggest ? ` (such as "${biggest}")` : ''} by month and load one month at a time; or compute the figures with duban metrics --data DATA_DIR.`,
    }
  }
  else if (verdict === 'warn') {
    message = {
      zh: `数据${about} ${n.zh} 行（${fmtMb(bytes)}），加载可能需要一分钟以上，筛选也会变慢。建议只加载需要的月份，或先用 duban aggregate 预汇总。`,
      en: `The data has ${aboutEn}${n.en} rows (${fmtMb(bytes)}): loading may take over a minute and filters will be slower. Load only the months you need, or pre-aggregate with duban aggregate first.`,
    }
  }
  return { verdict, rows, exact, bytes, largest, message }
}
