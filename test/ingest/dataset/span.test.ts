import { describe, expect, it } from 'vitest'
import type { Dataset } from '../../../src/ingest/dataset/dataset'
import { capSpan, dataSpan, planYearFallback, planYearOf, uncappedSpan } from '../../../src/ingest/dataset/span'
import { datasetFromDir, FIXTURES } from '../../helpers/db'

describe('capSpan', () => {
  const span = { first: '2024-03-05', last: '2024-10-20' }

  it('leaves a span ending by today as it is', () => {
    expect(capSpan(span, '2024-10-20')).toEqual(span)
    expect(capSpan(span, '2030-06-01')).toEqual(span)
  })

  it('ends a span at today when its data reaches later', () => {
    expect(capSpan(span, '2024-10-19')).toEqual({ first: '2024-03-05', last: '2024-10-19' })
    expect(capSpan(span, '2024-03-05')).toEqual({ first: '2024-03-05', last: '2024-03-05' })
  })

  it('shrinks a span wholly after today to today alone', () => {
    expect(capSpan(span, '2024-01-01')).toEqual({ first: '2024-01-01', last: '2024-01-01' })
  })

  it('has no span without one', () => {
    expect(capSpan(null, '2024-10-20')).toBeNull()
  })
})

describe('planYearOf', () => {
  it('is the year of the capped last day, else today\'s', () => {
    const span = { first: '2024-03-05', last: '2024-12-31' }
    expect(planYearOf(span, '2025-02-01')).toBe(2024)
    expect(planYearOf(span, '2023-11-30')).toBe(2023)
    expect(planYearOf(null, '2026-12-07')).toBe(2026)
  })
})

describe('dataSpan of a data set', () => {
  it('caps the span its rows or plan give', async () => {
    const ds = await datasetFromDir(`${FIXTURES}sample-2024-10`)
    const empty = { ...ds, plan: undefined, tables: Object.fromEntries(Object.entries(ds.tables).map(([n, t]) => [n, { ...t, rows: [] }])) } as unknown as Dataset
    const planned = { ...empty, plan: { plan_year: 2023 } }
    expect(uncappedSpan(planned)).toEqual({ first: '2023-01-01', last: '2023-12-31' })
    expect(dataSpan(planned, '2023-06-30')).toEqual({ first: '2023-01-01', last: '2023-06-30' })
    expect(dataSpan(planned, '2022-05-01')).toEqual({ first: '2022-05-01', last: '2022-05-01' })
    expect(planYearFallback(planned, '2022-05-01')).toBe(2022)
    // Only a declared date, a year ahead of the clock: today alone, like any span after today.
    const declared = { ...empty, plan: { as_of: '2027-03-01' } }
    expect(dataSpan(declared, '2026-12-07')).toEqual({ first: '2026-12-07', last: '2026-12-07' })
    expect(dataSpan(empty, '2026-12-07')).toBeNull()
    expect(planYearFallback(empty, '2026-12-07')).toBe(2026)
  })
})
