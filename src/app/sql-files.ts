import type { SqlFiles, SqlName } from '../metrics/sql/index'
import { SQL_NAMES } from '../metrics/sql/index'

const raw = import.meta.glob<string>('../metrics/sql/*.sql', { query: '?raw', import: 'default', eager: true })

export function loadSqlFilesVite(): SqlFiles {
  return Object.fromEntries(SQL_NAMES.map((n: SqlName) => {
    const text = raw[`../metrics/sql/${n}.sql`]
    if (text === undefined)
      throw new Error(`missing SQL file ${n}.sql`)
    return [n, text]
  })) as SqlFiles
}
