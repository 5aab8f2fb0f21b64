// The cheap checks that let native DuckDB read a log file itself (issue 17 §2): plain UTF-8
// CSV with commas, one record per line or quoted, no blank line (the engine skips those
// while the JavaScript reader counts them in row numbers), no lone CR; or Parquet whose
// columns turn into text exactly as hyparquet's do. The header and first rows are then read
// by the JavaScript reader itself (planLogFile). Anything else takes the JavaScript path.

import type { Db } from '../../metrics/db/types'
import type { EngineFile } from '../../metrics/load'
import { isUtf8 } from 'node:buffer'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { parseDelimited } from '../../ingest/table/csv'
import { decodeText } from '../../ingest/table/decode'
import { sheetToGrid } from '../../ingest/import/sheet'
import { parquetSample, planLogFile } from '../../metrics/load'

/** The bytes of the sample the JavaScript reader judges: enough for its delimiter sniffing (64 KiB) and more. */
const SAMPLE_BYTES = 256 * 1024

function plainLines(bytes: Buffer): boolean {
  if (bytes.includes(0) || bytes.includes('\n\n') || bytes.includes('\n\r\n'))
    return false
  for (let at = bytes.indexOf(13); at >= 0; at = bytes.indexOf(13, at + 1)) {
    if (bytes[at + 1] !== 10)
      return false
  }
  return true
}

function csvSample(name: string, bytes: Buffer): ReturnType<typeof sheetToGrid> | null {
  const cut = bytes.length <= SAMPLE_BYTES ? bytes.length : bytes.lastIndexOf(10, SAMPLE_BYTES) + 1
  if (cut <= 0)
    return null
  const decoded = decodeText(bytes.subarray(0, cut))
  const parsed = parseDelimited(decoded.text)
  if (decoded.encoding !== 'utf-8' || parsed.delimiter !== ',' || parsed.problems.length > 0)
    return null
  return sheetToGrid({ fileName: name, cells: parsed.rows })
}

/** The file as the engine may read it, or null for the JavaScript path. */
export async function engineLogFile(db: Db, path: string, loadedAt: string): Promise<EngineFile | null> {
  const ext = extname(path).toLowerCase()
  if (ext !== '.csv' && ext !== '.parquet')
    return null
  const name = basename(path)
  const bytes = await readFile(path)
  const file = { bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), loadedAt }
  if (ext === '.csv') {
    if (!isUtf8(bytes) || !plainLines(bytes))
      return null
    const sample = csvSample(name, bytes)
    const plan = sample && planLogFile(sample)
    return plan ? { name, src: { format: 'csv', path }, plan, format: 'delimited', file: { ...file, encoding: 'utf-8' } } : null
  }
  const magic = (b: Buffer) => b.toString('latin1') === 'PAR1'
  if (bytes.length < 12 || !magic(bytes.subarray(0, 4)) || !magic(bytes.subarray(bytes.length - 4)))
    return null
  const grid = await parquetSample(db, path).catch(() => null)
  const plan = grid && planLogFile({ fileName: name, grid, headerIndex: 0, firstRowNumber: 1 })
  return plan ? { name, src: { format: 'parquet', path }, plan, format: 'parquet', file } : null
}
