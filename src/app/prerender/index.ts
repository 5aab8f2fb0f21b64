import type { PrerenderHead } from './format'
import { timed } from '../../domain/timing'
import built from 'virtual:duban-prerender'
import { readKeyFromHash, URL_KEYS } from '../url-keys'

/** The build's first page of an embedded data set (format.ts) as fetched, or null. */
export interface Fetched { head: PrerenderHead, answers: string }

/** Whether the build made a first page for this data set. */
export function hasPrerender(id: string, made: Readonly<Record<string, unknown>> = built): boolean {
  return made[id] !== undefined
}

/**
 * Whether a visit to `hash` would draw from the build's first page of data set `id`: it opens
 * the overview with no review date or filter set (the page the build computed), and the build
 * made one for `id`. Any other view would wait for the engine all the same.
 */
export function firstPageFits(hash: string, id: string, made: Readonly<Record<string, unknown>> = built): boolean {
  const path = hash.replace(/^#/, '').split('?')[0] || '/'
  return path === '/' && URL_KEYS.every(k => k === 'data' || readKeyFromHash(hash, k) === null) && hasPrerender(id, made)
}

/**
 * What the entry guesses (it cannot load embedded.ts to know the default data set: the demo,
 * when there is one). A wrong guess costs only the engine starting later.
 */
export function firstPageLikely(hash: string, made: Readonly<Record<string, unknown>> = built): boolean {
  return firstPageFits(hash, readKeyFromHash(hash, 'data') ?? 'demo', made)
}

/**
 * Fetches the build's first page of `id`, or null when there is none or it could not be read
 * (the visit then loads as if there were none).
 */
export async function fetchPrerender(id: string): Promise<Fetched | null> {
  const urls = built[id]
  if (!urls)
    return null
  try {
    return await timed('prerender', async () => {
      const [head, answers] = await Promise.all([fetch(urls.head), fetch(urls.answers)])
      if (!head.ok || !answers.ok)
        return null
      return { head: await head.json() as PrerenderHead, answers: await answers.text() }
    })
  }
  catch {
    return null
  }
}

/** What a data set restored from the build's first page brings to its Analysis (engine.ts). */
export interface FirstPage { inputs: string, answers: string, coverage: PrerenderHead['coverage'] }

const firstPages = new WeakMap<object, FirstPage>()

/** Marks `dataset` (a prerendered head) as drawable from `page` while its files decode. */
export function withFirstPage(dataset: object, page: FirstPage): void {
  firstPages.set(dataset, page)
}

/** The build's first page of this data set, if it was restored from one. */
export function firstPageOf(dataset: object): FirstPage | undefined {
  return firstPages.get(dataset)
}
