import type { Page } from 'playwright-core'
import type { Session } from './browser'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { rankDepartments, worstFirst } from '../../src/metrics/ranking'
import { settle } from './a11y-helpers'
import { offOrigin, openSession, SHOTS } from './browser'
import { cliMetrics } from './cli'

const SAMPLE = 'data=sample-2024-10&asOf=2024-10-16'
const squash = (s: string) => s.replace(/\s+/g, '')

/**
 * Waits until a theme switch has fully landed, so a screenshot shows the theme and not the
 * switch: the html element's class, the page settled (a11y-helpers), no CSS transition still
 * running (cards fade their colours over 0.3 s) and the charts, which redraw in the new theme
 * with a scripted animation CSS does not see, no longer changing their SVG.
 */
async function themeApplied(page: Page, dark: boolean) {
  await page.waitForFunction(d => document.documentElement.classList.contains('dark') === d, dark)
  await settle(page)
  await page.waitForFunction(() => document.getAnimations().every(a => a.playState !== 'running'))
  const charts = () => page.evaluate(() => [...document.querySelectorAll('[data-testid=echart] svg')].map(svg => svg.outerHTML).join(''))
  let last = await charts()
  for (let stable = 0, i = 0; stable < 3 && i < 50; i++) {
    await page.waitForTimeout(200)
    const now = await charts()
    stable = now === last ? stable + 1 : 0
    last = now
  }
}

