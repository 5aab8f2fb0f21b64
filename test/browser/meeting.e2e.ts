import type { Page } from 'playwright-core'
import type { MetricsResult } from '../../src/metrics/types'
import type { Session } from './browser'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { rankDepartments, worstFirst } from '../../src/metrics/ranking'
import { openSession, screenMetrics, SHOTS } from './browser'

const MONTH = 'month=2024-11'
const squash = (s: string) => s.replace(/\s+/g, '')
const hashPath = (page: Page) => page.url().split('#')[1] ?? ''

/** The page's own engine on November 2024, the review on screen. */
function novemberMetrics(page: Page): Promise<MetricsResult> {
  return page.evaluate(() => (globalThis as unknown as { __duban: { metrics: (q: object) => Promise<MetricsResult> } }).__duban.metrics({ asOf: '2024-11-30', month: '2024-11', dept: null, bundle: null, region: null, channel: null }))
}

/** Every element in meeting mode that shows text of its own, with its font size; and the figures'. */
function meetingFonts(page: Page) {
  return page.getByTestId('meeting').evaluate((root) => {
    const small: string[] = []
    const smallFigures: string[] = []
    const cut: string[] = []
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      const own = [...el.childNodes].filter(n => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()).map(n => n.textContent!.trim()).join('')
      const style = getComputedStyle(el)
      if (!own || style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0)
        continue
      const px = Number.parseFloat(style.fontSize)
      if (px < 20)
        small.push(`${own} ${px}px`)
      if (el.hasAttribute('data-figure') && px < 28)
        smallFigures.push(`${own} ${px}px`)
      // Nothing cut: no text wider than its box, no ellipsis.
      if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible')
        cut.push(own)
      if (style.textOverflow === 'ellipsis')
        cut.push(own)
    }
    const figures = root.querySelectorAll('[data-figure]').length
    return { small, smallFigures, cut, figures, overflowY: root.scrollHeight - root.clientHeight, overflowX: root.scrollWidth - root.clientWidth }
  })
}

