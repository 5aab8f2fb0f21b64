import type { Session } from './browser'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ALL_PAGES, openPage, settle } from './a11y-helpers'
import { openSession, SHOTS } from './browser'

const WIDTH = 390
const TOUCH = 44
const CHART_PAGES = ['/', '/schedule', '/reduction', '/evaluations', '/applications']

// A department head's phone between meetings: one column, nothing wider than the screen,
// the navigation behind a menu button and the filters in a sheet.
describe('the phone layout at 390×844', () => {
  const base = inject('baseUrl')
  let s: Session
  beforeAll(async () => {
    s = await openSession({ width: WIDTH, height: 844 })
  })
  afterAll(() => s.close())

  it('never scrolls sideways and draws every chart at least 300 px wide', { timeout: 300_000 }, async () => {
    const charted: string[] = []
    for (const path of ALL_PAGES) {
      await openPage(s.page, base, path)
      // The pages that draw charts are measured once the charts are there (the first page
      // waits for the engine too).
      if (CHART_PAGES.includes(path)) {
        await s.page.getByTestId('echart').first().waitFor({ timeout: 90_000 })
        await settle(s.page)
      }
      expect(await s.page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(WIDTH)
      // The page's name heads it once: the shell shows it on a phone, so no page title repeats
      // it (a card naming its table as the page is named is not a page title).
      const title = (await s.page.getByTestId('page-title').innerText()).trim()
      expect(await s.page.locator('h1:visible, h2:visible').evaluateAll((hs, t) => hs.filter(h => !h.closest('.el-card') && h.textContent?.trim() === t).length, title), path).toBe(1)
      const widths = await s.page.getByTestId('echart').evaluateAll(es => es.map(e => e.getBoundingClientRect().width))
      for (const w of widths)
        expect(w, path).toBeGreaterThanOrEqual(300)
      if (widths.length)
        charted.push(path)
      await s.page.screenshot({ path: `${SHOTS}/phone${path.replace(/\//g, '-') || '-overview'}.png`, fullPage: true })
    }
    expect(charted).toEqual(expect.arrayContaining(CHART_PAGES))
  })

  it('keeps the navigation in a drawer behind a menu button, with 44 px targets', async () => {
    await openPage(s.page, base, '/')
    expect(await s.page.locator('.side').count()).toBe(0)
    const menu = s.page.getByTestId('menu-button')
    expect((await menu.boundingBox())!.height).toBeGreaterThanOrEqual(TOUCH)
    await menu.click()
    const drawer = s.page.getByTestId('nav-drawer')
    await drawer.locator('a.nav-link').first().waitFor()
    const heights = await drawer.locator('a.nav-link').evaluateAll(as => as.map(a => a.getBoundingClientRect().height))
    expect(heights.length).toBe(ALL_PAGES.length)
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(TOUCH)
    await s.page.screenshot({ path: `${SHOTS}/phone-menu.png` })
    await drawer.getByRole('link', { name: '好差评' }).click()
    await expect.poll(() => s.page.evaluate(() => location.hash.split('?')[0])).toBe('#/evaluations')
    // The filters travel with the page, and the drawer closes on arrival.
    expect(await s.page.evaluate(() => location.hash)).toContain('asOf=2024-10-16')
    await expect.poll(() => drawer.isVisible()).toBe(false)
    expect(await s.page.getByTestId('page-title').innerText()).toBe('好差评')
  })

  it('puts the filters in a sheet and says in chips what the page is filtered to', async () => {
    await s.page.goto(`${base}#/?data=sample-2024-10&asOf=2024-10-16&dept=${encodeURIComponent('区人社局')}`)
    await settle(s.page)
    const chips = s.page.getByTestId('filter-chips')
    await expect.poll(() => chips.innerText()).toContain('区人社局')
    expect(await chips.innerText()).toContain('2024-10-16')
    for (const box of await chips.locator('button').evaluateAll(bs => bs.map(b => b.getBoundingClientRect())))
      expect(box.height).toBeGreaterThanOrEqual(TOUCH)
    // No filter field in the bar itself: they are in the sheet.
    expect(await s.page.locator('header [data-testid=dept]').count()).toBe(0)
    await s.page.getByTestId('open-filters').click()
    const sheet = s.page.getByTestId('filter-sheet')
    await sheet.getByTestId('dept').waitFor()
    const field = await sheet.getByTestId('dept').boundingBox()
    expect(field!.width).toBeGreaterThan(WIDTH * 0.75)
    expect(field!.height).toBeGreaterThanOrEqual(TOUCH)
    await s.page.screenshot({ path: `${SHOTS}/phone-filters.png` })
    await sheet.getByTestId('clear-filters').click()
    await expect.poll(() => chips.innerText()).not.toContain('区人社局')
    expect(await s.page.evaluate(() => location.hash)).not.toContain('dept=')
  })
})
