import type { ImportOptions } from '../import/run'
import type { FileImport } from '../import/types'
import type { Dataset } from '../dataset/dataset'
import type { LoadedFile } from '../table/file'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { isBundleManifest } from '../import/bundle'
import { isSupportedFile } from '../import/formats'
import { importFile } from '../import/run'
import { assembleDataset } from '../dataset/dataset'

export class DataDirError extends Error {}

/**
 * Loads every recognised data file in a folder (not recursive): CSV/TSV, Excel, Word, JSON,
 * Parquet and zip, through the same reader as the browser. plan.json (a seed plan),
 * dataset.json (an embedded data set) and manifest.json (an exported bundle) give the plan.
 */
export async function loadDataDir(dir: string, now?: () => string, options: ImportOptions = {}): Promise<Dataset> {
  const { files, plan } = await readDataDir(dir, now, options)
  return assembleDataset(files.flatMap(f => f.loaded), plan)
}

/** A folder's files, each imported as the browser would, and the plan its metadata gives. */
export async function readDataDir(dir: string, now?: () => string, options: ImportOptions = {}): Promise<{ files: FileImport[], plan: Dataset['plan'] }> {
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
  // Metadata first: an unzipped export bundle changes how its CSVs are read.
  const metas: Record<string, Record<string, unknown>> = {}
  for (const meta of ['plan.json', 'dataset.json', 'manifest.json']) {
    if (!names.includes(meta))
      continue
    try {
      metas[meta] = JSON.parse(await readFile(join(dir, meta), 'utf8')) as Record<string, unknown>
    }
    catch {
      throw new DataDirError(`元数据文件不是有效的 JSON / the metadata file is not valid JSON: ${join(dir, meta)}`)
    }
  }
  const bundle = isBundleManifest(metas['manifest.json'])
  const files = await importDataFiles(names.filter(isSupportedFile).map(n => join(dir, n)), now, { ...options, bundle })
  let plan: Dataset['plan']
  for (const f of files) {
    if (f.plan)
      plan = { ...plan, ...f.plan }
  }
  for (const meta of ['plan.json', 'dataset.json'])
    plan = metas[meta] ? { ...plan, ...metas[meta] as Dataset['plan'] } : plan
  if (bundle && metas['manifest.json']?.plan)
    plan = { ...plan, ...metas['manifest.json'].plan as Dataset['plan'] }
  return { files, plan }
}

/** Files named on a command line, each read and validated as the browser would. */
export async function importDataFiles(paths: string[], now?: () => string, options: ImportOptions = {}): Promise<FileImport[]> {
  const out: FileImport[] = []
  for (const p of paths) {
    const bytes = new Uint8Array(await readFile(p))
    out.push(await importFile({ name: basename(p), bytes }, { ...options, ...(now ? { now } : {}) }))
  }
  return out
}

/** One entry per table found (a workbook gives one per sheet), ready for assembleDataset. */
export async function loadDataFiles(paths: string[], now?: () => string, options: ImportOptions = {}): Promise<LoadedFile[]> {
  return (await importDataFiles(paths, now, options)).flatMap(f => f.loaded)
}
