import type { Session } from './browser'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openSession, screenMetrics } from './browser'

const AS_OF = '2024-12-31'

describe('warm start: a second visit opens the tables the first one saved in OPFS', () => {
  const base = inject('baseUrl')
  let s: Session
  beforeAll(async () => {
    s = await openSession()
  })
  afterAll(() => s.close())

  const root = (name: string) => s.page.evaluate(n => document.documentElement.getAttribute(`data-duban-${n}`), name)
  const kpi = async () => (await s.page.getByTestId('kpi-contact').first().innerText()).replace(/\s+/g, '')
  /** Waits for the overview's figures and for how this visit started ('warm' or 'cold'). */
  const datasetSha = () => s.page.evaluate(() => (globalThis as unknown as { __duban: { datasetSha: () => Promise<string> } }).__duban.datasetSha())
  async function visit(): Promise<{ start: string | null, dataset: string | null, kpi: string, metrics: unknown }> {
    await expect.poll(() => root('start'), { timeout: 240_000 }).not.toBeNull()
    // With the change from the month before (its own queries), which a warm start may draw at
    // the same moment as the figure and a cold one later.
    await expect.poll(kpi, { timeout: 240_000 }).toMatch(/\d+\/\d+.*([▲▼]|持平)/)
    return { start: await root('start'), dataset: await root('dataset'), kpi: await kpi(), metrics: await screenMetrics(s.page, AS_OF) }
  }
  const saved = () => expect.poll(() => root('saved'), { timeout: 240_000 }).toBe('yes')
  /** When a `duban:` measure of this page began and ended (ms since navigation), or null. */
  const measure = (name: string) => s.page.evaluate((n) => {
    const e = performance.getEntriesByName(`duban:${n}`)[0]
    return e ? { start: e.startTime, end: e.startTime + e.duration } : null
  }, name)

  it('shows identical figures from the saved tables, and never reuses them after a setting changed', { timeout: 600_000 }, async () => {
    await s.page.goto(`${base}#/?data=demo&asOf=${AS_OF}&month=2024-12`)
    const first = await visit()
    expect(first.start).toBe('cold')
    expect(first.dataset).toBe('decoded')
    // Cold: the engine started with the page, before the data set was decoded (engine-hint.ts).
    expect((await measure('engine-start'))!.start).toBeLessThan((await measure('dataset'))!.end)
    await saved()
    const firstSha = await datasetSha()

    await s.page.reload()
    const second = await visit()
    expect(second.start).toBe('warm')
    expect(second.dataset).toBe('restored')
    // The first visit's answers were there for this one (drawn before the tables were back),
    // and the tables did come back from the saved copy (not built again).
    expect(await root('answers')).toBe('restored')
    // What the first page needed was read by the entry, under the keys the save hinted.
    expect(await root('ahead')).toBe('answers.json coverage.json dataset.json done.json rows-applications.json rows-evaluations.json')
    await expect.poll(() => root('restored'), { timeout: 240_000 }).toBe('yes')
    // Warm: the engine was held back until the saved answers had been read for the first page.
    expect((await measure('engine-start'))!.start).toBeGreaterThanOrEqual((await measure('warm-answers'))!.end)
    expect(second.kpi).toBe(first.kpi)
    expect(second.metrics).toEqual(first.metrics)
    // Its data set (the big tables read from their own files only now) and summary are the decoded ones.
    expect(await datasetSha()).toBe(firstSha)

    // A longer contact limit changes the facts: the tables saved under the default limit must not be used.
    await s.page.evaluate(() => localStorage.setItem('duban.settings', JSON.stringify({ ...JSON.parse(localStorage.getItem('duban.settings') ?? '{}'), contactDays: 3 })))
    await s.page.reload()
    const changed = await visit()
    expect(changed.start).toBe('cold')
    expect(await root('answers')).toBeNull()
    // Only the data set's files were taken from what was read ahead: the tables' are of the old settings.
    expect(await root('ahead')).toBe('dataset.json rows-applications.json rows-evaluations.json')
    // The data set itself is the same files: decoded once, reused.
    expect(changed.dataset).toBe('restored')
    expect(changed.metrics).not.toEqual(first.metrics)
    await saved()

    await s.page.reload()
    const again = await visit()
    expect(again.start).toBe('warm')
    expect(again.metrics).toEqual(changed.metrics)
    expect(s.consoleErrors).toEqual([])
  })
})
