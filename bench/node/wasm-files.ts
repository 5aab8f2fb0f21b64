import type { ColumnType, Db, Params } from '../../src/core/db/types'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import * as duckdb from '@duckdb/duckdb-wasm/blocking'
import { bindNamed, readCsvSql } from '../../src/core/db/params'
import { arrowToRows } from '../../src/db/arrow'

export interface BenchWasm {
  db: Db
  registerFile: (name: string, path: string) => void
  /** Keep each query's prepared statement for the next run of the same text (a proposal, measured in bench/proto). */
  cachePrepared: (on: boolean) => void
}

/**
 * src/db/wasm-node.ts's adapter, plus what the bench needs: registering a file on disk with
 * the engine, so a 5M-row CSV streams from disk instead of passing through a JS string, and
 * an optional cache of prepared statements.
 */
export async function openWasmWithFiles(): Promise<BenchWasm> {
  const dist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'))
  const inst = await duckdb.createDuckDB({
    mvp: { mainModule: `${dist}/duckdb-mvp.wasm`, mainWorker: '' },
    eh: { mainModule: `${dist}/duckdb-eh.wasm`, mainWorker: '' },
  }, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME)
  await inst.instantiate(() => {})
  inst.open({})
  const conn = inst.connect()
  conn.query('SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;')
  let n = 0
  let cache: Map<string, ReturnType<typeof conn.prepare>> | null = null
  const db: Db = {
    engine: 'duckdb-wasm',
    async exec(sql) {
      conn.query(sql)
    },
    async query(sql, params?: Params) {
      const b = bindNamed(sql, params)
      if (cache) {
        let st = cache.get(b.sql)
        if (!st) {
          st = conn.prepare(b.sql)
          cache.set(b.sql, st)
        }
        return arrowToRows(st.query(...b.values) as never)
      }
      if (b.values.length === 0)
        return arrowToRows(conn.query(b.sql) as never)
      const stmt = conn.prepare(b.sql)
      try {
        return arrowToRows(stmt.query(...b.values) as never)
      }
      finally {
        stmt.close()
      }
    },
    async insertCsv(table: string, csv: string, columns: ColumnType[]) {
      const name = `duban_${n++}.csv`
      inst.registerFileText(name, csv)
      try {
        conn.query(`INSERT INTO ${table} BY NAME ${readCsvSql(name, columns)}`)
      }
      finally {
        inst.dropFile(name)
      }
    },
    async close() {
      conn.close()
    },
  }
  return {
    db,
    registerFile: (name, path) => inst.registerFileURL(name, path, duckdb.DuckDBDataProtocol.NODE_FS, false),
    cachePrepared: (on) => {
      for (const st of cache?.values() ?? [])
        st.close()
      cache = on ? new Map() : null
    },
  }
}
