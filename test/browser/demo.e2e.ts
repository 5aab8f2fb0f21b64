import type { Analysis } from '../../src/metrics/analysis'
import type { MetricsQuery } from '../../src/metrics/run'
import type { Session } from './browser'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { rankDepartments, worstFirst } from '../../src/metrics/ranking'
import { nearDuplicateUnits } from '../../src/ingest/dataset/units'
import { loadDataDir } from '../../src/ingest/node/load-dir'
import { reviewParams } from '../../src/metrics/review'
import { runSql } from '../../src/metrics/run'
import { analysisOf } from '../helpers/db'
import { offOrigin, openSession, SHOTS } from './browser'
import { cliMetrics } from './cli'

const n = (x: number) => x.toLocaleString('en-US')
const basis = (num: number, den: number) => `${n(num)}/${n(den)}`
const squash = (s: string) => s.replace(/\s+/g, '')

describe('every page on the embedded demo data, filtered by month and department', () => {
  const base = inject('baseUrl')
  let s: Session
  beforeAll(async () => {
    s = await openSession()
  })
  afterAll(async () => {
    await s.close()
    await demo?.db.close()
  })
  // The lists have no CLI output: they are checked against the same SQL run in Node.
  let demo: Analysis | undefined
  async function datasetRows(name: 'excluded_cases', q: MetricsQuery) {
    demo ??= await analysisOf(await loadDataDir('data/demo'))
    return runSql(demo.db, demo.sql, name, { ...reviewParams(q, demo.currentSettings), matter: null, eval_channel: null })
  }

  it('shows the command line\'s figures on each page, and again after reloading the copied URL', async () => {
    const all = await cliMetrics(['--data', 'data/demo', '--as-of', '2024-12-31', '--month', '2024-12'])
    const dept = all.evaluations.by_dept.filter(d => d.rule_1_5_15.contact_due > 0).sort((a, b) => b.bad - a.bad)[0]!.dept
    const cli = await cliMetrics(['--data', 'data/demo', '--as-of', '2024-12-31', '--month', '2024-12', '--dept', dept])
    const q = `data=demo&asOf=2024-12-31&month=2024-12&dept=${encodeURIComponent(dept)}`
    const text = async (id: string) => squash(await s.page.getByTestId(id).first().innerText())
    const r = cli.evaluations.rule_1_5_15

    await s.page.goto(`${base}#/?${q}`)
    await expect.poll(() => text('kpi-contact'), { timeout: 90_000 }).toContain(basis(r.contact_on_time, r.contact_due))
    expect(await text('kpi-apps-on-time')).toContain(basis(cli.applications.on_time, cli.applications.completion_due))
    await s.page.screenshot({ path: `${SHOTS}/demo-overview-filtered-1280x720.png` })
    // A copied link reopens the same view.
    await s.page.reload()
    await expect.poll(() => text('kpi-contact'), { timeout: 90_000 }).toContain(basis(r.contact_on_time, r.contact_due))

    await s.page.goto(`${base}#/schedule?${q}`)
    await expect.poll(() => s.page.getByTestId('schedule-table').locator('tbody tr').count(), { timeout: 60_000 }).toBe(cli.schedule.tasks.length)

    await s.page.goto(`${base}#/evaluations?${q}`)
    await expect.poll(() => text('eval-contact'), { timeout: 60_000 }).toContain(basis(r.contact_on_time, r.contact_due))
    expect(await text('eval-rectify')).toContain(basis(r.rectify_on_time, r.rectify_due))

    await s.page.goto(`${base}#/applications?${q}`)
    await expect.poll(() => text('app-on-time'), { timeout: 60_000 }).toContain(basis(cli.applications.on_time, cli.applications.completion_due))
    expect(await text('app-accepted')).toContain(basis(cli.applications.accepted_1wd, cli.applications.accept_due))

    await s.page.goto(`${base}#/reduction?${q}`)
    const o = cli.reduction.overall
    await expect.poll(() => text('meeting-time'), { timeout: 60_000 }).toContain(o.meeting.time.n ? basis(o.meeting.time.met, o.meeting.time.n) : '—')

    // The scorecard compares all departments for the month; the drill-down is the filtered one.
    await s.page.goto(`${base}#/departments?${q}`)
    const ranking = s.page.getByTestId('dept-ranking')
    await ranking.locator('tbody tr').first().waitFor({ timeout: 60_000 })
    const names = (await ranking.locator('tbody tr td:nth-child(2)').allInnerTexts()).map(x => x.trim())
    expect(names).toEqual(worstFirst(rankDepartments(all)).map(d => d.dept))
    // Single units only (the plan's "省营商局、各市人民政府" cells are split), and the ones with nothing due marked, not ranked.
    expect(names.filter(x => /[、,，]/.test(x))).toEqual([])
    expect(await ranking.getByTestId('nothing-due').count()).toBe(rankDepartments(all).filter(d => d.nothingDue).length)
    await expect.poll(() => s.page.getByTestId('drill-tasks').locator('tbody tr').count(), { timeout: 60_000 }).toBe(cli.schedule.tasks.length)
    await s.page.screenshot({ path: `${SHOTS}/demo-departments-1280x720.png` })
    await s.page.screenshot({ path: `${SHOTS}/demo-departments-full-1280.png`, fullPage: true })

    // The data page lists unit names that may mean one unit, as the core finds them.
    const near = nearDuplicateUnits(await loadDataDir('data/demo'))
    expect(near.length).toBeGreaterThan(0)
    await s.page.goto(`${base}#/data?${q}`)
    await expect.poll(() => s.page.getByTestId('unit-near-group').count(), { timeout: 60_000 }).toBe(near.length)
    const listed = squash(await s.page.getByTestId('unit-names').innerText())
    for (const name of near.flatMap(g => g.names))
      expect(listed).toContain(squash(name))
    await s.page.getByTestId('unit-names').screenshot({ path: `${SHOTS}/demo-unit-names.png` })
    expect(offOrigin(s.requests, base)).toEqual([])
  })

  it('a whole year\'s case list comes a page at a time, from its most urgent cases, and a new filter starts again at page 1', async () => {
    const ids = (await datasetRows('excluded_cases', { asOf: '2024-12-31' })).map(r => String(r.eval_id))
    // The demo's year has more excluded reviews than a page holds: the list must page.
    expect(ids.length).toBeGreaterThan(100)
    const shown = async () => (await s.page.getByTestId('excluded-cases').locator('tbody tr').allInnerTexts()).map(t => t.split(/\s+/)[1])
    await s.page.goto(`${base}#/evaluations?data=demo&asOf=2024-12-31`)
    await expect.poll(shown, { timeout: 90_000 }).toEqual(ids.slice(0, 50))
    const pager = s.page.getByTestId('excluded-cases-pager')
    await pager.getByText(String(Math.ceil(ids.length / 50)), { exact: true }).click()
    await expect.poll(shown, { timeout: 30_000 }).toEqual(ids.slice(Math.floor((ids.length - 1) / 50) * 50))
    await s.page.getByTestId('excluded-cases').scrollIntoViewIfNeeded()
    await s.page.screenshot({ path: `${SHOTS}/demo-excluded-paged-1280x720.png` })
    // A month: its own list, from the first row, with no pager where one page holds it.
    const december = (await datasetRows('excluded_cases', { asOf: '2024-12-31', month: '2024-12' })).map(r => String(r.eval_id))
    await s.page.goto(`${base}#/evaluations?data=demo&asOf=2024-12-31&month=2024-12`)
    await expect.poll(shown, { timeout: 60_000 }).toEqual(december.slice(0, 50))
    expect(await pager.count()).toBe(december.length > 50 ? 1 : 0)
  })
})
