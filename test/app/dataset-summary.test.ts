import { describe, expect, it } from 'vitest'
import { capSpan, dataSpan, planYearFallback, planYearOf } from '../../src/ingest/dataset/span'
import { summarize } from '../../src/stores/dataset-summary'
import { datasetFromDir, FIXTURES } from '../helpers/db'

// The summary stands in for the rows on a warm start: it must say exactly what they say.
describe('a data set summary', () => {
  it('gives the same span and fallback year as the rows, for any today', async () => {
    const ds = await datasetFromDir(`${FIXTURES}sample-2024-10`)
    const declared = { ...ds, plan: { ...ds.plan, as_of: '2024-10-20' } }
    const empty = { ...ds, tables: Object.fromEntries(Object.entries(ds.tables).map(([n, t]) => [n, { ...t, rows: [] }])) as unknown as typeof ds.tables }
    for (const d of [ds, declared, empty, { ...empty, plan: { plan_year: 2023 } }, { ...empty, plan: { as_of: '2031-03-01' } }]) {
      const s = summarize(d)
      for (const today of ['2020-01-01', '2024-01-15', '2024-10-10', '2024-10-16', '2024-10-31', '2030-06-01']) {
        expect(capSpan(s.span, today)).toEqual(dataSpan(d, today))
        expect(planYearOf(s.span, today)).toBe(planYearFallback(d, today))
      }
    }
    expect(capSpan(summarize(ds).span, '2030-06-01')).not.toBeNull()
  })

  it('offers each filter value once, single units split out of joined cells', async () => {
    const ds = await datasetFromDir(`${FIXTURES}sample-2024-10`)
    const s = summarize(ds)
    expect(s.depts.length).toBeGreaterThan(1)
    expect(new Set(s.depts).size).toBe(s.depts.length)
    expect(s.depts.some(d => /[,，、]/.test(d))).toBe(false)
    expect(s.freshness).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})
