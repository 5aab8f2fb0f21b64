import { describe, expect, it } from 'vitest'
import { LruMap } from '../../src/domain/lru'

describe('LruMap', () => {
  it('lets go of the least recently used past its limit, and says which', () => {
    const m = new LruMap<string, number>(3)
    expect(m.set('a', 1)).toEqual([])
    m.set('b', 2)
    m.set('c', 3)
    expect(m.get('a')).toBe(1)
    // a was just used: b is now the oldest.
    expect(m.set('d', 4)).toEqual([['b', 2]])
    expect(m.entries()).toEqual([['c', 3], ['a', 1], ['d', 4]])
    expect(m.size).toBe(3)
  })

  it('counts setting a key again as a use, and peeking as none', () => {
    const m = new LruMap<string, number>(2)
    m.set('a', 1)
    m.set('b', 2)
    expect(m.peek('a')).toBe(1)
    expect(m.set('c', 3)).toEqual([['a', 1]])
    m.set('b', 20)
    expect(m.set('d', 4)).toEqual([['c', 3]])
    expect(m.newestFirst()).toEqual([['d', 4], ['b', 20]])
  })

  it('keeps a stored undefined as a value, and forgets on delete or clear', () => {
    const m = new LruMap<string, number | undefined>(2)
    m.set('u', undefined)
    m.set('a', 1)
    expect(m.get('u')).toBeUndefined()
    // u was used by that get: a goes first.
    expect(m.set('b', 2)).toEqual([['a', 1]])
    expect(m.delete('u')).toBe(true)
    expect(m.delete('u')).toBe(false)
    m.clear()
    expect(m.size).toBe(0)
  })

  it('has no limit unless given one', () => {
    const m = new LruMap<number, number>()
    for (let i = 0; i < 1000; i++)
      expect(m.set(i, i)).toEqual([])
    expect(m.size).toBe(1000)
  })
})