describe('meeting mode (会议模式) at 1920×1080, on the demo data', () => {
  const base = inject('baseUrl')
  let s: Session
  beforeAll(async () => {
    s = await openSession({ width: 1920, height: 1080 })
  })
  afterAll(() => s.close())

  it('steps through every screen with the keys a clicker sends; each screen has its URL, large type, nothing cut, and the overview\'s figures', async () => {
    const { page } = s
    await page.goto(`${base}#/?${MONTH}`)
    // A fresh browser parses the demo's 50,000 applications first: slow on a busy machine.
    await page.getByTestId('kpi-overdue').locator('b').waitFor({ timeout: 240_000 })
    const text = async (id: string, sel: string) => squash(await page.getByTestId(id).locator(sel).first().innerText())
    const overview = {
      overdue: await text('kpi-overdue', 'b'),
      dueSoon: await text('kpi-due-soon', 'b'),
      openOverdue: await text('kpi-open-overdue', 'b'),
      doneOnTime: await text('kpi-done-on-time', '.rate'),
      apps: await text('kpi-apps-on-time', '.rate'),
      good: await text('kpi-good-rate', '.rate'),
      contact: await text('kpi-contact', '.rate'),
      rectify: await text('kpi-rectify', '.rate'),
      complex: await text('kpi-complex', '.rate'),
      materials: await text('kpi-materials', 'b'),
      steps: await text('kpi-steps', 'b'),
    }
    const metrics = await novemberMetrics(page)

    await page.getByTestId('header-meeting').click()
    await expect.poll(() => hashPath(page)).toBe(`/meeting/headline?${MONTH}`)
    const meeting = page.getByTestId('meeting')
    await meeting.locator('[data-figure]').first().waitFor({ timeout: 60_000 })
    // A figure as the overview writes a rate: "80.0%（4/5）".
    const figure = async (id: string) => {
      const f = page.getByTestId(id)
      const basis = await f.locator('.basis').count() ? squash(await f.locator('.basis').innerText()) : ''
      return { value: squash(await f.locator('[data-figure]').innerText()), basis }
    }
    const asRate = (f: { value: string, basis: string }) => (f.value === '—' ? '—' : `${f.value}（${f.basis}）`)
    expect((await figure('meeting-overdue')).value).toBe(overview.overdue)
    expect((await figure('meeting-due-soon')).value).toBe(overview.dueSoon)
    expect((await figure('meeting-open-overdue')).value).toBe(overview.openOverdue)
    expect(asRate(await figure('meeting-done-on-time'))).toBe(overview.doneOnTime)
    expect(asRate(await figure('meeting-apps-on-time'))).toBe(overview.apps)
    expect(asRate(await figure('meeting-good-rate'))).toBe(overview.good)

    const visited: string[] = []
    async function check(screen: string) {
      await expect.poll(() => hashPath(page)).toBe(`/meeting/${screen}?${MONTH}`)
      await expect.poll(() => meeting.getAttribute('data-screen')).toBe(screen)
      const fonts = await meetingFonts(page)
      expect(fonts.small, `${screen}: text under 20 px`).toEqual([])
      expect(fonts.smallFigures, `${screen}: figures under 28 px`).toEqual([])
      expect(fonts.cut, `${screen}: text cut`).toEqual([])
      expect(fonts.figures, `${screen}: figures shown`).toBeGreaterThan(0)
      expect(fonts.overflowX, `${screen}: wider than the screen`).toBeLessThanOrEqual(0)
      expect(fonts.overflowY, `${screen}: taller than the screen`).toBeLessThanOrEqual(0)
      await page.screenshot({ path: `${SHOTS}/meeting-${screen}-1920x1080.png` })
      visited.push(screen)
    }
    await check('headline')
    // README's copy is docs/screenshots/meeting-1920x1080.png, refreshed from here by hand.
    await page.screenshot({ path: `${SHOTS}/meeting-1920x1080.png` })

    await page.keyboard.press('ArrowRight')
    await check('late')
    expect(squash(await page.getByTestId('meeting-late-count').innerText())).toContain(`逾期未完成${overview.overdue}件`)
    expect(await page.getByTestId('meeting-late-list').locator('li').count()).toBe(Math.min(6, metrics.schedule.counts.overdue))

    await page.keyboard.press('PageDown')
    await check('departments')
    const worst = worstFirst(rankDepartments(metrics)).filter(r => !r.nothingDue)
    const rows = page.getByTestId('meeting-depts').locator('tbody tr')
    expect((await rows.locator('th').allInnerTexts()).map(x => x.trim())).toEqual(worst.slice(0, 8).map(r => r.dept))

    await page.keyboard.press(' ')
    await check('rule1515')
    expect(asRate(await figure('meeting-contact'))).toBe(overview.contact)
    expect(asRate(await figure('meeting-rectify'))).toBe(overview.rectify)
    expect(asRate(await figure('meeting-complex'))).toBe(overview.complex)
    // A change for each rate, not one under three.
    for (const step of ['contact', 'rectify', 'complex'])
      expect(await page.getByTestId(`meeting-${step}`).getByTestId('delta').innerText()).toMatch(/个百分点|持平/)

    await page.keyboard.press('ArrowDown')
    await check('reduction')
    expect((await figure('meeting-reduction-materials')).value).toBe(overview.materials)
    expect((await figure('meeting-reduction-steps')).value).toBe(overview.steps)
    expect(squash(await page.getByTestId('meeting-reduction-materials').innerText())).toContain('目标≥60%')
    expect(squash(await page.getByTestId('meeting-reduction-steps').innerText())).toContain('目标≥80%')
    expect(await page.getByTestId('meeting-reduction-time').locator('[data-verdict]').innerText()).toMatch(/✔ 达标|✖ 未达标/)

    // The last screen stays put; back again with PageUp and the left arrow.
    await page.keyboard.press('ArrowRight')
    await page.waitForTimeout(200)
    expect(hashPath(page)).toBe(`/meeting/reduction?${MONTH}`)
    await page.keyboard.press('PageUp')
    await expect.poll(() => hashPath(page)).toBe(`/meeting/rule1515?${MONTH}`)
    await page.keyboard.press('ArrowLeft')
    await expect.poll(() => hashPath(page)).toBe(`/meeting/departments?${MONTH}`)
    expect(visited).toEqual(['headline', 'late', 'departments', 'rule1515', 'reduction'])

    // Esc leaves to the page it was opened from, with the filters kept.
    await page.keyboard.press('Escape')
    await expect.poll(() => hashPath(page)).toBe(`/?${MONTH}`)
    await expect(page.getByTestId('meeting').count()).resolves.toBe(0)
  }, 360_000)

  it('opens a screen from its URL, keeps the filters, and goes full screen on its button', async () => {
    const { page } = s
    await page.goto(`${base}#/meeting/late?${MONTH}&dept=${encodeURIComponent('区人社局')}`)
    const meeting = page.getByTestId('meeting')
    await expect.poll(() => meeting.getAttribute('data-screen'), { timeout: 60_000 }).toBe('late')
    expect(await page.getByTestId('meeting-title').innerText()).toBe('逾期任务')
    expect(await meeting.innerText()).toContain('区人社局')
    await page.getByTestId('meeting-go-reduction').click()
    await expect.poll(() => hashPath(page)).toBe(`/meeting/reduction?${MONTH}&dept=${encodeURIComponent('区人社局')}`)
    // An unknown screen opens the first one.
    await page.goto(`${base}#/meeting/nonsense?${MONTH}`)
    await expect.poll(() => hashPath(page)).toBe(`/meeting/headline?${MONTH}`)
    if (await page.evaluate(() => document.fullscreenEnabled)) {
      // From a window, whatever a try before left.
      await page.evaluate(() => (document.fullscreenElement ? document.exitFullscreen() : undefined))
      await expect.poll(() => page.getByTestId('meeting-fullscreen').innerText()).toBe('全屏')
      await page.getByTestId('meeting-fullscreen').click()
      await expect.poll(() => page.evaluate(() => Boolean(document.fullscreenElement))).toBe(true)
      // The label follows the fullscreenchange event, which comes a frame after the element is set.
      await expect.poll(() => page.getByTestId('meeting-fullscreen').innerText()).toBe('退出全屏')
      await page.getByTestId('meeting-leave').click()
      await expect.poll(() => page.evaluate(() => Boolean(document.fullscreenElement))).toBe(false)
    }
  })
})

