// The Parquet files of a raw data folder, by table: flat (applications.parquet), or
// partitioned in sub-folders as data lakes write them (applications/month=2024-01/
// region=沈阳市/part-0.parquet, or 2024-01/办件.parquet). A file's table is recognised by its
// name, else by the nearest folder above it whose name is a table's.

import type { TableName } from '../../domain/contract/tables'
import { readdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { recogniseByFileName } from '../../ingest/table/recognise'

export interface TableSources {
  table: TableName
  files: string[]
}

async function walk(dir: string, out: string[]): Promise<void> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    // Hidden and temporary folders (.generate-…, _temporary) are a writer's scratch space.
    if (e.name.startsWith('.') || e.name.startsWith('_'))
      continue
    const p = join(dir, e.name)
    if (e.isDirectory())
      await walk(p, out)
    else if (e.isFile() && /\.parquet$/i.test(e.name))
      out.push(p)
  }
}

/** Folder names such as month=2024-01 or region=沈阳市 say nothing about the table. */
const PARTITION = /^[^=]+=.*$|^\d{4}-\d{2}$/

export function tableOfPath(root: string, file: string): TableName | null {
  const parts = relative(root, file).split(sep)
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!
    if (i < parts.length - 1 && PARTITION.test(part))
      continue
    const t = recogniseByFileName(part)
    if (t)
      return t
  }
  return null
}

/** Every Parquet file under `root`, grouped by table; files of no known table are listed apart. */
export async function findSources(root: string): Promise<{ tables: TableSources[], unknown: string[] }> {
  const files: string[] = []
  await walk(root, files)
  files.sort()
  const by = new Map<TableName, string[]>()
  const unknown: string[] = []
  for (const f of files) {
    const t = tableOfPath(root, f)
    if (!t) {
      unknown.push(f)
      continue
    }
    by.set(t, [...(by.get(t) ?? []), f])
  }
  return { tables: [...by].map(([table, fs]) => ({ table, files: fs })), unknown }
}
