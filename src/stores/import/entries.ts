// A stored file as the store holds it: what IndexedDB keeps (meta, bytes) and what the
// import worker made of it; and the user data set they make together.

import type { StoredFileMeta } from '../../app/persist/imports'
import type { TableName } from '../../domain/contract/tables'
import type { Dataset } from '../../ingest/dataset/dataset'
import type { FileImport } from '../../ingest/import/types'
import { chinaToday } from '../../domain/dates'
import { datasetOf, effectiveChoices, inferAsOf } from '../../ingest/import/assemble'

/** The id of the user's imported data set in the data set choice (and the URL's ?data=). */
export const USER_DATASET = 'user'

export interface Entry { meta: StoredFileMeta, bytes: Uint8Array, imported: FileImport }

function newId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
}

/** A newly imported file, ready to store: the choices that decided it go with it. */
export function newEntry(f: FileImport, bytes: Uint8Array): Entry {
  const tables = [...new Set(f.grids.filter(g => g.table && !g.skipped).map(g => g.table!))] as TableName[]
  return {
    imported: f,
    bytes,
    meta: {
      v: 1,
      id: newId(),
      name: f.name,
      size: f.size,
      sha256: f.sha256,
      loadedAt: f.loadedAt,
      choices: effectiveChoices(f),
      tables,
      goodRows: f.grids.reduce((n, g) => n + g.goodRows, 0),
      badRows: f.grids.reduce((n, g) => n + g.badRows, 0),
    },
  }
}

/** The user data set of these files, opening at its data's last day. */
export function userDataset(entries: Entry[]): { dataset: Dataset, asOf: string | null } {
  const dataset = datasetOf(entries.map(e => e.imported))
  return { dataset, asOf: inferAsOf(dataset, chinaToday(new Date())) }
}
