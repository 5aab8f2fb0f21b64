// One file with everything loaded: a zip of canonical CSVs (UTF-8 with BOM, so Excel opens
// them too) and manifest.json. Unzipped, it is a data folder for `duban metrics --data`;
// zipped, the import page reads it back as it is.

import type { TableName } from '../contract/tables'
import type { Dataset } from '../load/dataset'
import type { TableRows } from '../load/table'
import JSZip from 'jszip'
import { TABLE_BY_NAME, TABLES } from '../contract/tables'
import { toExportCsv } from '../text/csv-export'
import { escapeForBundle, EXPORT_FORMAT } from './bundle'

export interface ExportManifest {
  format: typeof EXPORT_FORMAT
  version: 1
  exportedAt: string
  title?: string
  plan?: Dataset['plan']
  tables: Array<{ table: TableName, file: string, rows: number, columns: string[] }>
  sources: Array<{ name: string, bytes: number, sha256: string, loadedAt: string, table: string | null, goodRows: number, badRows: number }>
}

/**
 * A table as canonical CSV: the contract's columns by their English names, then the file's
 * own extra columns under their own headers. Provenance columns (_file, _row) are left out:
 * in the bundle, the bundle's file and row are the provenance. Written for Excel too (BOM,
 * CRLF, formula-like cells quoted); bundle.ts undoes the quoting on the way back in.
 */
export function tableToCsv(t: TableRows): { csv: string, columns: string[] } {
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
    return [...canonical.map(c => row[index.get(c)!] ?? null), ...extraKeys.map(k => e?.[k] ?? null)].map(escapeForBundle)
  })
  return { csv: toExportCsv(columns, rows), columns }
}

export async function exportBundle(ds: Dataset, exportedAt: string, title?: string): Promise<Uint8Array> {
  const zip = new JSZip()
  const date = new Date(exportedAt)
  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt,
    ...(title ? { title } : {}),
    ...(ds.plan ? { plan: ds.plan } : {}),
    tables: [],
    sources: ds.files.map(f => ({ name: f.name, bytes: f.bytes, sha256: f.sha256, loadedAt: f.loadedAt, table: f.table, goodRows: f.goodRows, badRows: f.badRows })),
  }
  for (const spec of TABLES) {
    const t = ds.tables[spec.name]
    if (t.rows.length === 0)
      continue
    const { csv, columns } = tableToCsv(t)
    const file = `${spec.name}.csv`
    zip.file(file, csv, { date })
    manifest.tables.push({ table: spec.name, file, rows: t.rows.length, columns })
  }
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date })
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } })
}
