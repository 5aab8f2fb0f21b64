import { describe, expect, it } from 'vitest'
import { previousMonth, previousReview, reviewDate } from '../../../src/domain/dates'

describe('the review date of a view (domain §8a)', () => {
  it('reviews a chosen month at its last day', () => {
    expect(reviewDate('2024-10', null, '2024-12-31')).toEqual({ asOf: '2024-10-31', reason: 'month_end' })
    expect(reviewDate('2024-02', null, '2024-12-31')).toEqual({ asOf: '2024-02-29', reason: 'month_end' })
  })
  it('reviews the data\'s last, unfinished month at the data\'s last day', () => {
    expect(reviewDate('2024-10', null, '2024-10-16')).toEqual({ asOf: '2024-10-16', reason: 'data_end' })
    // The last month complete: its end, named as such.
    expect(reviewDate('2024-12', null, '2024-12-31')).toEqual({ asOf: '2024-12-31', reason: 'month_end' })
  })
  it('lets a date set explicitly win', () => {
    expect(reviewDate('2024-10', '2024-10-20', '2024-12-31')).toEqual({ asOf: '2024-10-20', reason: 'set' })
    expect(reviewDate(null, '2025-01-15', '2024-12-31')).toEqual({ asOf: '2025-01-15', reason: 'set' })
  })
  it('reviews no month at the data\'s last day, and has no date without data', () => {
    expect(reviewDate(null, null, '2024-12-31')).toEqual({ asOf: '2024-12-31', reason: 'data_end' })
    expect(reviewDate(null, null, null)).toBeNull()
    // A month after the data is still reviewed at its end (the screen says it has no data).
    expect(reviewDate('2025-03', null, '2024-12-31')).toEqual({ asOf: '2025-03-31', reason: 'month_end' })
  })
  it('compares with the month before at that month\'s own review date', () => {
    expect(previousMonth('2024-01')).toBe('2023-12')
    expect(previousMonth('2024-10')).toBe('2024-09')
    expect(previousReview('2024-10', '2024-10-16', '2024-10-16')).toEqual({ month: '2024-09', asOf: '2024-09-30' })
    expect(previousReview('2024-11', '2024-11-30', '2024-11-30')).toEqual({ month: '2024-10', asOf: '2024-10-31' })
    expect(previousReview(null, '2024-12-31', '2024-12-31')).toEqual({ month: null, asOf: '2024-11-30' })
  })
})
