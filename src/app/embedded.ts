import type { Budget } from '../core/load/budget'
import type { Dataset } from '../core/load/dataset'
import type { LoadedFile } from '../core/load/file'
import { assembleDataset } from '../core/load/dataset'
import { isDelimitedFile, loadDelimitedBytes } from '../core/load/file'
import { isParquetFile, loadParquetBytes } from '../core/load/parquet'
import { BudgetExceeded, judge, measureBytes } from './budget'

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

/**
 * Fetches and parses an embedded data set. With a budget, the fetched bytes are measured
 * before any is parsed (parsing is what takes the memory) and a data set over the budget
 * throws BudgetExceeded.
 */
export async function loadEmbeddedDataset(id: string, budget?: Budget): Promise<EmbeddedDataset> {
  const meta = Object.entries(metas).find(([, m]) => m.id === id)?.[1]
  if (!meta)
    throw new Error(`未知数据集 / unknown data set: ${id}`)
  const entries = Object.entries(files).filter(([path]) => path.split('/')[2] === id).sort(([a], [b]) => a.localeCompare(b))
  const fetched: Array<{ name: string, bytes: Uint8Array }> = []
  for (const [path, url] of entries)
    fetched.push({ name: path.split('/').pop()!, bytes: new Uint8Array(await (await fetch(url)).arrayBuffer()) })
  if (budget) {
    const { message } = judge(fetched.map(f => measureBytes(f.bytes, f.name)), budget)
    if (message && message.key !== 'large')
      throw new BudgetExceeded(message)
  }
  const loaded: LoadedFile[] = []
  for (const { name, bytes } of fetched) {
    if (isDelimitedFile(name))
      loaded.push(await loadDelimitedBytes(name, bytes))
    else if (isParquetFile(name))
      loaded.push(await loadParquetBytes(name, bytes))
  }
  return { id, title: meta.title, asOf: meta.as_of ?? null, dataset: assembleDataset(loaded, { plan_year: meta.plan_year }) }
}
