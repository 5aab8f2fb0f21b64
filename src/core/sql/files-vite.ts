import type { SqlFiles, SqlName } from './index'
import { SQL_NAMES } from './index'

const raw = import.meta.glob<string>('./*.sql', { query: '?raw', import: 'default', eager: true })

export function loadSqlFilesVite(): SqlFiles {
  return Object.fromEntries(SQL_NAMES.map((n: SqlName) => {
    const text = raw[`./${n}.sql`]
    if (text === undefined)
      throw new Error(`missing SQL file ${n}.sql`)
    return [n, text]
  })) as SqlFiles
}
