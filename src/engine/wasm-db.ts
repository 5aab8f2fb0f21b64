import type { ColumnType, Db, Params, Row } from '../metrics/db/types'
import type { SavedTable, TableFiles } from './table-files'
import { bindNamed, readCsvSql } from '../metrics/db/params'
import { arrowFileToStream, arrowToRows } from './arrow'
import { rowsToArrowIpc } from './arrow-insert'
import { StatementCache } from './statement-cache'

/** A prepared statement of either DuckDB-WASM binding (the blocking one answers at once). */
export interface WasmStatement {
  query: (...values: unknown[]) => unknown
  close: () => unknown
}

/**
 * What differs between DuckDB-WASM in a browser worker and DuckDB-WASM in Node: how a
 * statement is sent and how bytes cross into and out of the engine's file system. Everything
 * else (statement reuse, one query at a time, CSV inserts, table export) is `WasmDb`'s.
 */
export interface WasmBinding {
  run: (sql: string) => Promise<unknown>
  prepare: (sql: string) => Promise<WasmStatement>
  /** Makes `bytes` readable to SQL as the file `name` until `drop(name)`. */
  register: (name: string, bytes: Uint8Array) => Promise<void>
  drop: (name: string) => Promise<void>
  /** A query's answer as the engine's own Arrow IPC file bytes (nothing decoded in JavaScript). */
  ipc: (sql: string) => Promise<Uint8Array>
  /** Creates the table `name` from an Arrow IPC stream. */
  insertIpc: (bytes: Uint8Array, name: string, schema: string) => Promise<void>
  /** Frees the connection (and whatever the adapter set up for it). */
  close: () => Promise<void>
}

