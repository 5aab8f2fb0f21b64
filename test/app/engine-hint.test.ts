import { afterEach, describe, expect, it, vi } from 'vitest'
import { hintWarm, warmHint, warmLikely } from '../../src/app/warm-start/engine-hint'
import { MemoryStorage } from '../helpers/memory-storage'

const HINT = { data: 'a'.repeat(64), tables: '0123456789abcdef'.repeat(4), rows: ['applications', 'evaluations'] }

describe('the warm-start hint the entry reads first', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('is left by a save with its keys, cleared by a miss, and absent at first', () => {
    vi.stubGlobal('localStorage', new MemoryStorage())
    expect(warmLikely()).toBe(false)
    expect(warmHint()).toBeNull()
    hintWarm(HINT)
    expect(warmLikely()).toBe(true)
    expect(warmHint()).toEqual(HINT)
    hintWarm(null)
    expect(warmLikely()).toBe(false)
  })

  it('is no hint when it is not one of ours (an older release\'s, or edited)', () => {
    const storage = new MemoryStorage()
    vi.stubGlobal('localStorage', storage)
    for (const text of ['1', 'not json', '{}', JSON.stringify({ ...HINT, data: '../x' }), JSON.stringify({ ...HINT, rows: ['../../x'] }), JSON.stringify({ ...HINT, tables: 'A'.repeat(64) })]) {
      storage.setItem('duban-warm-hint', text)
      expect(warmHint(), text).toBeNull()
    }
  })

  it('means "start the engine at once" where storage is missing or refuses', () => {
    vi.stubGlobal('localStorage', undefined)
    expect(warmLikely()).toBe(false)
    expect(() => hintWarm(HINT)).not.toThrow()
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    })
    expect(() => hintWarm(HINT)).not.toThrow()
    expect(() => warmLikely()).not.toThrow()
    expect(warmLikely()).toBe(false)
  })
})
