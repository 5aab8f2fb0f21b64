import type { Dataset } from '../core/load/dataset'
import type { LoadedFile } from '../core/load/file'
import { assembleDataset } from '../core/load/dataset'
import { isDelimitedFile, loadDelimitedBytes } from '../core/load/file'

/**
 * Data sets shipped with the app (data/…): bundled as same-origin assets by Vite, fetched as
 * bytes so GBK files decode exactly as an upload would.
 */
const files = import.meta.glob<string>('/data/*/*.{csv,tsv,parquet}', { query: '?url', import: 'default', eager: true })
const metas = import.meta.glob<EmbeddedMeta>('/data/*/dataset.json', { import: 'default', eager: true })

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
  }
  return { id, title: meta.title, asOf: meta.as_of ?? null, dataset: assembleDataset(loaded, { plan_year: meta.plan_year }) }
}
