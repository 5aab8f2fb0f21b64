import type { AsyncDuckDB } from '@duckdb/duckdb-wasm'
import type { ColumnType, Db, Params } from '../../metrics/db/types'
import * as duckdb from '@duckdb/duckdb-wasm'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'
import { bindNamed, readCsvSql } from '../../metrics/db/params'
import { timed } from '../../domain/timing'
import { arrowToRows } from '../arrow'
import { rowsToArrowIpc } from '../arrow-insert'
import { StatementCache } from '../statement-cache'

let engine: Promise<AsyncDuckDB> | null = null
let opened = 0

/**
 * DuckDB-WASM in a Web Worker, started once per tab. The engine files are bundled by Vite
 * and served from our own origin (no CDN); this module is imported lazily so the engine
 * never delays first paint.
 */
export function startEngine(): Promise<AsyncDuckDB> {
  engine ??= timed('engine-start', async () => {
    const bundle = await duckdb.selectBundle({
      mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
      eh: { mainModule: ehWasm, mainWorker: ehWorker },
    })
    const worker = new Worker(bundle.mainWorker!)
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker)
    await timed('engine-instantiate', () => db.instantiate(bundle.mainModule, bundle.pthreadWorker))
    await db.open({})
    return db
  })
  return engine
}

/**
 * A Db of its own for one data set: a connection whose default schema is private to it, so
 * loading a new data set never touches the one on screen until it has fully succeeded.
 */
export async function openBrowserDb(): Promise<Db> {
  const db = await startEngine()
  const conn = await db.connect()
  const schema = `ds_${++opened}`
  // Extensions would be fetched from the internet; with these off such a query fails cleanly.
  await conn.query(`SET autoinstall_known_extensions=false; SET autoload_known_extensions=false; CREATE SCHEMA ${schema}; USE ${schema};`)
  let n = 0
  const statements = new StatementCache<duckdb.AsyncPreparedStatement>()
  // One query at a time keeps prepared statements and file registrations from interleaving.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn)
    queue = next.catch(() => {})
    return next
  }
  return {
    engine: 'duckdb-wasm',
    exec: sql => serial(async () => {
      await statements.clear()
      await conn.query(sql)
    }),
    query: (sql, params?: Params) => serial(async () => {
      const b = bindNamed(sql, params)
      if (!StatementCache.isRead(b.sql)) {
        await statements.clear()
        const stmt = await conn.prepare(b.sql)
        try {
          return arrowToRows(await stmt.query(...b.values) as never)
        }
        finally {
          await stmt.close()
        }
      }
      const stmt = await statements.get(b.sql, () => conn.prepare(b.sql))
      return arrowToRows(await stmt.query(...b.values) as never)
    }),
    insertCsv: (table: string, csv: string, columns: ColumnType[]) => serial(async () => {
      await statements.clear()
      const name = `${schema}_${n++}.csv`
      // Bytes are transferred to the worker, not copied as a string (tens of MB at 100k rows).
      await db.registerFileBuffer(name, new TextEncoder().encode(csv))
      try {
        await conn.query(`INSERT INTO ${table} BY NAME ${readCsvSql(name, columns)}`)
      }
      finally {
        await db.dropFile(name)
      }
    }),
    insertRows: (table, columns, rows, pick) => serial(async () => {
      await statements.clear()
      const { ipc, select } = rowsToArrowIpc(columns, rows, pick)
      const stage = `duban_rows_${n++}`
      await conn.insertArrowFromIPCStream(ipc, { name: stage, schema, create: true })
      try {
        await conn.query(`INSERT INTO ${table} BY NAME SELECT ${select} FROM ${schema}.${stage}`)
      }
      finally {
        await conn.query(`DROP TABLE IF EXISTS ${schema}.${stage}`)
      }
    }),
    close: () => serial(async () => {
      await statements.clear()
      await conn.query(`USE memory.main; DROP SCHEMA ${schema} CASCADE;`)
      await conn.close()
    }),
  }
}
