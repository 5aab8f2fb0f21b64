import { afterEach, describe, expect, it, vi } from 'vitest'
import { hintWarm, warmLikely } from '../../src/app/warm-start/engine-hint'
import { MemoryStorage } from '../helpers/memory-storage'

describe('the warm-start hint the entry reads to hold the engine back', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('is set by a save, cleared by a miss, and absent at first', () => {
    vi.stubGlobal('localStorage', new MemoryStorage())
    expect(warmLikely()).toBe(false)
    hintWarm(true)
    expect(warmLikely()).toBe(true)
    hintWarm(false)
    expect(warmLikely()).toBe(false)
  })

  it('means "start the engine at once" where storage is missing or refuses', () => {
    vi.stubGlobal('localStorage', undefined)
    expect(warmLikely()).toBe(false)
    expect(() => hintWarm(true)).not.toThrow()
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    })
    expect(() => hintWarm(true)).not.toThrow()
    expect(() => warmLikely()).not.toThrow()
    expect(warmLikely()).toBe(false)
  })
})
