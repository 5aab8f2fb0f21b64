import type { Db } from '../../metrics/db/types'
import type { TableFiles } from '../table-files'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import * as duckdb from '@duckdb/duckdb-wasm/blocking'
import { WasmDb } from '../wasm-db'

/** DuckDB-WASM in Node, plus registering a file on disk (the bench streams big CSV copies from disk). */
export interface WasmNode {
  db: Db & TableFiles
  registerFile: (name: string, path: string) => void
}

/**
 * The browser's engine (DuckDB-WASM) run in Node without a worker: the same binary the app
 * ships, so tests and benchmarks can compare it with native DuckDB on identical SQL.
 */
export async function openWasmNodeDb(): Promise<Db & TableFiles> {
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
  // The blocking connection keeps its id to itself; the raw Arrow bytes of an answer need it.
  const id = (conn as unknown as { _conn: number })._conn
  const handle = new WasmDb({
    run: async sql => conn.query(sql),
    prepare: async sql => conn.prepare(sql),
    register: async (name, bytes) => db.registerFileBuffer(name, bytes),
    drop: async name => db.dropFile(name),
    ipc: async sql => db.runQuery(id, sql),
    insertIpc: async (bytes, name, schema) => conn.insertArrowFromIPCStream(bytes, { name, schema, create: true }),
    close: async () => conn.close(),
  }, 'duban')
  return {
    db: handle,
    registerFile: (name, path) => db.registerFileURL(name, path, duckdb.DuckDBDataProtocol.NODE_FS, false),
  }
}
