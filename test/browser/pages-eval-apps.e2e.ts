import type { Analysis } from '../../src/metrics/analysis'
import type { MetricsQuery } from '../../src/metrics/run'
import type { MetricsResult } from '../../src/metrics/types'
import type { Session } from './browser'
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import { runCli } from '../../src/cli/main'
import { reviewParams } from '../../src/metrics/review'
import { runSql } from '../../src/metrics/run'
import { analysisOf, datasetFromDir, FIXTURES } from '../helpers/db'
import { offOrigin, openSession, SHOTS } from './browser'

async function cliMetrics(args: string[]): Promise<MetricsResult> {
  let out = ''
  const stdout = (s: string) => {
    out += s
  }
  const code = await runCli(['metrics', '--data', 'data/sample-2024-10', '--as-of', '2024-10-16', ...args, '--format', 'json'], { stdout, stderr: () => {}, now: () => new Date('2024-10-16T02:00:00Z'), env: {} })
  expect(code).toBe(0)
  return JSON.parse(out) as MetricsResult
}

// As RateText shows it: "62.5%（5/8）", or "—（reason）" over an empty denominator.
function rateText(num: number, den: number, reason: string): string {
  return den > 0 ? `${(num / den * 100).toFixed(1)}%（${num}/${den}）` : `—（${reason}）`
}
const NO_EVAL = '无评价'
const NO_BAD_DUE = '无到期差评'
const NO_APPS = '无办件'
const NO_APP_DUE = '无到期办件'

const HR = '区人社局'
const base = () => inject('baseUrl')
const evalUrl = (extra = '') => `${base()}#/evaluations?data=sample-2024-10&asOf=2024-10-16${extra}`
const appUrl = (extra = '') => `${base()}#/applications?data=sample-2024-10&asOf=2024-10-16${extra}`

