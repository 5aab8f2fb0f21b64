import type { IngestOptions, Ingested } from '../index'
import type { Dataset } from '../dataset/dataset'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { isBundleManifest } from '../import/bundle'
import { isSupportedFile } from '../import/formats'
import { ingestFiles } from '../index'

export class DataDirError extends Error {}

/** What a command line may choose about its files (the clock is the caller's). */
export type DataDirOptions = Pick<IngestOptions, 'tables' | 'skipUnreadable' | 'choices'>

/**
 * Loads every recognised data file in a folder (not recursive): CSV/TSV, Excel, Word, JSON,
 * Parquet and zip, through the same reader as the browser. plan.json (a seed plan),
 * dataset.json (an embedded data set) and manifest.json (an exported bundle) give the plan.
 */
export async function loadDataDir(dir: string, now?: () => string, options: DataDirOptions = {}): Promise<Dataset> {
  return (await readDataDir(dir, now, options)).dataset
}

/** A folder's data files (sorted by name) and the plan its metadata gives. */
export interface DataDirFiles {
  paths: string[]
  /** The folder is an unzipped export bundle (its CSVs' formula quoting is undone). */
  bundle: boolean
  plan?: Dataset['plan']
}

/** The data files of a folder and its metadata: plan.json, dataset.json, manifest.json. */
export async function dataDirFiles(dir: string): Promise<DataDirFiles> {
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
  let plan: Dataset['plan']
  for (const meta of ['plan.json', 'dataset.json'])
    plan = metas[meta] ? { ...plan, ...metas[meta] as Dataset['plan'] } : plan
  if (bundle && metas['manifest.json']?.plan)
    plan = { ...plan, ...metas['manifest.json'].plan as Dataset['plan'] }
  return { paths: names.filter(isSupportedFile).map(n => join(dir, n)), bundle, ...(plan ? { plan } : {}) }
}

/** A folder's files, each ingested as the browser would, with the plan its metadata gives. */
export async function readDataDir(dir: string, now?: () => string, options: DataDirOptions = {}): Promise<Ingested> {
  const { paths, bundle, plan } = await dataDirFiles(dir)
  return ingestDataFiles(paths, now, { ...options, bundle, ...(plan ? { plan } : {}) })
}

/** Files named on a command line, each read and validated as the browser would. */
export async function ingestDataFiles(paths: string[], now?: () => string, options: IngestOptions = {}): Promise<Ingested> {
  const inputs = []
  for (const p of paths)
    inputs.push({ name: basename(p), bytes: new Uint8Array(await readFile(p)) })
  return ingestFiles(inputs, { ...options, ...(now ? { now } : {}) })
}
