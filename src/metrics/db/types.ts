/**
 * The one database interface. The metric code is written against it; adapters exist for
 * DuckDB-WASM in a browser worker, DuckDB-WASM in Node (parity tests, benchmarks) and
 * native DuckDB in Node (the command line).
 */
export type SqlValue = string | number | boolean | null
export type Params = Record<string, SqlValue>
export type Row = Record<string, SqlValue>

/** A column of a table loaded from normalised CSV text: its name and DuckDB type. */
export interface ColumnType { name: string, type: string }

export interface Db {
  readonly engine: 'duckdb-native' | 'duckdb-wasm'
  /** Trusted DDL written by the project, never containing user values. */
  exec: (sql: string) => Promise<void>
  /** A query with `$name` parameters; values are bound, never spliced into the text. */
  query: (sql: string, params?: Params) => Promise<Row[]>
  /** Appends normalised CSV text (header row, our own quoting) to an existing table. */
  insertCsv: (table: string, csv: string, columns: ColumnType[]) => Promise<void>
  /**
   * Appends rows of normalised cells (cell positions `pick`, named and typed by `columns`)
   * without a CSV copy, where the engine takes columns directly (DuckDB-WASM: Arrow).
   */
  insertRows?: (table: string, columns: ColumnType[], rows: ReadonlyArray<ReadonlyArray<string | null>>, pick: readonly number[]) => Promise<void>
  close: () => Promise<void>
}
