import type { Session } from './browser'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { openSession, screenMetrics, SHOTS } from './browser'

const AS_OF = '2024-12-31'
const KPIS = ['kpi-overdue', 'kpi-due-soon', 'kpi-done-on-time', 'kpi-contact', 'kpi-rectify', 'kpi-complex', 'kpi-open-overdue', 'kpi-apps-on-time', 'kpi-apps-overdue', 'kpi-good-rate', 'kpi-materials', 'kpi-time', 'kpi-steps']

describe('the build\'s first page: a first visit to the demo draws the overview before the engine is up', () => {
  const base = inject('baseUrl')
  const sessions: Session[] = []
  afterEach(async () => {
    for (const s of sessions.splice(0))
      await s.close()
  })
  async function open(): Promise<Session> {
    const s = await openSession()
    sessions.push(s)
    return s
  }
  const root = (s: Session, name: string) => s.page.evaluate(n => document.documentElement.getAttribute(`data-duban-${n}`), name)
  const datasetSha = (s: Session) => s.page.evaluate(() => (globalThis as unknown as { __duban: { datasetSha: (sameFiles: boolean) => Promise<string> } }).__duban.datasetSha(true))
  /** Every headline figure of the overview as shown, once the month before's change is there too. */
  async function overview(s: Session): Promise<Record<string, string>> {
    await expect.poll(() => root(s, 'start'), { timeout: 240_000 }).not.toBeNull()
    await expect.poll(async () => (await s.page.getByTestId('kpi-contact').first().innerText()).replace(/\s+/g, ''), { timeout: 240_000 }).toMatch(/\d+\/\d+.*([▲▼]|持平)/)
    await s.page.locator('[data-testid=echart] svg path').first().waitFor({ state: 'attached', timeout: 240_000 })
    expect(await s.page.getByTestId('kpi-loading').count()).toBe(0)
    const out: Record<string, string> = {}
    for (const id of [...KPIS, 'attention', 'attention-cases'])
      out[id] = (await s.page.getByTestId(id).first().innerText()).replace(/\s+/g, ' ').trim()
    return out
  }

  it('draws every figure of the overview with the engine blocked', { timeout: 300_000 }, async () => {
    const s = await open()
    // No engine at all: whatever the page shows came from the build's answers.
    await s.context.route(/duckdb-[a-z]+\.wasm(\?|$)/, r => r.abort())
    await s.page.goto(`${base}#/?data=demo`)
    const shown = await overview(s)
    expect(await root(s, 'start')).toBe('prerendered')
    expect(await root(s, 'answers')).toBe('prerendered')
    expect(shown['kpi-contact']).toMatch(/\d+\/\d+/)
    expect(shown['attention-cases']).toMatch(/PJ\d+/)
    await s.page.screenshot({ path: `${SHOTS}/overview-prerendered-no-engine.png` })
  })

  it('shows the figures a cold visit computes, builds the tables behind them, and leaves a warm start', { timeout: 600_000 }, async () => {
    const cold = await open()
    await cold.context.route(/prerender-demo/, r => r.abort())
    await cold.page.goto(`${base}#/?data=demo`)
    const coldShown = await overview(cold)
    expect(await root(cold, 'start')).toBe('cold')
    // The entry held the engine back for the page; refused, the engine started before the files were decoded.
    const measure = (n: string) => cold.page.evaluate(name => performance.getEntriesByName(`duban:${name}`).map(e => ({ start: e.startTime, end: e.startTime + e.duration }))[0] ?? null, n)
    expect((await measure('engine-start'))!.start).toBeLessThan((await measure('read'))!.start)

    const s = await open()
    await s.page.goto(`${base}#/?data=demo`)
    const shown = await overview(s)
    expect(await root(s, 'start')).toBe('prerendered')
    expect(shown).toEqual(coldShown)
    // Behind the page: the files decoded into the same data set, and the engine's figures.
    expect(await datasetSha(s)).toBe(await datasetSha(cold))
    expect(await screenMetrics(s.page, AS_OF)).toEqual(await screenMetrics(cold.page, AS_OF))
    // A month the build did not compute comes from the engine, as on the cold visit.
    const june: Array<Record<string, string>> = []
    for (const x of [s, cold]) {
      await x.page.goto(`${base}#/?data=demo&month=2024-06`)
      // The whole year's 好评 count gives way to June's.
      await expect.poll(async () => (await x.page.getByTestId('kpi-good-rate').first().innerText()).replace(/\s+/g, ''), { timeout: 240_000 }).not.toBe(shown['kpi-good-rate']!.replace(/\s+/g, ''))
      // Each card answers on its own (the month before feeds the changes): read once two looks agree.
      let last = ''
      await expect.poll(async () => {
        const now = JSON.stringify(await overview(x))
        const same = now === last
        last = now
        return same
      }, { timeout: 60_000, interval: 500 }).toBe(true)
      june.push(JSON.parse(last) as Record<string, string>)
    }
    expect(june[0]).toEqual(june[1])
    expect(june[0]).not.toEqual(shown)
    // The data page reads the decoded rows (its export is there).
    await s.page.goto(`${base}#/data?data=demo`)
    await expect.poll(() => s.page.getByTestId('export-button').isEnabled(), { timeout: 60_000 }).toBe(true)

    // The tables built behind the first page are saved with its answers: the next visit is warm.
    await expect.poll(() => root(s, 'saved'), { timeout: 240_000 }).toBe('yes')
    await s.page.goto(`${base}#/?data=demo`)
    await s.page.reload()
    const warm = await overview(s)
    expect(await root(s, 'start')).toBe('warm')
    expect(await root(s, 'answers')).toBe('restored')
    expect(warm).toEqual(shown)
    expect(s.consoleErrors).toEqual([])
    // The cold visit's only errors are the two files of the first page it was refused.
    expect(cold.consoleErrors).toEqual(['Failed to load resource: net::ERR_FAILED', 'Failed to load resource: net::ERR_FAILED'])
  })

  it('shows the data page as loading, not empty, while the files decode behind the first page', { timeout: 300_000 }, async () => {
    const s = await open()
    // The files come late: the first page is drawn and the data page opened before they do.
    let release: () => void = () => {}
    const late = new Promise<void>(r => (release = r))
    await s.context.route(/\.parquet(\?|$)/, async (r) => {
      await late
      await r.continue()
    })
    await s.page.goto(`${base}#/?data=demo`)
    await overview(s)
    expect(await root(s, 'start')).toBe('prerendered')
    await s.page.goto(`${base}#/data?data=demo`)
    const button = s.page.getByTestId('export-button')
    await button.waitFor()
    expect(await button.isEnabled()).toBe(false)
    // 导出当前数据, loading — not 当前没有载入数据.
    expect(await button.innerText()).toBe('导出当前数据')
    release()
    await expect.poll(() => button.isEnabled(), { timeout: 120_000 }).toBe(true)
    expect(s.consoleErrors).toEqual([])
  })

  it('is not used under settings it was not computed with', { timeout: 300_000 }, async () => {
    const s = await open()
    await s.context.addInitScript(() => localStorage.setItem('duban.settings', JSON.stringify({ contactDays: 3 })))
    await s.page.goto(`${base}#/?data=demo`)
    const shown = await overview(s)
    expect(await root(s, 'start')).toBe('cold')
    expect(await root(s, 'answers')).toBeNull()
    const d = await open()
    await d.page.goto(`${base}#/?data=demo`)
    expect((await overview(d))['kpi-contact']).not.toBe(shown['kpi-contact'])
  })
})
