import { afterEach, describe, expect, it, vi } from 'vitest'
import { hintWarm, warmLikely } from '../../src/app/warm-start/engine-hint'

function fakeStorage(): Storage {
  const m = new Map<string, string>()
  return {
    get length() {
      return m.size
    },
    clear: () => m.clear(),
    getItem: k => m.get(k) ?? null,
    key: i => [...m.keys()][i] ?? null,
    removeItem: k => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  }
}

describe('the warm-start hint the entry reads to hold the engine back', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('is set by a save, cleared by a miss, and absent at first', () => {
    vi.stubGlobal('localStorage', fakeStorage())
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
    const refusing = fakeStorage()
    refusing.getItem = () => {
      throw new Error('SecurityError')
    }
    refusing.setItem = () => {
      throw new Error('QuotaExceededError')
    }
    vi.stubGlobal('localStorage', refusing)
    expect(() => hintWarm(true)).not.toThrow()
    expect(() => warmLikely()).not.toThrow()
    expect(warmLikely()).toBe(false)
  })
})
