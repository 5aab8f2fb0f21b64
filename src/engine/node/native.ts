import type { ColumnType, Db, Params, Row, SqlValue } from '../../metrics/db/types'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { bindNamed, readCsvSql } from '../../metrics/db/params'

function plain(v: unknown): SqlValue {
  if (v === null || v === undefined)
    return null
  if (typeof v === 'bigint')
    return Number(v)
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    return v
  // DATE/TIMESTAMP values print as ISO text; our SQL formats dates itself, this is a fallback.
  return String(v)
}

/** Native DuckDB for the command line: Parquet and JSON built in, no WASM start-up cost. */
export async function openNativeDb(path = ':memory:'): Promise<Db> {
  const instance = await DuckDBInstance.create(path)
  const conn = await instance.connect()
  const scratch = mkdtempSync(join(tmpdir(), 'duban-'))
  let n = 0
  return {
    engine: 'duckdb-native',
    async exec(sql) {
      await conn.run(sql)
    },
    async query(sql, params?: Params) {
      const b = bindNamed(sql, params)
      const reader = await conn.runAndReadAll(b.sql, b.values as never)
      return reader.getRowObjectsJS().map((r) => {
        const out: Row = {}
        for (const [k, v] of Object.entries(r))
          out[k] = plain(v)
        return out
      })
    },
    async insertCsv(table: string, csv: string, columns: ColumnType[]) {
      const file = join(scratch, `t${n++}.csv`)
      writeFileSync(file, csv)
      try {
        await conn.run(`INSERT INTO ${table} BY NAME ${readCsvSql(file.replace(/'/g, '\'\''), columns)}`)
      }
      finally {
        rmSync(file, { force: true })
      }
    },
    async close() {
      conn.closeSync()
      instance.closeSync()
      rmSync(scratch, { recursive: true, force: true })
    },
  }
}
