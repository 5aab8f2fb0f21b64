import type { Budget } from '../ingest/dataset/budget'
import type { Dataset } from '../ingest/dataset/dataset'
import type { DatasetSummary } from '../stores/dataset-summary'
import { timed } from '../domain/timing'
import { ingestFiles } from '../ingest'
import { readKeyFromHash } from './url-state'
import { BudgetExceeded, judge, measureBytes } from './budget'
import { remember, savedDataset } from './warm-start/dataset-cache'

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

/** `summary`: when the data set was restored by a warm start (its big tables are then read lazily). */
export interface EmbeddedDataset { id: string, title: { zh: string, en: string }, asOf: string | null, dataset: Dataset, summary?: DatasetSummary }

export function embeddedDatasets(): EmbeddedMeta[] {
  return Object.values(metas).sort((a, b) => a.id.localeCompare(b.id))
}

export const DEFAULT_DATASET = embeddedDatasets().some(m => m.id === 'demo') ? 'demo' : 'sample-2024-10'

type Fetched = Array<{ name: string, bytes: Promise<Uint8Array> }>
const prefetched = new Map<string, Fetched>()

/**
 * Requests every file of a data set at once (they are decoded in turn, so only one grid at a
 * time is alive besides the loaded rows). A prefetch started before the app mounts is used
 * once by the load that follows.
 */
function fetchFiles(id: string): Fetched {
  const early = prefetched.get(id)
  if (early)
    return early
  return Object.entries(files).filter(([path]) => path.split('/')[2] === id).sort(([a], [b]) => a.localeCompare(b)).map(([path, url]) => {
    const name = path.split('/').pop()!
    const bytes = timed(`fetch ${name}`, async () => new Uint8Array(await (await fetch(url)).arrayBuffer()))
    // Awaited in order by the load; a failure is reported there, not as an unhandled rejection.
    bytes.catch(() => {})
    return { name, bytes }
  })
}

/**
 * Starts downloading the embedded data set the URL names while the app boots, so the bytes
 * are there when the page asks for them. Same-origin files only; nothing is decoded here.
 */
export function prefetchEmbedded(hash: string): void {
  const id = readKeyFromHash(hash, 'data') ?? DEFAULT_DATASET
  if (Object.values(metas).some(m => m.id === id) && !prefetched.has(id))
    prefetched.set(id, fetchFiles(id))
}

/**
 * Fetches and parses an embedded data set. With a budget, the fetched bytes are measured
 * before any is parsed (parsing is what takes the memory) and a data set over the budget
 * throws BudgetExceeded.
 */
export async function loadEmbeddedDataset(id: string, budget?: Budget): Promise<EmbeddedDataset> {
  const meta = Object.entries(metas).find(([, m]) => m.id === id)?.[1]
  if (!meta)
    throw new Error(`未知数据集 / unknown data set: ${id}`)
  const requested = fetchFiles(id)
  prefetched.delete(id)
  const fetched: Array<{ name: string, bytes: Uint8Array }> = []
  for (const { name, bytes } of requested)
    fetched.push({ name, bytes: await bytes })
  if (budget) {
    const { message } = judge(fetched.map(f => measureBytes(f.bytes, f.name)), budget)
    if (message && message.key !== 'large')
      throw new BudgetExceeded(message)
  }
  // A visit after the first finds these files already decoded and checked (warm-start/).
  const saved = await timed('warm-dataset', () => savedDataset(fetched, { plan_year: meta.plan_year, as_of: meta.as_of }))
  if (saved.dataset)
    return { id, title: meta.title, asOf: meta.as_of ?? null, dataset: saved.dataset, ...(saved.summary ? { summary: saved.summary } : {}) }
  const ingested = await timed('read', () => ingestFiles(fetched, { plan: { plan_year: meta.plan_year, as_of: meta.as_of } }))
  const dataset = await timed('assemble', () => ingested.dataset)
  remember(dataset, saved.key)
  return { id, title: meta.title, asOf: meta.as_of ?? null, dataset }
}
