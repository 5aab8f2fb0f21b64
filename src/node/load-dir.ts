import type { Dataset } from '../core/load/dataset'
import type { LoadedFile } from '../core/load/file'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { assembleDataset } from '../core/load/dataset'
import { isDelimitedFile, loadDelimitedBytes } from '../core/load/file'

export class DataDirError extends Error {}

/** Loads every recognised data file in a folder (not recursive), plus its plan.json if any. */
export async function loadDataDir(dir: string, now?: () => string): Promise<Dataset> {
  let names: string[]
  try {
    if (!(await stat(dir)).isDirectory())
      throw new DataDirError(`不是文件夹 / not a folder: ${dir}`)
    names = (await readdir(dir)).sort()
  }
  catch (e) {
    if (e instanceof DataDirError)
      throw e
    throw new DataDirError(`无法读取数据文件夹 / cannot read the data folder: ${dir}`)
  }
  const loaded = await loadDataFiles(names.filter(isDelimitedFile).map(n => join(dir, n)), now)
  // plan.json (a seed plan) and dataset.json (an embedded data set) both may give the plan year.
  let plan: Dataset['plan']
  for (const meta of ['plan.json', 'dataset.json']) {
    if (names.includes(meta))
      plan = { ...plan, ...JSON.parse(await readFile(join(dir, meta), 'utf8')) as Dataset['plan'] }
  }
  return assembleDataset(loaded, plan)
}

export async function loadDataFiles(paths: string[], now?: () => string): Promise<LoadedFile[]> {
  const out: LoadedFile[] = []
  for (const p of paths) {
    const bytes = new Uint8Array(await readFile(p))
    out.push(await loadDelimitedBytes(basename(p), bytes, now))
  }
  return out
}
