import type { Db } from '../metrics/db/types'

/** One engine table as an Arrow IPC stream (DuckDB-WASM has no Parquet writer without fetching an extension). */
export interface SavedTable { table: string, arrow: Uint8Array }

/**
 * What a warm start needs from an engine: every table out as Arrow, and back in. Only the
 * DuckDB-WASM adapters offer it (the command line starts from files anyway).
 */
export interface TableFiles {
  saveTables: () => Promise<SavedTable[]>
  loadTables: (tables: readonly SavedTable[]) => Promise<void>
}

export function hasTableFiles(db: Db): db is Db & TableFiles {
  const d = db as Partial<TableFiles>
  return typeof d.saveTables === 'function' && typeof d.loadTables === 'function'
}
