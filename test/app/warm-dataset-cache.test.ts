import type { Dataset } from '../../src/ingest/dataset/dataset'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { datasetFromDir, FIXTURES } from '../helpers/db'
import { MemoryOpfs } from '../helpers/memory-opfs'

const FILES = [{ name: 'applications.csv', url: '/assets/applications-abc.csv' }]
const META = { plan_year: 2024 }

/** The warm start's module as a production build has it (it is off in development). */
async function warmCache() {
  vi.stubEnv('DEV', false)
  vi.resetModules()
  return { cache: await import('../../src/app/warm-start/dataset-cache'), key: await import('../../src/app/warm-start/key') }
}

describe('the data set a warm start saved, restored', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.unstubAllGlobals()
  })

  it('hands on the big tables\' rows only once their bytes are read, then exactly as saved', async () => {
    const opfs = new MemoryOpfs()
    vi.stubGlobal('navigator', { storage: opfs.storage() })
    const { cache, key } = await warmCache()
    const ds: Dataset = await datasetFromDir(`${FIXTURES}sample-2024-10`)
    const apps = ds.tables.applications
    // Over LAZY_ROWS, so kept in a file of its own.
    apps.rows = Array.from({ length: cache.LAZY_ROWS + 1 }, (_, i) => apps.rows[i % apps.rows.length]!.map((c, j) => (j === 0 ? `${c}-${i}` : c)))
    const expected = JSON.parse(JSON.stringify(ds)) as Dataset
    await cache.saveDataset(await key.dataKey(FILES, META), ds)
    expect(cache.lazyTables(ds)).toEqual(['applications'])

    const saved = await cache.savedDataset(FILES, META)
    const back = saved.dataset!
    // Asked for before the bytes are in: a clear error, never a table short of rows.
    expect(() => back.tables.applications.rows).toThrow(/before their file was read/)
    await cache.whenRowsRead(back)
    expect(back.tables.applications.rows).toEqual(expected.tables.applications.rows)
    expect(JSON.parse(JSON.stringify(back))).toEqual(expected)
    // A data set decoded in this tab has nothing to wait for.
    await expect(cache.whenRowsRead(ds)).resolves.toBeUndefined()
  })

  it('is a cold load when a rows file has gone missing', async () => {
    const opfs = new MemoryOpfs()
    vi.stubGlobal('navigator', { storage: opfs.storage() })
    const { cache, key } = await warmCache()
    const ds: Dataset = await datasetFromDir(`${FIXTURES}sample-2024-10`)
    ds.tables.applications.rows = Array.from({ length: cache.LAZY_ROWS + 1 }, () => ds.tables.applications.rows[0]!)
    const k = await key.dataKey(FILES, META)
    await cache.saveDataset(k, ds)
    ;((opfs.root.get('duban-warm') as Map<string, unknown>).get(k) as Map<string, unknown>).delete('rows-applications.json')
    expect((await cache.savedDataset(FILES, META)).dataset).toBeNull()
  })
})
