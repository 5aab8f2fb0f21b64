import type { TableName } from '../../../src/domain/contract/tables'
import type { Dataset } from '../../../src/ingest/dataset/dataset'
import type { FileImport, ImportChoices } from '../../../src/ingest/import/types'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ingestFiles } from '../../../src/ingest'

export const FIXTURES = new URL('../../fixtures/import/', import.meta.url).pathname
export const NOW = () => '2024-10-16T02:00:00.000Z'

export function bytesOf(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, rel)))
}

export async function importFixture(rel: string, choices?: ImportChoices): Promise<FileImport> {
  return (await ingestFiles([{ name: rel.split('/').pop()!, bytes: bytesOf(rel) }], { now: NOW, ...(choices ? { choices } : {}) })).files[0]!
}

/** Rows of one table as objects (canonical columns only, nulls dropped). */
export function rowsOf(ds: Dataset | FileImport, table: TableName): Array<Record<string, string>> {
  const tables = 'tables' in ds ? [ds.tables[table]] : ds.loaded.flatMap(l => l.result.tables).filter(t => t.name === table)
  return tables.flatMap(t => t.rows.map((r) => {
    const o: Record<string, string> = {}
    t.columns.forEach((c, i) => {
      if (r[i] !== null && r[i] !== undefined)
        o[c] = r[i]!
    })
    return o
  }))
}
