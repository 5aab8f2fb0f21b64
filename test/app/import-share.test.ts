// How the import shares files between its workers (src/app/import/share.ts).

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SHARE_MIN_BYTES, shareBytes, shareFiles, shareWork, SLICE_MIN_BYTES } from '../../src/app/import/share'

const MB = 1024 * 1024

describe('sharing files between import workers', () => {
  it('puts the two big logs in different workers, each group in input order', () => {
    // bundles, applications, evaluations, rectifications, tasks: the 1M folder's sizes.
    expect(shareFiles([7_000, 58 * MB, 25 * MB, 290_000, 5_000], 2)).toEqual([[1], [0, 2, 3, 4]])
  })

  it('keeps one worker for one file, one core, few bytes, or a lopsided split', () => {
    expect(shareFiles([58 * MB], 2)).toEqual([[0]])
    expect(shareFiles([30 * MB, 20 * MB], 1)).toEqual([[0, 1]])
    expect(shareFiles([SHARE_MIN_BYTES / 4, SHARE_MIN_BYTES / 4], 8)).toEqual([[0, 1]])
    expect(shareFiles([50 * MB, 1 * MB, 1 * MB], 2)).toEqual([[0, 1, 2]])
  })

  it('gives every file to exactly one worker, at most two, never an empty one', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 60 * MB }), { maxLength: 12 }), fc.integer({ min: 1, max: 16 }), (sizes, cores) => {
      const groups = shareFiles(sizes, cores)
      expect(groups.length).toBeLessThanOrEqual(2)
      expect(groups.flat().sort((a, b) => a - b)).toEqual(sizes.map((_, i) => i))
      for (const g of groups) {
        expect([...g].sort((a, b) => a - b)).toEqual(g)
        if (groups.length > 1)
          expect(g.length).toBeGreaterThan(0)
      }
      if (groups.length === 2) {
        // Shared only when it pays: the lighter worker has at least a tenth of the bytes.
        const load = groups.map(g => g.reduce((n, i) => n + sizes[i]!, 0))
        expect(Math.min(...load) * 10).toBeGreaterThanOrEqual(load[0]! + load[1]!)
      }
    }), { seed: 17 })
  })

  it('shares the larger Parquet file between the workers by its row groups, so that both read about as much', () => {
    // The 1M folder: applications 58 MB, evaluations 25 MB.
    const sizes = [7_000, 58 * MB, 25 * MB, 290_000, 5_000]
    const work = shareWork(sizes, 2, sizes.map(() => true))
    const cut = work[0]![0]!.slice!.cut
    expect(work).toEqual([[{ index: 1, slice: { part: 0, cut } }], [{ index: 0 }, { index: 1, slice: { part: 1, cut } }, { index: 2 }, { index: 3 }, { index: 4 }]])
    const load = work.map(g => g.reduce((n, s) => n + shareBytes(s, sizes[s.index]!), 0))
    expect(Math.abs(load[0]! - load[1]!)).toBeLessThan(MB)
    // One large file alone: half each.
    expect(shareWork([58 * MB], 2, [true])).toEqual([[{ index: 0, slice: { part: 0, cut: 0.5 } }], [{ index: 0, slice: { part: 1, cut: 0.5 } }]])
  })

  it('reads a file whole when it is no Parquet, small, the work is even, or there is one core', () => {
    expect(shareWork([58 * MB, 25 * MB], 2, [false, true])).toEqual([[{ index: 0 }], [{ index: 1 }]])
    expect(shareWork([SLICE_MIN_BYTES - 1], 2, [true])).toEqual([[{ index: 0 }]])
    expect(shareWork([30 * MB, 28 * MB], 2, [true, true])).toEqual([[{ index: 0 }], [{ index: 1 }]])
    expect(shareWork([58 * MB], 1, [true])).toEqual([[{ index: 0 }]])
  })

  it('gives every file whole to one worker or both parts to two, each part once', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 60 * MB }), fc.boolean()), { maxLength: 10 }), fc.integer({ min: 1, max: 16 }), (files, cores) => {
      const sizes = files.map(f => f[0])
      const work = shareWork(sizes, cores, files.map(f => f[1]))
      expect(work.length).toBeLessThanOrEqual(2)
      const seen = work.flat().map(s => `${s.index}${s.slice ? `/${s.slice.part}` : ''}`).sort()
      const sliced = work.flat().filter(s => s.slice)
      expect(sliced.length === 0 || sliced.length === 2).toBe(true)
      if (sliced.length === 2) {
        expect(sliced[0]!.index).toBe(sliced[1]!.index)
        expect(files[sliced[0]!.index]![1]).toBe(true)
        expect(work[0]!.some(s => s.index === sliced[0]!.index) && work[1]!.some(s => s.index === sliced[0]!.index)).toBe(true)
      }
      const expected = sizes.flatMap((_, i) => (sliced[0]?.index === i ? [`${i}/0`, `${i}/1`] : [`${i}`])).sort()
      expect(seen).toEqual(expected)
      for (const g of work)
        expect(g.map(s => s.index)).toEqual([...g.map(s => s.index)].sort((a, b) => a - b))
    }), { seed: 17 })
  })
})
