import { describe, expect, it } from 'vitest'
import { badSegments } from '../../../src/components/charts/options/badSegments'

describe('a bar of bad reviews in a month with cases carried over (domain §8a)', () => {
  it('draws the month\'s 20 bad reviews, 5 of them overdue, and the 15 carried ones after them', () => {
    const s = badSegments({ bad: 20, open_overdue: 20, carried_over: 15 })
    expect(s).toEqual({ overdue: 5, other: 15, carried: 15 })
    expect(s.overdue + s.other).toBe(20)
  })
  it('with nothing carried, the open overdue ones are part of the month\'s bar', () => {
    expect(badSegments({ bad: 8, open_overdue: 3, carried_over: 0 })).toEqual({ overdue: 3, other: 5, carried: 0 })
  })
  it('a department with only carried cases has no bar of its own, only the carried part', () => {
    expect(badSegments({ bad: 0, open_overdue: 5, carried_over: 5 })).toEqual({ overdue: 0, other: 0, carried: 5 })
  })
})
