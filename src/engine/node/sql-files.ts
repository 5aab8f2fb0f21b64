import type { SqlFiles } from '../../metrics/sql/index'
import { readFileSync } from 'node:fs'
import { SQL_NAMES } from '../../metrics/sql/index'

export function loadSqlFilesNode(): SqlFiles {
  return Object.fromEntries(SQL_NAMES.map(n =>
    [n, readFileSync(new URL(`../../metrics/sql/${n}.sql`, import.meta.url), 'utf8')])) as SqlFiles
}
