// The --data folder as `duban metrics` and `duban report` read it: every file through the
// app's import path, and a refusal by name (exit 3) when a file would silently change the
// figures — unreadable, empty, every row lost, or a table the columns cannot choose.

import type { TableName } from '../domain/contract/tables'
import type { Dataset } from '../ingest/dataset/dataset'
import type { Db } from '../metrics/db/types'
import type { Lang } from '../ingest/table/issues'
import type { CliIO } from './main'
import { basename } from 'node:path'
import { TABLE_BY_NAME } from '../domain/contract/tables'
import { describeRefusal } from '../ingest/import/describe'
import { recogniseByFileName } from '../ingest/table/recognise'
import { readDataDir } from '../ingest/node/load-dir'
import { readDirWithEngine } from '../engine/node/engine-logs'

/** Options every command reading --data accepts (added to its own parseArgs options). */
export const DATA_OPTIONS = {
  'table': { type: 'string', multiple: true },
  'skip-unreadable': { type: 'boolean', default: false },
} as const

export const DATA_USAGE = `                [--table FILE=TABLE]… [--skip-unreadable]`

/**
 * `--table 台账.xlsx=evaluations` (or =好差评): the table of every sheet in that file. Returns
 * the choices, or a usage message.
 */
export function parseTableOption(values: string[] | undefined): Record<string, TableName> | string {
  const out: Record<string, TableName> = {}
  for (const v of values ?? []) {
    const eq = v.lastIndexOf('=')
    const file = eq > 0 ? basename(v.slice(0, eq)) : ''
    const name = eq > 0 ? v.slice(eq + 1).trim() : ''
    const table = (Object.hasOwn(TABLE_BY_NAME, name) ? name as TableName : null) ?? (name ? recogniseByFileName(name) : null)
    if (!file || !table)
      return `--table 应为 文件名=表名（如 台账.xlsx=evaluations）/ --table must be FILE=TABLE (e.g. ledger.xlsx=evaluations): ${v}\n`
    out[file] = table
  }
  return out
}

/**
 * Loads --data for figures. Null when a file is refused and --skip-unreadable was not given
 * (the reasons are on stderr); with it, refused files are left out whole and named. With `db`,
 * native DuckDB reads large log files itself (`engine`: the analysis must be opened for that).
 */
export async function loadFigureData(dir: string, io: CliIO, lang: Lang, opts: { tables: Record<string, TableName>, skipUnreadable: boolean }, db?: Db): Promise<{ dataset: Dataset, engine: boolean } | null> {
  const now = () => io.now().toISOString()
  // DUBAN_ENGINE_MIN_BYTES moves the size from which the engine reads log files (tests: 0, always).
  const minBytes = io.env.DUBAN_ENGINE_MIN_BYTES ? Number(io.env.DUBAN_ENGINE_MIN_BYTES) : undefined
  const { files, refused, dataset, engine } = db ? await readDirWithEngine(db, dir, now, opts, minBytes) : { ...await readDataDir(dir, now, opts), engine: false }
  const zh = lang === 'zh'
  if (files.length === 0) {
    io.stderr(`${zh ? '数据文件夹中没有可读取的数据文件' : 'the data folder holds no data file'}: ${dir}\n`)
    return null
  }
  for (const r of refused)
    io.stderr(`${describeRefusal(r, lang)}\n`)
  if (refused.length > 0 && !opts.skipUnreadable) {
    io.stderr(zh
      ? `以上 ${new Set(refused.map(r => r.file)).size} 个文件会使指标不准确，未计算（加 --skip-unreadable 可跳过它们继续）\n`
      : `${new Set(refused.map(r => r.file)).size} file(s) above would make the figures wrong; nothing computed (--skip-unreadable leaves them out and goes on)\n`)
    return null
  }
  const left = new Set(refused.map(r => r.file))
  if (left.size > 0)
    io.stderr(`${zh ? '已跳过' : 'skipped'}: ${[...left].join(zh ? '、' : ', ')}\n`)
  return { dataset, engine }
}
