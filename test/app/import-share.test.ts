// How the import shares files between its workers (src/app/import/share.ts).

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SHARE_MIN_BYTES, shareFiles } from '../../src/app/import/share'

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
})
