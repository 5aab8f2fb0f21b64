import type JSZip from 'jszip'
import type { FileSlice } from '../table/parquet'
import type { FileFormat, ReadResult } from './types'
import { isBundleManifest, restoreFormulas } from './bundle'
import { readDelimited } from './delimited'
import { detectFormat, isSupportedFile, META_FILES } from './formats'
import { readJson, readJsonLines } from './json'
import { unreadableIssue } from './reason'

// The Excel, Word, zip and Parquet libraries load when a file needs them: the embedded data
// (CSV) comes through here in the app's main bundle.
const readXlsx = async (name: string, bytes: Uint8Array) => (await import('./xlsx')).readXlsx(name, bytes)
const readDocx = async (name: string, bytes: Uint8Array) => (await import('./docx')).readDocx(name, bytes)
const readParquet = async (name: string, bytes: Uint8Array, slice?: FileSlice) => (await import('./parquet')).readParquet(name, bytes, slice)

export interface AnyReadResult extends ReadResult {
  format: FileFormat
}

/**
 * Any supported file → its tables as grids, with file-level problems. Never throws: a
 * damaged or unexpected file gives an 'unreadable' issue naming the file.
 */
export async function readAnyFile(name: string, bytes: Uint8Array, slice?: FileSlice): Promise<AnyReadResult> {
  const format = detectFormat(name, bytes)
  // Only a Parquet file's row groups can be shared: of any other file the first part is all of it.
  if (slice?.part === 1 && format !== 'parquet')
    return { format, grids: [], issues: [] }
  try {
    switch (format) {
      case 'delimited':
        return { format, ...readDelimited(name, bytes) }
      case 'xlsx':
        return { format, ...await readXlsx(name, bytes) }
      case 'docx':
        return { format, ...await readDocx(name, bytes) }
      case 'json':
        return { format, ...readJson(name, bytes) }
      case 'jsonl':
        return { format, ...readJsonLines(name, bytes) }
      case 'parquet':
        return { format, ...await readParquet(name, bytes, slice) }
      case 'zip':
        return { format, ...await readZip(name, bytes) }
      default:
        return { format, grids: [], issues: [unreadableIssue(name, '不支持的文件类型（支持 CSV、TSV、Excel、Word、JSON、Parquet 和 zip）', 'unsupported file type (CSV, TSV, Excel, Word, JSON, Parquet and zip are supported)')] }
    }
  }
  catch (e) {
    return { format, grids: [], issues: [unreadableIssue(name, '读取文件时出错', 'the file could not be read', e)] }
  }
}

/** Zips made on Chinese Windows name entries in GBK without saying so. */
function decodeFileName(raw: string[] | Uint8Array | Buffer): string {
  const bytes = raw instanceof Uint8Array ? raw : new Uint8Array(raw.map(s => s.charCodeAt(0)))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  }
  catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

/**
 * A zip of data files (an exported bundle, or files zipped for mailing): each supported entry
 * is read as if dropped on its own, named "bundle.zip/entry.csv". A zip that is really a
 * workbook or a Word document is read as one.
 */
async function readZip(name: string, bytes: Uint8Array): Promise<ReadResult> {
  const { default: Zip } = await import('jszip')
  let zip: JSZip
  try {
    zip = await Zip.loadAsync(bytes, { decodeFileName })
  }
  catch (e) {
    return { grids: [], issues: [unreadableIssue(name, '不是有效的 zip 压缩包，或文件已损坏', 'not a valid zip archive, or the file is damaged', e)] }
  }
  if (zip.file('word/document.xml'))
    return readDocx(name, bytes)
  if (zip.file('xl/workbook.xml') || (zip.file('content.xml') && zip.file('mimetype')))
    return readXlsx(name, bytes)
  const out: ReadResult = { grids: [], issues: [] }
  const entries = Object.values(zip.files)
    .filter(f => !f.dir && !f.name.startsWith('__MACOSX/') && !/(?:^|\/)\./.test(f.name))
    .sort((a, b) => a.name.localeCompare(b.name))
  // Metadata first: a duban export bundle changes how its CSVs are read.
  let bundle = false
  for (const entry of entries) {
    const base = entry.name.split('/').pop()!
    // ledger.json holds the ledger's notes, no plan: metrics/ledger/bundle.ts reads it.
    if (!META_FILES.has(base) || base === 'ledger.json')
      continue
    try {
      const meta = JSON.parse(await entry.async('string')) as { plan?: ReadResult['plan'] } & ReadResult['plan']
      bundle ||= base === 'manifest.json' && isBundleManifest(meta)
      out.plan = { ...out.plan, ...(base === 'manifest.json' ? meta.plan : meta) }
    }
    catch (e) {
      out.issues.push(unreadableIssue(`${name}/${entry.name}`, '元数据文件不是有效的 JSON，已忽略', 'the metadata file is not valid JSON and was ignored', e, { severity: 'warning' }))
    }
  }
  for (const entry of entries) {
    const base = entry.name.split('/').pop()!
    if (!isSupportedFile(base) || /\.zip$/i.test(base))
      continue
    const inner = await readAnyFile(`${name}/${entry.name}`, await entry.async('uint8array'))
    out.grids.push(...(bundle ? inner.grids.map(restoreFormulas) : inner.grids))
    out.issues.push(...inner.issues)
  }
  if (out.grids.length === 0 && out.issues.length === 0)
    out.issues.push(unreadableIssue(name, '压缩包中没有可读取的数据文件', 'the archive holds no data file that can be read'))
  return out
}