describe('dashboard pages on the sample data', () => {
  const base = inject('baseUrl')
  let s: Session
  beforeAll(async () => {
    s = await openSession()
  })
  afterAll(() => s.close())

  async function open(path: string, query = SAMPLE) {
    await s.page.goto(`${base}#${path}?${query}`)
  }

  it('schedule: every task with its light, in the command line\'s statuses', async () => {
    const cli = await cliMetrics(['--data', 'data/sample-2024-10', '--as-of', '2024-10-16'])
    await open('/schedule')
    const table = s.page.getByTestId('schedule-table')
    await table.locator('tbody tr').first().waitFor({ timeout: 60_000 })
    expect(await table.locator('tbody tr').count()).toBe(cli.schedule.tasks.length)
    const shown = await table.locator('[data-status]').evaluateAll(els => els.map(e => [e.closest('tr')!.querySelector('td')!.textContent!.trim(), e.getAttribute('data-status')]))
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(cli.schedule.tasks.map(t => [t.task_id, t.status])))
    // Every red or yellow row says how many working days it is late or has left.
    expect(await table.innerText()).toContain('逾期 5 个工作日')
    await s.page.getByTestId('status-overdue').click()
    await expect.poll(() => table.locator('tbody tr').count()).toBe(cli.schedule.counts.overdue)
    await s.page.getByTestId('status-overdue').click()
    await s.page.screenshot({ path: `${SHOTS}/schedule-1280x720.png` })
  })

  it('reduction: pooled cuts and target shares as the command line computes them', async () => {
    const cli = await cliMetrics(['--data', 'data/sample-2024-10', '--as-of', '2024-10-16'])
    await open('/reduction')
    await s.page.getByTestId('pooled-materials').waitFor({ timeout: 60_000 })
    const o = cli.reduction.overall
    expect(squash(await s.page.getByTestId('pooled-materials').innerText())).toBe(`${(o.materials_cut! * 100).toFixed(1)}%合计削减`)
    expect(squash(await s.page.getByTestId('meeting-time').innerText())).toContain(`（${o.meeting.time.met}/${o.meeting.time.n}）`)
    // A bundle below its target is marked, not only coloured.
    expect(await s.page.getByTestId('echart').innerHTML()).toContain('✖')
    await s.page.screenshot({ path: `${SHOTS}/reduction-1280x720.png` })
  })

  it('departments: the ranking, then a drill-down into one department', async () => {
    const cli = await cliMetrics(['--data', 'data/sample-2024-10', '--as-of', '2024-10-16'])
    await open('/departments')
    const table = s.page.getByTestId('dept-ranking')
    await table.locator('tbody tr').first().waitFor({ timeout: 60_000 })
    const names = await table.locator('tbody tr td:nth-child(2)').allInnerTexts()
    expect(names.map(n => n.trim())).toEqual(worstFirst(rankDepartments(cli)).map(r => r.dept))
    await s.page.getByTestId('dept-区市场监管局').click()
    await expect.poll(() => new URL(s.page.url().replace('#/', '')).searchParams.get('dept')).toBe('区市场监管局')
    const mine = await cliMetrics(['--data', 'data/sample-2024-10', '--as-of', '2024-10-16', '--dept', '区市场监管局'])
    await expect.poll(() => s.page.getByTestId('drill-tasks').locator('tbody tr').count()).toBe(mine.schedule.tasks.length)
    await expect.poll(() => s.page.getByTestId('drill-open-cases').locator('tbody tr').count()).toBe(4) // B4 (complex, closes by 10-25), B5, B7, B8
    await s.page.screenshot({ path: `${SHOTS}/departments-1280x720.png`, fullPage: true })
  })

  it('settings change the figures and are kept after a reload', async () => {
    await open('/settings')
    const input = s.page.getByTestId('warning-wd').locator('input')
    await input.fill('1')
    await input.press('Enter')
    await open('/')
    // With a 1-working-day window, task 4 (due Sun 10-20) is no longer due soon; task 12 neither.
    const withOne = await cliMetrics(['--data', 'data/sample-2024-10', '--as-of', '2024-10-16'])
    await expect.poll(async () => squash(await s.page.getByTestId('kpi-due-soon').innerText()), { timeout: 60_000 }).toBe('临期0')
    expect(withOne.schedule.counts.due_soon).toBe(2)
    await s.page.reload()
    await expect.poll(async () => squash(await s.page.getByTestId('kpi-due-soon').innerText()), { timeout: 60_000 }).toBe('临期0')
    await open('/settings')
    await s.page.getByTestId('settings-reset').click()
    await open('/')
    await expect.poll(async () => squash(await s.page.getByTestId('kpi-due-soon').innerText()), { timeout: 60_000 }).toBe('临期2')
  })

  it('switches to a seed plan and back without losing the figures', async () => {
    await open('/', 'data=sample-2024-10&asOf=2024-10-16')
    await s.page.getByTestId('kpi-overdue').waitFor({ timeout: 60_000 })
    // The KPI also carries its change against last month ("逾期1▲1件"): compare the figure itself.
    const figure = async () => /^逾期(\d+)/.exec(squash(await s.page.getByTestId('kpi-overdue').innerText()))?.[1]
    const overdueBefore = await figure()
    const seeds = await s.page.evaluate(() => document.querySelectorAll('[data-testid=dataset]').length)
    expect(seeds).toBe(1)
    await open('/', 'data=seed-xinxiang-2024&asOf=2024-11-01')
    const xin = await cliMetrics(['--data', 'seeds/xinxiang-2024', '--as-of', '2024-11-01'])
    await expect.poll(figure, { timeout: 60_000 }).toBe(String(xin.schedule.counts.overdue))
    await open('/', 'data=sample-2024-10&asOf=2024-10-16')
    await expect.poll(figure, { timeout: 60_000 }).toBe(overdueBefore)
  })

  it('says which filter emptied a page and clears it on request', async () => {
    await open('/', `${SAMPLE}&bundle=${encodeURIComponent('不存在的一件事')}&dept=${encodeURIComponent('区卫健局')}`)
    const notice = s.page.getByTestId('filter-empty')
    await notice.waitFor({ timeout: 60_000 })
    expect(await notice.innerText()).toContain('一件事：不存在的一件事')
    // An emptied chart says why, and its screen-reader summary gives the same reason.
    const empty = s.page.getByTestId('chart-empty').first()
    await empty.waitFor({ timeout: 60_000 })
    const reason = (await empty.innerText()).trim()
    expect(reason.length).toBeGreaterThan(0)
    expect(await s.page.getByTestId('chart-summary').allTextContents()).toContainEqual(expect.stringContaining(reason))
    await notice.getByRole('button').click()
    await expect.poll(() => s.page.url()).not.toContain('bundle=')
    await expect.poll(() => notice.count()).toBe(0)
  })

  it('speaks English, goes dark, and fits a 1920×1080 monitor', async () => {
    await open('/')
    await s.page.getByTestId('kpi-contact').waitFor({ timeout: 60_000 })
    await s.page.getByRole('button', { name: 'English' }).click()
    await expect.poll(async () => s.page.getByTestId('kpi-overdue').innerText()).toContain('Overdue')
    await s.page.locator('.el-switch').click()
    await themeApplied(s.page, true)
    // The cards have turned dark under their light text (not caught half way).
    const card = await s.page.evaluate(() => getComputedStyle(document.querySelector('.el-card')!).backgroundColor)
    expect((card.match(/\d+/g) ?? []).slice(0, 3).map(Number).every(c => c < 80)).toBe(true)
    await s.page.screenshot({ path: `${SHOTS}/overview-en-dark-1280x720.png` })
    await s.page.locator('.el-switch').click()
    await s.page.getByRole('button', { name: '中文' }).click()
    await s.page.setViewportSize({ width: 1920, height: 1080 })
    for (const p of ['/', '/schedule', '/reduction', '/departments']) {
      await open(p)
      await s.page.waitForTimeout(1500)
      await s.page.screenshot({ path: `${SHOTS}/${p === '/' ? 'overview' : p.slice(1)}-1920x1080.png` })
    }
    await s.page.setViewportSize({ width: 1280, height: 720 })
    expect(offOrigin(s.requests, base)).toEqual([])
  })
})