describe('the evaluations and applications pages on the sample data', () => {
  let s: Session
  // The lists have no CLI output: they are checked against the same SQL run in Node.
  let a: Analysis
  const rows = async <N extends 'open_cases' | 'excluded_cases' | 'overdue_applications'>(name: N, q: MetricsQuery) =>
    runSql(a.db, a.sql, name, { ...reviewParams(q, a.currentSettings), matter: null, eval_channel: null })
  const text = async (id: string) => (await s.page.getByTestId(id).first().innerText()).replace(/\s+/g, '')
  const expectText = (id: string, want: string) => expect.poll(() => text(id), { timeout: 30_000 }).toBe(want)
  const openIds = async () => (await s.page.getByTestId('open-cases').locator('tbody tr td:last-child').allInnerTexts()).map(x => x.trim())

  beforeAll(async () => {
    s = await openSession()
    a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
  })
  afterAll(async () => {
    await s.close()
    await a.db.close()
  })

  async function expectEvalFigures(cli: MetricsResult) {
    const e = cli.evaluations
    const r = e.rule_1_5_15
    await expectText('eval-total', String(e.total))
    await expectText('eval-good-rate', rateText(e.good, e.total, NO_EVAL))
    await expectText('eval-bad', String(e.bad))
    await expectText('eval-contact', `联系${rateText(r.contact_on_time, r.contact_due, NO_BAD_DUE)}`)
    await expectText('eval-rectify', `整改${rateText(r.rectify_on_time, r.rectify_due, NO_BAD_DUE)}`)
    await expectText('eval-complex', `复杂${rateText(r.complex_on_time, r.complex_due, NO_BAD_DUE)}`)
    await expectText('eval-open-overdue', `超期未办${r.open_overdue}`)
    await expectText('eval-excluded', `不计入${r.excluded}`)
  }

  async function expectAppFigures(cli: MetricsResult) {
    const p = cli.applications
    await expectText('app-total', String(p.total))
    await expectText('app-online', rateText(p.online, p.total, NO_APPS))
    await expectText('app-accepted', rateText(p.accepted_1wd, p.accept_due, NO_APP_DUE))
    await expectText('app-on-time', rateText(p.on_time, p.completion_due, NO_APP_DUE))
    await expectText('app-overdue', String(p.overdue))
  }

  it('evaluations: the figures, charts and lists equal the command line and the SQL', async () => {
    const cli = await cliMetrics([])
    await s.page.goto(evalUrl())
    await s.page.getByTestId('eval-contact').waitFor({ timeout: 60_000 })
    await expectEvalFigures(cli)
    // Every department with an evaluation is on the department chart's axis.
    const chart = await s.page.getByTestId('bad-by-dept').innerHTML()
    for (const d of cli.evaluations.by_dept)
      expect(chart).toContain(d.dept)
    // The open list is open_cases.sql's rows in its order (most urgent first) with status words.
    const open = await rows('open_cases', { asOf: '2024-10-16' })
    await expect.poll(() => openIds(), { timeout: 30_000 }).toEqual(open.map(r => r.eval_id))
    const status = (await s.page.getByTestId('open-cases').locator('tbody tr td:first-child').allInnerTexts()).map(x => x.replace(/\s+/g, ''))
    expect(status).toEqual(['✖超期5个工作日', '▲今日到期', '▲剩余1个工作日', '●剩余7个工作日'])
    // Excluded reviews stand apart, as many as the CLI counts.
    await expect.poll(() => s.page.getByTestId('excluded-cases').locator('tbody tr').count(), { timeout: 30_000 }).toBe(cli.evaluations.rule_1_5_15.excluded)
    // Projected to a room: no reviewer names or phone numbers (the fixture carries both).
    const body = await s.page.locator('body').innerText()
    for (const personal of ['张三', '李四', '王五', '赵六', '13912345678', '1380000', '137000', '136000'])
      expect(body).not.toContain(personal)
    await s.page.screenshot({ path: `${SHOTS}/evaluations-1280x720.png`, fullPage: false })
    await s.page.screenshot({ path: `${SHOTS}/evaluations-1280x720-full.png`, fullPage: true })
  })

  it('evaluations: follows the month in the URL', async () => {
    const cli = await cliMetrics(['--month', '2024-09'])
    await s.page.goto(evalUrl('&month=2024-09'))
    await expectEvalFigures(cli)
    const open = await rows('open_cases', { asOf: '2024-10-16', month: '2024-09' })
    await expect.poll(() => openIds(), { timeout: 30_000 }).toEqual(open.map(r => r.eval_id))
  })

  it('evaluations: clicking a department bar puts the department in the URL and the figures follow', async () => {
    const cli = await cliMetrics(['--dept', HR])
    await s.page.goto(evalUrl())
    await expectEvalFigures(await cliMetrics([]))
    await clickBar('bad-by-dept', HR, `dept=${HR}`)
    await expectEvalFigures(cli)
  })

  it('evaluations: clicking a matter bar drills down, and the chip takes it off again', async () => {
    await s.page.goto(evalUrl())
    await expectText('eval-total', '20')
    await clickBar('bad-by-matter', '企业注销', 'matter=企业注销')
    // 企业注销: B5–B8, B6 excluded; contact 1/2 (B6 in time, B5 missed).
    await expectText('eval-total', '4')
    await expectText('eval-contact', `联系${rateText(1, 2, NO_BAD_DUE)}`)
    await expect.poll(() => openIds(), { timeout: 30_000 }).toEqual(['B5', 'B7', 'B8'])
    await s.page.getByTestId('drill-matter').locator('.el-tag__close').click()
    await expectText('eval-total', '20')
  })

  it('applications: the figures and lists equal the command line and the SQL', async () => {
    const cli = await cliMetrics([])
    await s.page.goto(appUrl())
    await s.page.getByTestId('app-on-time').waitFor({ timeout: 60_000 })
    await expectAppFigures(cli)
    const overdue = await rows('overdue_applications', { asOf: '2024-10-16' })
    await expectText('app-open-overdue', `其中未办结${overdue.length}`)
    const ids = await s.page.getByTestId('overdue-apps').locator('tbody tr td:last-child').allInnerTexts()
    expect(ids.map(x => x.trim())).toEqual(overdue.map(r => r.app_id))
    expect((await s.page.getByTestId('overdue-apps').locator('tbody tr td:first-child').allInnerTexts()).map(x => x.replace(/\s+/g, ''))).toEqual(['✖超期5个工作日'])
    // The department table holds every department of the CLI, most overdue first.
    const depts = (await s.page.getByTestId('app-dept-table').locator('tbody tr td:first-child').allInnerTexts()).map(x => x.trim())
    expect([...depts].sort()).toEqual(cli.applications.by_dept.map(d => d.dept).sort())
    expect(depts[0]).toBe('区卫健局')
    const channels = await s.page.getByTestId('app-channels').innerHTML()
    for (const c of ['窗口', '网上', '掌上'])
      expect(channels).toContain(c)
    await s.page.screenshot({ path: `${SHOTS}/applications-1280x720.png`, fullPage: false })
    await s.page.screenshot({ path: `${SHOTS}/applications-1280x720-full.png`, fullPage: true })
  })

  it('applications: follows the month in the URL', async () => {
    const cli = await cliMetrics(['--month', '2024-09'])
    await s.page.goto(appUrl('&month=2024-09'))
    await expectAppFigures(cli)
  })

  it('applications: clicking a department row puts the department in the URL and the figures follow', async () => {
    const cli = await cliMetrics(['--dept', HR])
    await s.page.goto(appUrl())
    await expectAppFigures(await cliMetrics([]))
    await s.page.getByTestId('app-dept-table').locator('tbody tr', { hasText: HR }).click()
    await expect.poll(() => decodeURIComponent(s.page.url())).toContain(`dept=${HR}`)
    await expectAppFigures(cli)
  })

  it('made no request off the origin and logged no error', () => {
    expect(offOrigin(s.requests, base())).toEqual([])
    expect(s.consoleErrors).toEqual([])
  })

  /**
   * Clicks the bar of a category in a horizontal bar chart, just right of its axis label, until
   * the URL says the click landed (a chart may be redrawn while a late query arrives).
   */
  async function clickBar(testId: string, category: string, urlPart: string) {
    const label = s.page.getByTestId(testId).getByTestId('echart').locator('svg text', { hasText: new RegExp(`^${category}$`) })
    // Every bar holds at least one bad review, so a point just past the axis is inside it.
    await vi.waitFor(async () => {
      await label.scrollIntoViewIfNeeded({ timeout: 2000 })
      const box = await label.boundingBox({ timeout: 2000 })
      await s.page.mouse.click(box!.x + box!.width + 16, box!.y + box!.height / 2)
      await vi.waitFor(() => expect(decodeURIComponent(s.page.url())).toContain(urlPart), { timeout: 1000 })
    }, { timeout: 20_000, interval: 200 })
  }
})
