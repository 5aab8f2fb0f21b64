import type { Session } from './browser'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { offOrigin, openSession, SHOTS } from './browser'
import { cliMetrics } from './cli'

// Issue 20: choosing a month is that month's review — its date in the top bar and why, the
// backlog carried over, the pickers on the data, and which data is shown.

const squash = (s: string) => s.replace(/\s+/g, '')
const HR = '省人力资源社会保障厅'

describe('a month\'s review on the embedded demo', () => {
  const base = inject('baseUrl')
  let s: Session
  beforeAll(async () => {
    s = await openSession()
  })
  afterAll(() => s.close())
  const text = async (id: string) => squash(await s.page.getByTestId(id).first().innerText())
  const asOfValue = () => s.page.getByTestId('as-of-field').locator('input').first().inputValue()
  const query = () => new URL(s.page.url().replace('#/', '')).searchParams

  it('labels the demo as sample data and reviews at the data\'s last day with no month', async () => {
    await s.page.goto(`${base}#/?data=demo`)
    await s.page.getByTestId('sample-label').waitFor({ timeout: 90_000 })
    expect(await text('sample-label')).toBe('示例数据')
    await expect.poll(() => text('as-of-reason'), { timeout: 60_000 }).toBe('（数据截止日）')
    expect(await asOfValue()).toBe('2024-12-31')
  })

  it('moves the review date with the month picked, in Chinese, on the data\'s months', async () => {
    await s.page.getByTestId('month-field').locator('input').first().click()
    const panel = s.page.locator('.el-picker-panel:visible').last()
    await panel.waitFor()
    // Opens on the data's last year, with Chinese month names.
    expect(squash(await panel.locator('.el-date-picker__header').innerText())).toContain('2024')
    expect(await panel.innerText()).toContain('十月')
    // October.
    await panel.locator('.el-month-table td').nth(9).click()
    await expect.poll(() => query().get('month')).toBe('2024-10')
    expect(query().get('asOf')).toBeNull()
    await expect.poll(() => asOfValue()).toBe('2024-10-31')
    expect(await text('as-of-reason')).toBe('（月末）')
    // The year before the data has no month to pick.
    await s.page.getByTestId('month-field').locator('input').first().click()
    const again = s.page.locator('.el-picker-panel:visible').last()
    await again.locator('.el-date-picker__prev-btn button, button.d-arrow-left').first().click()
    await expect.poll(() => again.locator('.el-month-table td.disabled').count()).toBe(12)
    await s.page.keyboard.press('Escape')
  })

  it('shows the command line\'s October figures on the overview, with what they carry', async () => {
    const cli = await cliMetrics(['--data', 'data/demo', '--month', '2024-10', '--as-of', '2024-10-31'])
    await expect.poll(() => text('kpi-overdue'), { timeout: 60_000 }).toContain(`逾期${cli.schedule.counts.overdue}`)
    const r = cli.evaluations.rule_1_5_15
    expect(await text('kpi-contact')).toContain(`${r.contact_on_time}/${r.contact_due}`)
    expect(await text('kpi-open-overdue')).toContain(`超期未办${r.open_overdue}`)
    if (r.carried_over.count > 0)
      expect(await text('kpi-open-overdue-carried')).toBe(squash(`其中往月遗留 ${r.carried_over.count} 件（${r.carried_over.months.join('、')}）`))
    await s.page.evaluate(() => window.scrollTo(0, 0))
    await s.page.screenshot({ path: `${SHOTS}/review-overview-2024-10-1280x720.png` })
  })

  it('keeps a date set by hand until it is unpinned', async () => {
    await s.page.goto(`${base}#/?data=demo&month=2024-10&asOf=2024-10-20`)
    await expect.poll(() => text('as-of-reason'), { timeout: 60_000 }).toBe('（已设定）')
    expect(await asOfValue()).toBe('2024-10-20')
    await s.page.getByTestId('as-of-unpin').click()
    await expect.poll(() => asOfValue()).toBe('2024-10-31')
    expect(query().get('asOf')).toBeNull()
    expect(await text('as-of-reason')).toBe('（月末）')
  })

  it('says so when the URL names a month outside the data', async () => {
    await s.page.goto(`${base}#/?data=demo&month=2025-03`)
    await s.page.getByTestId('month-outside').waitFor({ timeout: 60_000 })
    expect(await text('month-outside')).toContain('2025-03')
    expect(await text('month-outside')).toContain('2024-01-01')
  })

  it('lists a department\'s bad reviews carried over from earlier months on the 好差评 page', async () => {
    await s.page.goto(`${base}#/evaluations?data=demo&month=2024-10&dept=${encodeURIComponent(HR)}`)
    await s.page.getByTestId('open-cases').waitFor({ timeout: 60_000 })
    await expect.poll(() => s.page.getByTestId('carried-case').count(), { timeout: 60_000 }).toBe(5)
    const tags = (await s.page.getByTestId('carried-case').allInnerTexts()).map(squash).sort()
    expect(new Set(tags.map(t => t.slice(-7)))).toEqual(new Set(['2024-03', '2024-05', '2024-06', '2024-08']))
    expect(await text('eval-open-overdue-carried')).toBe('其中往月遗留5件（2024-03、2024-05、2024-06、2024-08）')
    await s.page.screenshot({ path: `${SHOTS}/review-evaluations-carried-1280x720.png` })
  })

  it('builds the bulletin of the view: its month, review date and department', async () => {
    await s.page.goto(`${base}#/report?data=demo&month=2024-10&dept=${encodeURIComponent(HR)}`)
    await expect.poll(() => s.page.getByTestId('report-as-of-reason').innerText(), { timeout: 60_000 }).toContain('月末')
    expect(await s.page.locator('.report-page input').evaluateAll(els => els.map(e => (e as HTMLInputElement).value))).toEqual(expect.arrayContaining(['2024-10', '2024-10-31']))
    const preview = s.page.getByTestId('report-preview')
    await s.page.waitForFunction(() => !document.querySelector('[data-testid=report-preview]')?.hasAttribute('disabled'), null, { timeout: 90_000 })
    await preview.click()
    await s.page.getByTestId('report-summary').waitFor({ timeout: 120_000 })
    const body = squash(await s.page.frameLocator('[data-testid=report-frame]').locator('body').innerText())
    expect(body).toContain('其中往月遗留5条，来自2024年3月、2024年5月、2024年6月、2024年8月')
  }, 240_000)

  it('speaks English in the top bar and the pickers when asked', async () => {
    await s.page.goto(`${base}#/?data=demo&month=2024-10`)
    await expect.poll(() => text('as-of-reason'), { timeout: 60_000 }).toBe('（月末）')
    await s.page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => s.page.getByTestId('as-of-reason').innerText()).toBe('(end of month)')
    expect(await text('sample-label')).toBe('Sampledata')
    await s.page.getByTestId('month-field').locator('input').first().click()
    const panel = s.page.locator('.el-picker-panel:visible').last()
    expect(await panel.innerText()).toContain('Oct')
    await s.page.keyboard.press('Escape')
    // Back to Chinese: the choice is kept in this browser profile.
    await s.page.getByRole('button', { name: '中文' }).click()
  })

  it('made no request off the origin and logged no error', () => {
    expect(offOrigin(s.requests, base)).toEqual([])
    expect(s.consoleErrors).toEqual([])
  })
})