describe('the review\'s details', () => {
  const base = inject('baseUrl')
  let s: Session
  beforeAll(async () => {
    s = await openSession({ width: 1280, height: 720 })
  })
  afterAll(() => s.close())

  it('department ranking: worst first, sortable by any column', async () => {
    const { page } = s
    await page.goto(`${base}#/departments?${MONTH}`)
    const table = page.getByTestId('dept-ranking')
    await table.locator('tbody tr').first().waitFor({ timeout: 240_000 })
    const metrics = await novemberMetrics(page)
    const ranked = rankDepartments(metrics)
    const names = async () => (await table.locator('tbody tr td:nth-child(2)').allInnerTexts()).map(n => n.trim())
    const worst = worstFirst(ranked)
    expect(worst[0]!.rank).not.toBe(1)
    expect(await names()).toEqual(worst.map(r => r.dept))
    // Sorting by overdue tasks: most first, then fewest first.
    const overdueCol = async () => (await table.locator('tbody tr td:nth-child(3)').allInnerTexts()).map(n => Number(n.replace(/,/g, '')))
    await table.locator('thead th').filter({ hasText: '逾期任务' }).click()
    await expect.poll(async () => (await overdueCol()).join()).toBe([...await overdueCol()].sort((a, b) => b - a).join())
    expect((await overdueCol())[0]).toBe(Math.max(...ranked.map(r => r.overdue)))
    await table.locator('thead th').filter({ hasText: '逾期任务' }).click()
    await expect.poll(async () => (await overdueCol())[0]).toBe(Math.min(...ranked.map(r => r.overdue)))
  }, 300_000)

  it('department drill: scrolls into view, every header labelled, bundle cuts marked against each target', async () => {
    const { page } = s
    await page.goto(`${base}#/departments?${MONTH}`)
    const table = page.getByTestId('dept-ranking')
    await table.locator('tbody tr').first().waitFor({ timeout: 90_000 })
    const metrics = await novemberMetrics(page)
    // A department leading bundles, so the drill has cuts to mark.
    const dept = rankDepartments(metrics).find(r => r.bundles > 0)!.dept
    // Unscrolled, the drill would open below the ranking, low on the screen.
    expect(await table.evaluate(el => el.getBoundingClientRect().bottom)).toBeGreaterThan(400)
    await page.getByTestId(`dept-${dept}`).click()
    const drill = page.getByTestId('dept-drill')
    await drill.waitFor({ timeout: 60_000 })
    await expect.poll(() => drill.evaluate(el => Math.round(el.getBoundingClientRect().top)), { timeout: 10_000 }).toBeLessThan(300)
    expect(await drill.evaluate(el => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0)
    for (const id of ['drill-tasks', 'drill-bundles', 'drill-open-cases']) {
      const headers = (await page.getByTestId(id).locator('thead th').allInnerTexts()).map(h => h.trim())
      expect(headers.length, id).toBeGreaterThan(2)
      expect(headers.filter(h => !h), `${id}: blank headers in ${headers.join('|')}`).toEqual([])
    }
    const bundleHeaders = squash((await page.getByTestId('drill-bundles').locator('thead').innerText()))
    for (const target of ['减材料（目标≥60%）', '减时限（目标≥70%）', '减环节（目标≥80%）', '表单自动生成（目标≥50%）'])
      expect(bundleHeaders).toContain(target)
    const cuts = await page.getByTestId('drill-bundles').getByTestId('drill-cut').evaluateAll(els => els.map(e => [e.getAttribute('data-meets'), e.textContent!.trim()]))
    expect(cuts.length).toBeGreaterThan(0)
    for (const [meets, text] of cuts)
      expect(text).toMatch(meets === 'true' ? /✔ 达标$/ : meets === 'false' ? /✖ 未达标$/ : /%\s*$/)
    await page.screenshot({ path: `${SHOTS}/departments-drill-1280x720.png` })
  })

  it('overview: a change for each 1、5、15 rate, counts with thousands separators, labelled headers', async () => {
    const { page } = s
    await page.goto(`${base}#/?${MONTH}`)
    await page.getByTestId('kpi-contact').waitFor({ timeout: 90_000 })
    for (const id of ['kpi-contact', 'kpi-rectify', 'kpi-complex']) {
      await expect.poll(() => page.getByTestId(id).getByTestId('delta').count()).toBe(1)
      await expect.poll(() => page.getByTestId(id).getByTestId('delta').innerText()).toMatch(/个百分点|持平/)
    }
    // The whole year: 2,301 applications overdue.
    await page.goto(`${base}#/`)
    const metrics = await screenMetrics(page, '2024-12-31')
    expect(metrics.applications.overdue).toBeGreaterThanOrEqual(1000)
    await expect.poll(async () => squash(await page.getByTestId('kpi-apps-overdue').locator('b').innerText()), { timeout: 60_000 }).toBe(metrics.applications.overdue.toLocaleString('en-US'))
    expect(await page.getByTestId('kpi-apps-overdue').locator('b').innerText()).toMatch(/^\d{1,3}(,\d{3})+$/)
    for (const id of ['attention', 'attention-cases']) {
      if (await page.getByTestId(id).count()) {
        const headers = (await page.getByTestId(id).locator('thead th').allInnerTexts()).map(h => h.trim())
        expect(headers.filter(h => !h), id).toEqual([])
      }
    }
  })

  it('data page: after 全部清除 only the clearing message is shown', async () => {
    const { page } = s
    await page.goto(`${base}#/data`)
    await page.getByTestId('import-drop').waitFor()
    await page.getByTestId('import-input').setInputFiles('test/fixtures/import/good/好差评-Excel另存.csv')
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 })
    await page.getByTestId('import-load').click()
    await page.getByTestId('notice-imported').waitFor({ timeout: 60_000 })
    await page.getByTestId('stored-clear').click()
    await page.getByTestId('confirm-clear').click()
    await page.getByTestId('notice-cleared').waitFor({ timeout: 60_000 })
    const notices = await page.locator('[data-testid^="notice-"]').evaluateAll(els => els.map(e => e.getAttribute('data-testid')))
    expect(notices).toEqual(['notice-cleared'])
  })
})