const TABLES_HERE = 'SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_catalog = current_database()'
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`

/**
 * The one DuckDB-WASM adapter, over either binding (the shape of sqlrooms' BaseDuckDbConnector:
 * shared logic in the base, the transport in the binding). Reads reuse prepared statements
 * (see StatementCache); every other statement forgets them. Calls run one at a time, so
 * prepared statements and file registrations never interleave — except a read whose
 * statement is already prepared while no other kind of call is waiting: it is sent at once
 * (one message, queued by the engine behind those sent before it, so it still runs in the
 * order asked). A page's reads for a filter change then wait in the engine's queue, not
 * each for the page's thread to come round between two of them.
 */
export class WasmDb implements Db, TableFiles {
  readonly engine = 'duckdb-wasm' as const
  private readonly statements = new StatementCache<WasmStatement>()
  private queue: Promise<unknown> = Promise.resolve()
  private files = 0

  /** `prefix` keeps file names apart when several connections share one engine. */
  constructor(private readonly binding: WasmBinding, private readonly prefix: string) {}

  /** Calls other than reads queued or running: while there are any, reads queue behind them. */
  private writes = 0

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn)
    this.queue = next.catch(() => {})
    return next
  }

  /** A call that changes tables, statements or files: counted from the moment it is asked. */
  private write<T>(fn: () => Promise<T>): Promise<T> {
    this.writes++
    return this.serial(fn).finally(() => {
      this.writes--
    })
  }

  private schemaName: string | null = null

  /** The connection's schema: fixed when it opens (the adapter's USE), so asked for once. */
  private async schema(): Promise<string> {
    this.schemaName ??= String(arrowToRows(await this.binding.run('SELECT current_schema() AS s') as never)[0]!.s)
    return this.schemaName
  }

  private fileName(ext: string): string {
    return `${this.prefix}_${this.files++}.${ext}`
  }

  exec(sql: string): Promise<void> {
    return this.write(async () => {
      await this.statements.clear()
      await this.binding.run(sql)
    })
  }

  query(sql: string, params?: Params): Promise<Row[]> {
    let b: ReturnType<typeof bindNamed>
    try {
      b = bindNamed(sql, params)
    }
    catch (e) {
      return Promise.reject(e)
    }
    const read = StatementCache.isRead(b.sql)
    const prepared = read && this.writes === 0 ? this.statements.find(b.sql) : undefined
    // Sent within this call (the worker's binding posts synchronously), so in the order asked.
    if (prepared)
      return new Promise(resolve => resolve(prepared.query(...b.values))).then(answer => arrowToRows(answer as never))
    return (read ? this.serial.bind(this) : this.write.bind(this))(async () => {
      if (!read) {
        await this.statements.clear()
        const stmt = await this.binding.prepare(b.sql)
        try {
          return arrowToRows(await stmt.query(...b.values) as never)
        }
        finally {
          await stmt.close()
        }
      }
      const stmt = await this.statements.get(b.sql, () => this.binding.prepare(b.sql))
      return arrowToRows(await stmt.query(...b.values) as never)
    })
  }

  insertCsv(table: string, csv: string, columns: ColumnType[]): Promise<void> {
    return this.write(async () => {
      await this.statements.clear()
      const name = this.fileName('csv')
      await this.binding.register(name, new TextEncoder().encode(csv))
      try {
        await this.binding.run(`INSERT INTO ${table} BY NAME ${readCsvSql(name, columns)}`)
      }
      finally {
        await this.binding.drop(name)
      }
    })
  }

  /** Normalised rows as Arrow columns (arrow-insert.ts): no CSV text to build, encode and parse. */
  insertRows(table: string, columns: ColumnType[], rows: ReadonlyArray<ReadonlyArray<string | null>>, pick: readonly number[]): Promise<void> {
    return this.write(async () => {
      await this.statements.clear()
      const { ipc, select } = rowsToArrowIpc(columns, rows, pick)
      const schema = await this.schema()
      const stage = `${this.prefix}_rows_${this.files++}`
      await this.binding.insertIpc(ipc, stage, schema)
      try {
        await this.binding.run(`INSERT INTO ${table} BY NAME SELECT ${select} FROM ${ident(schema)}.${ident(stage)}`)
      }
      finally {
        await this.binding.run(`DROP TABLE IF EXISTS ${ident(schema)}.${ident(stage)}`)
      }
    })
  }

  /** Every table of this connection's schema as Arrow IPC, in one turn of the queue (a consistent copy). */
  saveTables(): Promise<SavedTable[]> {
    return this.serial(async () => {
      const names = arrowToRows(await this.binding.run(`${TABLES_HERE} AND table_type = 'BASE TABLE' ORDER BY 1`) as never).map(r => String(r.t))
      const out: SavedTable[] = []
      for (const table of names)
        out.push({ table, arrow: arrowFileToStream(await this.binding.ipc(`SELECT * FROM ${ident(table)}`)) })
      return out
    })
  }

  /**
   * Fills tables from saved Arrow: into the table of that name if the schema already has it
   * (so its declared types and column order hold), else a new table of the saved columns.
   */
  loadTables(tables: readonly SavedTable[]): Promise<void> {
    return this.write(async () => {
      await this.statements.clear()
      const existing = new Set(arrowToRows(await this.binding.run(TABLES_HERE) as never).map(r => String(r.t)))
      const schema = await this.schema()
      for (const { table, arrow } of tables) {
        if (!existing.has(table)) {
          await this.binding.insertIpc(arrow, table, schema)
          continue
        }
        const staging = `${this.prefix}_load_${this.files++}`
        await this.binding.insertIpc(arrow, staging, schema)
        try {
          await this.binding.run(`INSERT INTO ${ident(table)} BY NAME SELECT * FROM ${ident(staging)}`)
        }
        finally {
          await this.binding.run(`DROP TABLE IF EXISTS ${ident(staging)}`)
        }
      }
    })
  }

  close(): Promise<void> {
    return this.write(async () => {
      await this.statements.clear()
      await this.binding.close()
    })
  }
}
