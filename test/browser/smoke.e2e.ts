import type { MetricsResult } from '../../src/metrics/types'
import type { Session } from './browser'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { runCli } from '../../src/cli/main'
import { offOrigin, openSession, SHOTS } from './browser'
import { escapeRegExp } from '../../src/domain/text/escape'

async function cliMetrics(args: string[]): Promise<MetricsResult> {
  let out = ''
  const stdout = (s: string) => {
    out += s
  }
  const code = await runCli(['metrics', ...args, '--format', 'json'], { stdout, stderr: () => {}, now: () => new Date('2024-10-16T02:00:00Z'), env: {} })
  expect(code).toBe(0)
  return JSON.parse(out) as MetricsResult
}

function rateText(num: number, den: number): string {
  return den > 0 ? `${(num / den * 100).toFixed(1)}%（${num}/${den}）` : '—'
}

describe('the built app on the sample data', () => {
  const base = inject('baseUrl')
  let s: Session
  beforeAll(async () => {
    s = await openSession()
  })
  afterAll(() => s.close())

  it('shows the same figures as `duban metrics` for the same data and date', async () => {
    const cli = await cliMetrics(['--data', 'data/sample-2024-10', '--as-of', '2024-10-16'])
    await s.page.goto(`${base}#/?data=sample-2024-10&asOf=2024-10-16`)
    await s.page.getByTestId('kpi-contact').waitFor({ timeout: 60_000 })
    // A KPI's figure, without the month-on-month delta that joins it once the month before is in.
    const text = async (id: string) => (await s.page.getByTestId(id).evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement
      copy.querySelectorAll('[data-testid=delta]').forEach(d => d.remove())
      return copy.textContent ?? ''
    })).replace(/\s+/g, '')
    const r = cli.evaluations.rule_1_5_15
    expect(await text('kpi-overdue')).toBe(`逾期${cli.schedule.counts.overdue}`)
    expect(await text('kpi-due-soon')).toBe(`临期${cli.schedule.counts.due_soon}`)
    expect(await text('kpi-contact')).toBe(`联系${rateText(r.contact_on_time, r.contact_due)}`)
    expect(await text('kpi-rectify')).toBe(`整改${rateText(r.rectify_on_time, r.rectify_due)}`)
    expect(await text('kpi-complex')).toBe(`复杂${rateText(r.complex_on_time, r.complex_due)}`)
    expect(await text('kpi-apps-on-time')).toBe(rateText(cli.applications.on_time, cli.applications.completion_due))
    expect(await text('kpi-good-rate')).toBe(`好评率${rateText(cli.evaluations.good, cli.evaluations.total)}`)
    const m = cli.reduction.overall.meeting
    expect(await text('kpi-materials')).toBe(`材料${m.materials.met}/${m.materials.n}`)
    // The chart is drawn from the same rows: every department with a task is on its axis.
    const chart = await s.page.getByTestId('echart').innerHTML()
    for (const dept of new Set(cli.schedule.tasks.map(t => t.lead_dept)))
      expect(chart).toContain(dept!)
    // The attention list holds exactly the red and yellow tasks.
    const rows = await s.page.getByTestId('attention').locator('tbody tr').count()
    expect(rows).toBe(cli.schedule.counts.overdue + cli.schedule.counts.due_soon)
    await s.page.screenshot({ path: `${SHOTS}/overview-1280x720.png`, fullPage: false })
    expect(offOrigin(s.requests, base)).toEqual([])
    expect(s.consoleErrors).toEqual([])
  })

  it('computes, through the worker adapter, exactly the JSON the command line prints', async () => {
    for (const q of [{ asOf: '2024-10-16' }, { asOf: '2024-10-31', month: '2024-10', dept: '区市场监管局' }]) {
      const args = ['--data', 'data/sample-2024-10', '--as-of', q.asOf, ...(q.month ? ['--month', q.month] : []), ...(q.dept ? ['--dept', q.dept] : [])]
      const cli = await cliMetrics(args)
      const browser = await s.page.evaluate(async query => (globalThis as unknown as { __duban: { metrics: (x: unknown) => Promise<unknown> } }).__duban.metrics(query), q)
      expect(browser).toEqual(cli)
    }
  })

  it('follows a department filter in the URL, like a copied link', async () => {
    const cli = await cliMetrics(['--data', 'data/sample-2024-10', '--as-of', '2024-10-16', '--dept', '区人社局'])
    await s.page.goto(`${base}#/?data=sample-2024-10&asOf=2024-10-16&dept=${encodeURIComponent('区人社局')}`)
    await s.page.reload()
    await s.page.getByTestId('kpi-contact').waitFor({ timeout: 60_000 })
    const r = cli.evaluations.rule_1_5_15
    // The rate with its basis, then its change on last month (DeltaText).
    await expect.poll(async () => (await s.page.getByTestId('kpi-contact').innerText()).replace(/\s+/g, ''))
      .toMatch(new RegExp(`^联系${escapeRegExp(rateText(r.contact_on_time, r.contact_due))}([▲▼].*|持平)?$`))
  })
})
