// One file with everything loaded: a zip of canonical CSVs (UTF-8 with BOM, so Excel opens
// them too) and manifest.json. Unzipped, it is a data folder for `duban metrics --data`;
// zipped, the import page reads it back as it is.

import type { TableName } from '../../domain/contract/tables'
import type { Dataset } from '../dataset/dataset'
import type { TableRows } from '../table/table'
import type { LedgerState } from '../ledger/state'
import JSZip from 'jszip'
import { TABLE_BY_NAME, TABLES } from '../../domain/contract/tables'
import { LEDGER_FILE } from '../ledger/state'
import { toExportCsv } from '../../domain/text/csv-export'
import { maskIdNumber, maskName, maskPhone, textMasker } from '../../domain/text/mask'
import { escapeForBundle, EXPORT_FORMAT } from './bundle'

export interface ExportManifest {
  format: typeof EXPORT_FORMAT
  version: 1
  exportedAt: string
  title?: string
  plan?: Dataset['plan']
  /** Whether the personal columns (contract: `personal`) are masked in this bundle. */
  personal: 'masked' | 'included'
  tables: Array<{ table: TableName, file: string, rows: number, columns: string[] }>
  sources: Array<{ name: string, bytes: number, sha256: string, loadedAt: string, table: string | null, goodRows: number, badRows: number }>
  /** The ledger's review dates and notes kept with the data (ledger.json), when there are any. */
  ledger?: typeof LEDGER_FILE
}

/**
 * A table as canonical CSV: the contract's columns by their English names, then the file's
 * own extra columns under their own headers. Provenance columns (_file, _row) are left out:
 * in the bundle, the bundle's file and row are the provenance. Written for Excel too (BOM,
 * CRLF, formula-like cells quoted); bundle.ts undoes the quoting on the way back in.
 */
export function tableToCsv(t: TableRows, mask: CellMask = keep): { csv: string, columns: string[] } {
  const spec = TABLE_BY_NAME[t.name]
  const canonical = spec.columns.map(c => c.name)
  const index = new Map(t.columns.map((c, i) => [c, i]))
  const extraAt = index.get('extra')
  const extraKeys: string[] = []
  const seen = new Set(canonical)
  const extras = t.rows.map((row) => {
    const raw = extraAt === undefined ? null : row[extraAt]
    if (!raw)
      return null
    try {
      const o = JSON.parse(raw) as Record<string, string>
      for (const k of Object.keys(o)) {
        if (!seen.has(k)) {
          seen.add(k)
          extraKeys.push(k)
        }
      }
      return o
    }
    catch {
      return null
    }
  })
  const columns = [...canonical, ...extraKeys]
  const rows = t.rows.map((row, r) => {
    const e = extras[r]
    const cells = [...canonical.map(c => row[index.get(c)!] ?? null), ...extraKeys.map(k => e?.[k] ?? null)]
    return cells.map((v, i) => escapeForBundle(v === null ? null : mask(columns[i]!, i >= canonical.length, v)))
  })
  return { csv: toExportCsv(columns, rows), columns }
}

/** A cell as written to the bundle; `extra` when the column is one of the file's own. */
export type CellMask = (column: string, extra: boolean, value: string) => string

const keep: CellMask = (_c, _e, v) => v

// Free-text columns can quote a phone number or a reviewer's name ("张三说…"). Ids and
// names of departments and matters are left alone: they join the tables and are not personal.
const FREE_TEXT = new Set(['comment', 'note', 'outcome'])
const NAME_COLUMNS = new Set(['applicant', 'staff', 'person'])

/**
 * The masking of one table for an export. Personal columns are masked by kind (a name keeps
 * its surname, a phone its prefix and last four digits, an ID number its region and check
 * digits); free text and the files' own extra columns — whose meaning the contract does not
 * know — lose every phone and ID number and every name the data set's personal columns hold.
 */
export function personalMask(ds: Dataset, table: TableName): CellMask {
  const names: string[] = []
  for (const spec of TABLES) {
    const t = ds.tables[spec.name]
    const at = t.columns.flatMap((c, i) => (NAME_COLUMNS.has(c) ? [i] : []))
    for (const row of t.rows) {
      for (const i of at) {
        if (row[i])
          names.push(row[i]!)
      }
    }
  }
  const inText = textMasker(names)
  const personal = new Set(TABLE_BY_NAME[table].columns.filter(c => c.personal).map(c => c.name))
  return (column, extra, value) => {
    if (extra || FREE_TEXT.has(column))
      return inText(value)
    if (!personal.has(column))
      return value
    if (column === 'phone')
      return maskPhone(value)
    if (column === 'id_number')
      return maskIdNumber(value)
    if (NAME_COLUMNS.has(column))
      return maskName(value)
    return inText(value)
  }
}

export interface ExportOptions {
  /** Personal data unmasked: only by the user's explicit choice, for a private copy. */
  includePersonal?: boolean
  /** The ledger kept with this data set: written as ledger.json and read back on import. */
  ledger?: LedgerState | null
}

export async function exportBundle(ds: Dataset, exportedAt: string, title?: string, options: ExportOptions = {}): Promise<Uint8Array> {
  const includePersonal = options.includePersonal === true
  const zip = new JSZip()
  const date = new Date(exportedAt)
  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt,
    ...(title ? { title } : {}),
    ...(ds.plan ? { plan: ds.plan } : {}),
    personal: includePersonal ? 'included' : 'masked',
    tables: [],
    sources: ds.files.map(f => ({ name: f.name, bytes: f.bytes, sha256: f.sha256, loadedAt: f.loadedAt, table: f.table, goodRows: f.goodRows, badRows: f.badRows })),
  }
  for (const spec of TABLES) {
    const t = ds.tables[spec.name]
    if (t.rows.length === 0)
      continue
    const { csv, columns } = tableToCsv(t, includePersonal ? keep : personalMask(ds, spec.name))
    const file = `${spec.name}.csv`
    zip.file(file, csv, { date })
    manifest.tables.push({ table: spec.name, file, rows: t.rows.length, columns })
  }
  const ledger = options.ledger
  if (ledger && (ledger.reviewDates.length || Object.keys(ledger.notes).length)) {
    // A note is free text: masked like the data's comments. The responsible person is the
    // official the office named to answer for the item, which is the point of the note.
    const mask = includePersonal ? keep : personalMask(ds, 'tasks')
    const notes = Object.fromEntries(Object.entries(ledger.notes).map(([k, n]) => [k, { ...n, note: mask('note', false, n.note) }]))
    zip.file(LEDGER_FILE, `${JSON.stringify({ ...ledger, notes }, null, 2)}\n`, { date })
    manifest.ledger = LEDGER_FILE
  }
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date })
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } })
}
