import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadEmbeddedDataset, prefetchEmbedded } from '../../src/app/embedded'

const ROOT = join(import.meta.dirname, '../..')

/** fetch() of the app's own asset URLs, answered from the repository; every call recorded. */
function fakeFetch(calls: string[]) {
  return vi.fn(async (url: string) => {
    calls.push(url)
    const path = decodeURIComponent(new URL(url, 'http://app.local').pathname)
    return new Response(readFileSync(join(ROOT, path)))
  })
}

describe('embedded data sets', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('downloads the data set the URL names while the app boots, and the load uses those bytes once', async () => {
    const calls: string[] = []
    vi.stubGlobal('fetch', fakeFetch(calls))
    prefetchEmbedded('#/schedule?data=sample-2024-10&dept=x')
    const files = calls.length
    expect(files).toBeGreaterThan(3)
    expect(calls.every(u => u.includes('/data/sample-2024-10/'))).toBe(true)
    const e = await loadEmbeddedDataset('sample-2024-10')
    expect(calls).toHaveLength(files)
    expect(e.dataset.tables.applications.rows.length).toBeGreaterThan(0)
    // A later load (a switch back to this data set) fetches afresh.
    await loadEmbeddedDataset('sample-2024-10')
    expect(calls).toHaveLength(2 * files)
  })

  it('prefetches nothing for an unknown or imported data set', () => {
    const calls: string[] = []
    vi.stubGlobal('fetch', fakeFetch(calls))
    prefetchEmbedded('#/?data=user')
    prefetchEmbedded('#/?data=no-such-set')
    expect(calls).toEqual([])
  })
})
