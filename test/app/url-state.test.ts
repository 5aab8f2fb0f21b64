import { describe, expect, it } from 'vitest'
import { readKeyFromHash } from '../../src/app/url-keys'
import { patchQuery, readKey } from '../../src/app/url-state'

describe('URL query state', () => {
  it('reads one value per key: the first when repeated, null when empty or absent', () => {
    const q = { data: 'demo', dept: ['区人社局', '区医保局'], month: '', matter: null }
    expect(readKey(q, 'data')).toBe('demo')
    expect(readKey(q, 'dept')).toBe('区人社局')
    expect(readKey(q, 'month')).toBeNull()
    expect(readKey(q, 'matter')).toBeNull()
    expect(readKey(q, 'asOf')).toBeNull()
  })

  it('patches keys without touching the others; null or empty removes a key', () => {
    const q = { data: 'demo', month: '2024-10', other: 'kept' }
    expect(patchQuery(q, { month: null, dept: '区数据局', data: '' })).toEqual({ other: 'kept', dept: '区数据局' })
    // The query given is not changed: the router's current query is read-only.
    expect(q).toEqual({ data: 'demo', month: '2024-10', other: 'kept' })
  })

  it('reads a key from a location hash before the router runs', () => {
    expect(readKeyFromHash('#/schedule?data=sample-2024-10&dept=x', 'data')).toBe('sample-2024-10')
    expect(readKeyFromHash('#/schedule?data=&dept=x', 'data')).toBeNull()
    expect(readKeyFromHash('#/schedule', 'data')).toBeNull()
    expect(readKeyFromHash('', 'data')).toBeNull()
  })
})
