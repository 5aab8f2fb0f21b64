import type { Dataset } from '../core/load/dataset'
import type { LoadedFile } from '../core/load/file'
import { assembleDataset } from '../core/load/dataset'
import { isDelimitedFile, loadDelimitedBytes } from '../core/load/file'
import { isParquetFile, loadParquetBytes } from '../core/load/parquet'

/**
 * Data sets shipped with the app (data/…): bundled as same-origin assets by Vite, fetched as
 * bytes so GBK files decode exactly as an upload would.
 */
const dataFiles = import.meta.glob<string>('/data/*/*.{csv,tsv,parquet}', { query: '?url', import: 'default', eager: true })
const dataMetas = import.meta.glob<EmbeddedMeta>('/data/*/dataset.json', { import: 'default', eager: true })
// The five seed plans (their lists and schedules, no logs) are offered too, as `seed-<plan>`.
const seedFiles = import.meta.glob<string>('/seeds/*/*.csv', { query: '?url', import: 'default', eager: true })
const seedPlans = import.meta.glob<SeedPlan>('/seeds/*/plan.json', { import: 'default', eager: true })

interface SeedPlan { id: string, title: string, issuer: string, plan_year: number }

const files: Record<string, string> = {
  ...dataFiles,
  ...Object.fromEntries(Object.entries(seedFiles).map(([p, u]) => [p.replace(/^\/seeds\/([^/]+)\//, '/data/seed-$1/'), u])),
}
const metas: Record<string, EmbeddedMeta> = {
  ...dataMetas,
  ...Object.fromEntries(Object.values(seedPlans).map(p => [`/data/seed-${p.id}/dataset.json`, {
    id: `seed-${p.id}`,
    title: { zh: `种子方案：${p.issuer}（${p.plan_year}）`, en: `Seed plan: ${p.id}` },
    as_of: `${p.plan_year}-12-31`,
    plan_year: p.plan_year,
  }])),
}

interface EmbeddedMeta {
  id: string
  title: { zh: string, en: string }
  as_of?: string
  plan_year?: number
}

export interface EmbeddedDataset { id: string, title: { zh: string, en: string }, asOf: string | null, dataset: Dataset }

export function embeddedDatasets(): EmbeddedMeta[] {
  return Object.values(metas).sort((a, b) => a.id.localeCompare(b.id))
}

export const DEFAULT_DATASET = embeddedDatasets().some(m => m.id === 'demo') ? 'demo' : 'sample-2024-10'

export async function loadEmbeddedDataset(id: string): Promise<EmbeddedDataset> {
  const meta = Object.entries(metas).find(([, m]) => m.id === id)?.[1]
  if (!meta)
    throw new Error(`未知数据集 / unknown data set: ${id}`)
  const entries = Object.entries(files).filter(([path]) => path.split('/')[2] === id).sort(([a], [b]) => a.localeCompare(b))
  const loaded: LoadedFile[] = []
  for (const [path, url] of entries) {
    const name = path.split('/').pop()!
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer())
    if (isDelimitedFile(name))
      loaded.push(await loadDelimitedBytes(name, bytes))
    else if (isParquetFile(name))
      loaded.push(await loadParquetBytes(name, bytes))
  }
  return { id, title: meta.title, asOf: meta.as_of ?? null, dataset: assembleDataset(loaded, { plan_year: meta.plan_year }) }
}
