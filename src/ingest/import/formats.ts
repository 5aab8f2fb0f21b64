import type { FileFormat } from './types'

const BY_EXTENSION: Record<string, FileFormat> = {
  csv: 'delimited',
  tsv: 'delimited',
  txt: 'delimited',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  xls: 'xlsx',
  xlsb: 'xlsx',
  // WPS Spreadsheets (.et, .ett templates) and OpenDocument (.ods, flat .fods): workbooks too.
  et: 'xlsx',
  ett: 'xlsx',
  ods: 'xlsx',
  fods: 'xlsx',
  docx: 'docx',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  parquet: 'parquet',
  zip: 'zip',
}

/** Metadata files that sit next to data files in a folder and are not tables themselves (ledger.json: the ledger's notes). */
export const META_FILES = new Set(['plan.json', 'dataset.json', 'manifest.json', 'ledger.json'])

export function extensionOf(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? name
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
}

/** Whether a folder listing should read this file as data (by extension; metadata files excluded). */
export function isSupportedFile(name: string): boolean {
  const base = (name.split(/[/\\]/).pop() ?? name).toLowerCase()
  return extensionOf(name) in BY_EXTENSION && !META_FILES.has(base) && !base.startsWith('~$')
}

export const ACCEPT = Object.keys(BY_EXTENSION).map(e => `.${e}`).join(',')

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b)
}

export const isZip = (b: Uint8Array) => startsWith(b, [0x50, 0x4B, 0x03, 0x04]) || startsWith(b, [0x50, 0x4B, 0x05, 0x06])
export const isOle = (b: Uint8Array) => startsWith(b, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
export const isParquet = (b: Uint8Array) => startsWith(b, [0x50, 0x41, 0x52, 0x31])

/**
 * The format to read a file as: its extension first, its first bytes when the extension
 * says nothing (a download named "export" or "data.dat").
 */
export function detectFormat(name: string, bytes: Uint8Array): FileFormat {
  const byExt = BY_EXTENSION[extensionOf(name)]
  if (byExt)
    return byExt
  if (isParquet(bytes))
    return 'parquet'
  if (isOle(bytes))
    return 'xlsx'
  if (isZip(bytes))
    return 'zip'
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart()
  if (head.startsWith('[') || head.startsWith('{'))
    return head.startsWith('{') && /\}\s*\r?\n\s*\{/.test(new TextDecoder().decode(bytes.subarray(0, 4096))) ? 'jsonl' : 'json'
  return looksBinary(bytes) ? 'unknown' : 'delimited'
}

/** NUL bytes in the first 4 kB mean binary, unless a UTF-16 BOM explains them. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xFF, 0xFE]) || startsWith(bytes, [0xFE, 0xFF]))
    return false
  const n = Math.min(bytes.length, 4096)
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0)
      return true
  }
  return false
}
