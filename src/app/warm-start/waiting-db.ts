import type { Db } from '../../metrics/db/types'

/**
 * A Db whose every call waits for `real` (an engine still starting, tables still restoring):
 * an Analysis can be handed out before its engine is up. Closing one whose engine never came
 * is nothing to do.
 */
export function waitingDb(real: Promise<Db>): Db {
  // Awaited by the calls; a failure surfaces there, not as an unhandled rejection.
  real.catch(() => {})
  return {
    engine: 'duckdb-wasm',
    exec: async sql => (await real).exec(sql),
    query: async (sql, params) => (await real).query(sql, params),
    insertCsv: async (table, csv, columns) => (await real).insertCsv(table, csv, columns),
    insertRows: async (table, columns, rows, pick) => {
      const db = await real
      return db.insertRows ? db.insertRows(table, columns, rows, pick) : Promise.reject(new Error('insertRows: not supported by this engine'))
    },
    close: () => real.then(db => db.close(), () => {}),
  }
}
