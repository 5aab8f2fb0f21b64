import type { SqlFiles } from './index'
import { readFileSync } from 'node:fs'
import { SQL_NAMES } from './index'

export function loadSqlFilesNode(): SqlFiles {
  return Object.fromEntries(SQL_NAMES.map(n =>
    [n, readFileSync(new URL(`./${n}.sql`, import.meta.url), 'utf8')])) as SqlFiles
}
