import type { ColumnType, Db, Params } from '../../metrics/db/types'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import * as duckdb from '@duckdb/duckdb-wasm/blocking'
import { bindNamed, readCsvSql } from '../../metrics/db/params'
import { arrowToRows } from '../arrow'
import { rowsToArrowIpc } from '../arrow-insert'
import { StatementCache } from '../statement-cache'

/** DuckDB-WASM in Node, plus registering a file on disk (the bench streams big CSV copies from disk). */
export interface WasmNode {
  db: Db
  registerFile: (name: string, path: string) => void
}

/**
 * The browser's engine (DuckDB-WASM) run in Node without a worker: the same binary the app
 * ships, so tests and benchmarks can compare it with native DuckDB on identical SQL.
 */
export async function openWasmNodeDb(): Promise<Db> {
  return (await openWasmNode()).db
}

export async function openWasmNode(): Promise<WasmNode> {
  const dist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'))
  const db = await duckdb.createDuckDB({
    mvp: { mainModule: `${dist}/duckdb-mvp.wasm`, mainWorker: '' },
    eh: { mainModule: `${dist}/duckdb-eh.wasm`, mainWorker: '' },
  }, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME)
  await db.instantiate(() => {})
  db.open({})
  const conn = db.connect()
  // Extensions would be fetched from the internet; with these off such a query fails cleanly instead of hanging.
  conn.query('SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;')
  let n = 0
  const statements = new StatementCache<duckdb.PreparedStatement>()
  const handle: Db = {
    engine: 'duckdb-wasm',
    async exec(sql) {
      await statements.clear()
      conn.query(sql)
    },
    // As the browser's worker adapter: reads reuse their prepared statements.
    async query(sql, params?: Params) {
      const b = bindNamed(sql, params)
      if (!StatementCache.isRead(b.sql)) {
        await statements.clear()
        const stmt = conn.prepare(b.sql)
        try {
          return arrowToRows(stmt.query(...b.values) as never)
        }
        finally {
          stmt.close()
        }
      }
      const stmt = await statements.get(b.sql, () => conn.prepare(b.sql))
      return arrowToRows(stmt.query(...b.values) as never)
    },
    async insertCsv(table: string, csv: string, columns: ColumnType[]) {
      await statements.clear()
      const name = `duban_${n++}.csv`
      db.registerFileText(name, csv)
      try {
        conn.query(`INSERT INTO ${table} BY NAME ${readCsvSql(name, columns)}`)
      }
      finally {
        db.dropFile(name)
      }
    },
    async insertRows(table, columns, rows, pick) {
      await statements.clear()
      const { ipc, select } = rowsToArrowIpc(columns, rows, pick)
      const stage = `duban_rows_${n++}`
      conn.insertArrowFromIPCStream(ipc, { name: stage, create: true })
      try {
        conn.query(`INSERT INTO ${table} BY NAME SELECT ${select} FROM ${stage}`)
      }
      finally {
        conn.query(`DROP TABLE IF EXISTS ${stage}`)
      }
    },
    async close() {
      await statements.clear()
      conn.close()
    },
  }
  return {
    db: handle,
    registerFile: (name, path) => db.registerFileURL(name, path, duckdb.DuckDBDataProtocol.NODE_FS, false),
  }
}
