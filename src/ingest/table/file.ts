import type { FileInfo } from '../dataset/dataset'
import type { TableLoadResult } from './table'
import { parseDelimited } from './csv'
import { decodeText } from './decode'
import { loadGrid } from './table'

export interface LoadedFile {
  result: TableLoadResult
  file: Omit<FileInfo, 'table' | 'recognisedBy' | 'goodRows' | 'badRows'>
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)
  return [...new Uint8Array(digest)].map(b => b.toString(16).padStart(2, '0')).join('')
}

export function isDelimitedFile(name: string): boolean {
  return /\.(?:csv|tsv|txt)$/i.test(name)
}

/** One CSV/TSV file's bytes → canonical rows and row-level issues. Never throws on bad content. */
export async function loadDelimitedBytes(name: string, bytes: Uint8Array, now: () => string = () => new Date().toISOString()): Promise<LoadedFile> {
  const file = { name, bytes: bytes.byteLength, sha256: await sha256Hex(bytes), loadedAt: now() }
  let decoded
  try {
    decoded = decodeText(bytes)
  }
  catch (e) {
    return { file, result: { table: null, recognisedBy: 'none', tables: [], goodRows: 0, badRows: 0, issues: [{ severity: 'error', code: 'unreadable', file: name, detail: String(e) }] } }
  }
  const grid = parseDelimited(decoded.text)
  const result = loadGrid({ fileName: name, grid: grid.rows })
  for (const p of grid.problems)
    result.issues.push({ severity: 'warning', code: 'csv_syntax', file: name, row: p.row, detail: p.message })
  return { file: { ...file, encoding: decoded.encoding }, result }
}
