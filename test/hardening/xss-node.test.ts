import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../../src/domain/text/escape'
import { analysisOf, datasetFromTexts } from '../helpers/db'
import { hostileDataset, XSS_PAYLOADS } from './xss-corpus'

describe('the hostile data set', () => {
  it('has at least 50 payloads and loads every row, payloads kept as text', async () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50)
    const ds = await datasetFromTexts(hostileDataset())
    expect(ds.issues.filter(i => i.severity === 'error')).toEqual([])
    const a = await analysisOf(ds)
    const m = await a.metrics({ asOf: '2024-10-16' })
    await a.db.close()
    // Text goes through SQL untouched: what is shown is exactly what was written.
    const tasks = new Set(m.schedule.tasks.map(t => t.task))
    expect(tasks.has(XSS_PAYLOADS[2]!)).toBe(true)
    expect(m.evaluations.total).toBe(XSS_PAYLOADS.length)
  })

  it('escapeHtml leaves no markup in any payload', () => {
    for (const p of XSS_PAYLOADS)
      expect(escapeHtml(p)).not.toMatch(/[<>"']/)
  })
})
