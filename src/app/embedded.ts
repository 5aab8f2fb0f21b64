import type { Budget } from '../ingest/dataset/budget'
import type { Dataset } from '../ingest/dataset/dataset'
import type { DatasetSummary } from '../stores/dataset-summary'
import { timed } from '../domain/timing'
import { ingestFiles } from '../ingest'
import { startEngineSoon } from './engine-soon'
import { readKeyFromHash } from './url-keys'
import type { MeasuredFile } from './budget'
import { BudgetExceeded, judge, measureBytes } from './budget'
import type { SavedDataset } from './warm-start/dataset-cache'
import { remember, rowsLater, savedDataset } from './warm-start/dataset-cache'
import { hintWarm, warmLikely, whenIdle } from './warm-start/engine-hint'
import { dataKey } from './warm-start/key'
import { WARM_START } from './warm-start/marks'
import type { Fetched as FetchedPage } from './prerender'
import { fetchPrerender, firstPageFits, withFirstPage } from './prerender'

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

/** A data set's files by name, in a fixed order. */
function urlsOf(id: string): Array<{ name: string, url: string }> {
  return Object.entries(files).filter(([path]) => path.split('/')[2] === id).sort(([a], [b]) => a.localeCompare(b)).map(([path, url]) => ({ name: path.split('/').pop()!, url }))
}

type Fetched = Array<{ name: string, bytes: Promise<Uint8Array> }>

/** Requests every file of a data set at once (they are decoded in turn, so only one grid at a time is alive besides the loaded rows). */
function fetchFiles(id: string): Fetched {
  return urlsOf(id).map(({ name, url }) => {
    const bytes = timed(`fetch ${name}`, async () => new Uint8Array(await (await fetch(url)).arrayBuffer()))
    // Awaited in order by the load; a failure is reported there, not as an unhandled rejection.
    bytes.catch(() => {})
    return { name, bytes }
  })
}

const planOf = (m: EmbeddedMeta) => ({ plan_year: m.plan_year, as_of: m.as_of })

/**
 * No saved copy: a cold load. The entry held the engine back if it expected a warm one
 * (engine-hint.ts); it is wanted now, while the files download and decode.
 */
function missed(id: string): Fetched {
  if (warmLikely()) {
    hintWarm(null)
    startEngineSoon()
  }
  return fetchFiles(id)
}

/**
 * A load begun before the app asked for it: the saved copy looked for, and the files requested
 * if there is none; and the build's first page (prerender/) when no saved copy is expected.
 */
interface Early { saved: Promise<SavedDataset>, files: Promise<Fetched | null>, page: Promise<FetchedPage | null> }
const early = new Map<string, Early>()

function begin(id: string, meta: EmbeddedMeta, hash: string): Early {
  const saved = timed('warm-dataset', () => savedDataset(urlsOf(id), planOf(meta)))
  // With no warm start there is no copy to look for, and the download starts at once.
  const files = WARM_START ? saved.then(s => (s.dataset ? null : missed(id))) : Promise.resolve(fetchFiles(id))
  // The saved copy is the better start (its tables need no building), so the build's page is
  // taken only on a visit that expects none: there, the lookup costs ~0.7 s to find nothing.
  // The entry held the engine back for it (main.ts): wanted at once if the page is not there.
  const page = WARM_START && firstPageFits(hash, id) && !warmLikely()
    ? fetchPrerender(id).then((p) => {
        if (!p)
          startEngineSoon()
        return p
      })
    : Promise.resolve(null)
  return { saved, files, page }
}

/**
 * Starts loading the embedded data set the URL names while the app boots: the copy a warm
 * start saved is read (not its big tables' rows: see dataset-cache.ts) or else the files
 * are downloaded, so they are there when the page asks. Used once, by the load that follows.
 */
export function prefetchEmbedded(hash: string): void {
  const id = readKeyFromHash(hash, 'data') ?? DEFAULT_DATASET
  const meta = Object.values(metas).find(m => m.id === id)
  if (meta && !early.has(id))
    early.set(id, begin(id, meta, hash))
}

/**
 * Fetches and parses an embedded data set. With a budget, the fetched bytes are measured
 * before any is parsed (parsing is what takes the memory) and a data set over the budget
 * throws BudgetExceeded.
 */
export async function loadEmbeddedDataset(id: string, budget?: Budget): Promise<EmbeddedDataset> {
  const meta = Object.values(metas).find(m => m.id === id)
  if (!meta)
    throw new Error(`未知数据集 / unknown data set: ${id}`)
  const started = early.get(id) ?? begin(id, meta, typeof location === 'undefined' ? '' : location.hash)
  // Whatever was begun for another data set is not wanted any more.
  early.clear()
  const page = await started.page
  if (page)
    return fromFirstPage(id, meta, page, started, budget)
  // A visit after the first finds these files already decoded and checked (warm-start/),
  // found by their URLs: nothing is downloaded then, and the size guard judges the measures
  // saved with them (the same files, so the same measures).
  const saved = await started.saved
  if (saved.dataset) {
    refuseOverBudget(saved.measured, budget)
    return { id, title: meta.title, asOf: meta.as_of ?? null, dataset: saved.dataset, ...(saved.summary ? { summary: saved.summary } : {}) }
  }
  const requested = (await started.files) ?? fetchFiles(id)
  const fetched: Array<{ name: string, bytes: Uint8Array }> = []
  for (const { name, bytes } of requested)
    fetched.push({ name, bytes: await bytes })
  const measured = fetched.map(f => measureBytes(f.bytes, f.name))
  refuseOverBudget(measured, budget)
  const ingested = await timed('read', () => ingestFiles(fetched, { plan: planOf(meta) }))
  const dataset = await timed('assemble', () => ingested.dataset)
  remember(dataset, saved.key, measured)
  return { id, title: meta.title, asOf: meta.as_of ?? null, dataset }
}

/**
 * The build's first page: the data set's head (its big tables without rows) and the overview's
 * answers, drawn at once. The files are downloaded and decoded once the page is idle, and the
 * big tables take their rows from them (rowsLater); the Analysis builds its tables from those
 * behind the first page (engine.ts).
 */
async function fromFirstPage(id: string, meta: EmbeddedMeta, page: FetchedPage, started: Early, budget: Budget | undefined): Promise<EmbeddedDataset> {
  const { head } = page
  refuseOverBudget(head.measured, budget)
  const whole = (async () => {
    await whenIdle()
    const requested = (await started.files) ?? fetchFiles(id)
    const fetched: Array<{ name: string, bytes: Uint8Array }> = []
    for (const { name, bytes } of requested)
      fetched.push({ name, bytes: await bytes })
    const ingested = await timed('read', () => ingestFiles(fetched, { plan: planOf(meta) }))
    return timed('assemble', () => ingested.dataset)
  })()
  rowsLater(head, head.counts, whole)
  // The key the saved-copy lookup also computes: not awaited from it, which still has ~0.7 s
  // of lookups to go; the tables built behind this page are saved under it.
  remember(head.dataset, await dataKey(urlsOf(id), planOf(meta)), head.measured)
  withFirstPage(head.dataset, { inputs: head.inputs, answers: page.answers, coverage: head.coverage })
  return { id, title: meta.title, asOf: meta.as_of ?? null, dataset: head.dataset, summary: head.summary }
}

/** Measured before any is parsed (parsing is what takes the memory): over the budget throws BudgetExceeded. */
function refuseOverBudget(measured: MeasuredFile[], budget: Budget | undefined): void {
  if (!budget)
    return
  const { message } = judge(measured, budget)
  if (message && message.key !== 'large')
    throw new BudgetExceeded(message)
}
