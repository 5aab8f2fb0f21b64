import type { Db } from '../../src/metrics/db/types'
import type { Dataset } from '../../src/ingest/dataset/dataset'
import type { RuleSettings } from '../../src/domain/settings'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Analysis } from '../../src/metrics/analysis'
import { ingestFiles } from '../../src/ingest'
import { withDefaults } from '../../src/domain/settings'
import { loadSqlFilesNode } from '../../src/engine/node/sql-files'
import { openNativeDb } from '../../src/engine/node/native'

export const FIXTURES = new URL('../../data/', import.meta.url).pathname

const NOW = () => '2024-01-01T00:00:00.000Z'

/** A data set from in-memory CSV texts: { '配档表.csv': '序号,…' }, through the app's ingest path. */
export async function datasetFromTexts(files: Record<string, string>): Promise<Dataset> {
  const inputs = Object.entries(files).map(([name, text]) => ({ name, bytes: new TextEncoder().encode(text) }))
  return (await ingestFiles(inputs, { now: NOW })).dataset
}

/** The CSV files of a folder, through the app's ingest path. */
export async function datasetFromDir(dir: string): Promise<Dataset> {
  const names = readdirSync(dir).filter(n => n.endsWith('.csv')).sort()
  return (await ingestFiles(names.map(n => ({ name: n, bytes: new Uint8Array(readFileSync(join(dir, n))) })), { now: NOW })).dataset
}

/** Opens a fresh native DuckDB with the data set loaded, for SQL fixture tests. */
export async function analysisOf(ds: Dataset, settings: Partial<RuleSettings> = {}, db?: Db): Promise<Analysis> {
  return Analysis.open(db ?? await openNativeDb(), ds, loadSqlFilesNode(), withDefaults(settings), 2024)
}
