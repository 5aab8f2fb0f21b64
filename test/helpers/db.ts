import type { Db } from '../../src/metrics/db/types'
import type { Dataset } from '../../src/ingest/dataset/dataset'
import type { RuleSettings } from '../../src/domain/settings'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Analysis } from '../../src/metrics/analysis'
import { assembleDataset } from '../../src/ingest/dataset/dataset'
import { loadDelimitedBytes } from '../../src/ingest/table/file'
import { withDefaults } from '../../src/domain/settings'
import { loadSqlFilesNode } from '../../src/engine/node/sql-files'
import { openNativeDb } from '../../src/engine/node/native'

export const FIXTURES = new URL('../../data/', import.meta.url).pathname

/** A data set from in-memory CSV texts: { '配档表.csv': '序号,…' }. */
export async function datasetFromTexts(files: Record<string, string>): Promise<Dataset> {
  const loaded = await Promise.all(Object.entries(files).map(([name, text]) =>
    loadDelimitedBytes(name, new TextEncoder().encode(text), () => '2024-01-01T00:00:00.000Z')))
  return assembleDataset(loaded)
}

export async function datasetFromDir(dir: string): Promise<Dataset> {
  const names = readdirSync(dir).filter(n => n.endsWith('.csv')).sort()
  const loaded = await Promise.all(names.map(n =>
    loadDelimitedBytes(n, new Uint8Array(readFileSync(join(dir, n))), () => '2024-01-01T00:00:00.000Z')))
  return assembleDataset(loaded)
}

/** Opens a fresh native DuckDB with the data set loaded, for SQL fixture tests. */
export async function analysisOf(ds: Dataset, settings: Partial<RuleSettings> = {}, db?: Db): Promise<Analysis> {
  return Analysis.open(db ?? await openNativeDb(), ds, loadSqlFilesNode(), withDefaults(settings), 2024)
}
