import type { Session } from './browser'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ALL_PAGES, axeSerious, COLOUR_RULES, focusRing, openPage, settle } from './a11y-helpers'
import { MEETING_SCREENS } from '../../src/components/meeting/screens'
import { openSession, SHOTS } from './browser'

// WCAG 2.1 AA as axe-core checks it, on every page in both themes and both languages, and on
// the exported bulletin; then the whole navigation by keyboard alone.
describe('accessibility (axe-core, keyboard)', () => {
  const base = inject('baseUrl')
  let s: Session
  beforeAll(async () => {
    s = await openSession({ width: 1366, height: 768 })
  })
  afterAll(() => s.close())

  async function useLook(theme: 'light' | 'dark', locale: 'zh-CN' | 'en') {
    await s.page.goto(`${base}#/?data=sample-2024-10&asOf=2024-10-16`)
    await s.page.evaluate(([t, l]) => {
      localStorage.setItem('duban.theme', t!)
      localStorage.setItem('duban.locale', l!)
    }, [theme, locale])
    await s.page.reload()
    await settle(s.page)
    // The look really is the one asked for: the test must not pass on the default twice.
    expect(await s.page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(theme === 'dark')
    expect(await s.page.evaluate(() => document.documentElement.lang)).toBe(locale)
  }

  /** The bulletin the report page previews, opened as a page of its own. */
  async function bulletinHtml(): Promise<string> {
    await openPage(s.page, base, '/report')
    const preview = s.page.getByTestId('report-preview')
    await s.page.waitForFunction(() => !document.querySelector('[data-testid=report-preview]')?.hasAttribute('disabled'), null, { timeout: 90_000 })
    await preview.click()
    await s.page.getByTestId('report-summary').waitFor({ timeout: 90_000 })
    const html = await s.page.getByTestId('report-frame').getAttribute('srcdoc')
    expect(html).toContain('<h1>')
    return html!
  }

  for (const [theme, locale] of [['light', 'zh-CN'], ['dark', 'zh-CN'], ['light', 'en'], ['dark', 'en']] as const) {
    it(`finds no serious or critical violation on any page (${theme}, ${locale})`, { timeout: 480_000 }, async () => {
      await useLook(theme, locale)
      const rules = theme === 'dark' ? COLOUR_RULES : undefined
      const found: Record<string, unknown> = {}
      for (const path of ALL_PAGES) {
        await openPage(s.page, base, path)
        expect(await s.page.locator('h1').count(), `${path}: one h1`).toBe(1)
        for (const landmark of ['header', 'nav', 'main'])
          expect(await s.page.locator(landmark).count(), `${path}: ${landmark}`).toBeGreaterThanOrEqual(1)
        const v = await axeSerious(s.page, rules)
        if (v.length)
          found[path] = v
      }
      // 会议模式 covers the window with its own screens: each is checked as a page of its own.
      for (const screen of MEETING_SCREENS) {
        await openPage(s.page, base, `/meeting/${screen}`)
        const v = await axeSerious(s.page, rules)
        if (v.length)
          found[`/meeting/${screen}`] = v
      }
      await s.page.screenshot({ path: `${SHOTS}/a11y-${theme}-${locale}-settings.png` })
      // The bulletin is built in the language of the app.
      const html = await bulletinHtml()
      const bulletin = await s.context.newPage()
      await bulletin.setContent(html)
      const v = await axeSerious(bulletin)
      await bulletin.close()
      if (v.length)
        found.bulletin = v
      expect(found).toEqual({})
    })
  }

  it('reaches every page link by Tab from page load, with a visible ring, and opens it with Enter', { timeout: 240_000 }, async () => {
    await useLook('light', 'zh-CN')
    await s.page.goto(`${base}#/?data=sample-2024-10&asOf=2024-10-16`)
    await s.page.reload()
    await settle(s.page)
    // First stop: the skip link, shown when focused; Enter puts focus on the main content.
    await s.page.keyboard.press('Tab')
    const skip = s.page.getByTestId('skip-link')
    expect(await s.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-link')
    expect(await skip.innerText()).toBe('跳到主要内容')
    expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0)
    await s.page.keyboard.press('Enter')
    expect(await s.page.evaluate(() => document.activeElement?.id)).toBe('main')

    await s.page.reload()
    await settle(s.page)
    await s.page.keyboard.press('Tab')
    const links = await s.page.locator('.side a.nav-link').evaluateAll(as => as.map(a => ({ href: a.getAttribute('href')!, text: (a as HTMLElement).innerText.trim() })))
    expect(links.length).toBe(ALL_PAGES.length)
    for (const link of links) {
      await s.page.keyboard.press('Tab')
      const focused = await s.page.evaluate(() => document.activeElement?.getAttribute('href'))
      expect(focused, link.text).toBe(link.href)
      const ring = await focusRing(s.page)
      expect(ring!.width, link.text).toBeGreaterThanOrEqual(2)
      expect(ring!.contrast, link.text).toBeGreaterThanOrEqual(3)
      await s.page.keyboard.press('Enter')
      const path = link.href.replace(/^#/, '').split('?')[0]
      // A page's code loads on first visit, on a busy machine slowly.
      await expect.poll(() => s.page.evaluate(() => location.hash.slice(1).split('?')[0]), { timeout: 30_000 }).toBe(path)
      await expect.poll(() => s.page.getByTestId('page-title').innerText(), { timeout: 30_000 }).toBe(link.text)
      // The link just used keeps focus, so the next Tab goes on down the list.
      expect(await s.page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(link.href)
    }
    await s.page.screenshot({ path: `${SHOTS}/a11y-focus-ring.png` })
  })

  it('draws a ring of 2 px at 3:1 round every control Tab reaches on the overview', { timeout: 180_000 }, async () => {
    await openPage(s.page, base, '/')
    await s.page.locator('body').click({ position: { x: 5, y: 760 } })
    const seen: Array<{ tag: string, text: string, width: number, contrast: number }> = []
    for (let i = 0; i < 80; i++) {
      await s.page.keyboard.press('Tab')
      const ring = await focusRing(s.page)
      if (!ring || seen.some(r => r.text === ring.text && r.tag === ring.tag && i > 20))
        break
      seen.push(ring)
    }
    expect(seen.length).toBeGreaterThan(15)
    const faint = seen.filter(r => r.width < 2 || r.contrast < 3)
    expect(faint).toEqual([])
  })

  it('rings the pager of a long case list at 2 px, and its pages open by keyboard', { timeout: 180_000 }, async () => {
    // The demo's year has 137 excluded reviews: their list pages (CasePager).
    await s.page.goto(`${base}#/evaluations?data=demo&asOf=2024-12-31`)
    await settle(s.page)
    const pager = s.page.getByTestId('excluded-cases-pager')
    await pager.waitFor({ timeout: 90_000 })
    const first = async () => (await s.page.getByTestId('excluded-cases').locator('tbody tr').first().innerText()).split(/\s+/)[1]
    const before = await first()
    let ring: Awaited<ReturnType<typeof focusRing>> = null
    for (let i = 0; i < 300; i++) {
      await s.page.keyboard.press('Tab')
      const onPage2 = await s.page.evaluate(() => !!document.activeElement?.closest('[data-testid=excluded-cases-pager]') && document.activeElement?.textContent?.trim() === '2')
      if (onPage2) {
        ring = await focusRing(s.page)
        break
      }
    }
    expect(ring).not.toBeNull()
    expect(ring!.width).toBeGreaterThanOrEqual(2)
    expect(ring!.contrast).toBeGreaterThanOrEqual(3)
    await s.page.keyboard.press('Enter')
    await expect.poll(first, { timeout: 30_000 }).not.toBe(before)
  })
})
