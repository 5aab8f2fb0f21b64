import type { AsyncDuckDB } from '@duckdb/duckdb-wasm'
import type { Db } from '../../metrics/db/types'
import type { TableFiles } from '../table-files'
import * as duckdb from '@duckdb/duckdb-wasm'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'
import { timed } from '../../domain/timing'
import { WasmDb } from '../wasm-db'
import { takeEngineWorker } from './early-worker'

let engine: Promise<AsyncDuckDB> | null = null
let opened = 0

/**
 * DuckDB-WASM in a Web Worker, started once per tab. The engine files are bundled by Vite
 * and served from our own origin (no CDN); this module is imported lazily so the engine
 * never delays first paint.
 */
export function startEngine(): Promise<AsyncDuckDB> {
  engine ??= timed('engine-start', async () => {
    // Usually made by the entry already (early-worker.ts); the .wasm must match its bundle.
    const { worker, eh } = takeEngineWorker()
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker)
    await timed('engine-instantiate', () => db.instantiate(eh ? ehWasm : mvpWasm, null))
    await db.open({})
    return db
  })
  return engine
}

/**
 * A Db of its own for one data set: a connection whose default schema is private to it, so
 * loading a new data set never touches the one on screen until it has fully succeeded.
 */
export async function openBrowserDb(): Promise<Db & TableFiles> {
  const db = await startEngine()
  // Made by id (what connect() does inside) so raw Arrow answers can be asked for by it.
  const id = await db.connectInternal()
  const conn = new duckdb.AsyncDuckDBConnection(db, id)
  const schema = `ds_${++opened}`
  // Extensions would be fetched from the internet; with these off such a query fails cleanly.
  await conn.query(`SET autoinstall_known_extensions=false; SET autoload_known_extensions=false; CREATE SCHEMA ${schema}; USE ${schema};`)
  return new WasmDb({
    run: sql => conn.query(sql),
    prepare: sql => conn.prepare(sql),
    // Bytes are transferred to the worker, not copied as a string (tens of MB at 100k rows).
    register: async (name, bytes) => {
      await db.registerFileBuffer(name, bytes)
    },
    drop: async (name) => {
      await db.dropFile(name)
    },
    ipc: sql => db.runQuery(id, sql),
    insertIpc: (bytes, name, schema) => conn.insertArrowFromIPCStream(bytes, { name, schema, create: true }),
    close: async () => {
      await conn.query(`USE memory.main; DROP SCHEMA ${schema} CASCADE;`)
      await conn.close()
    },
  }, schema)
}
