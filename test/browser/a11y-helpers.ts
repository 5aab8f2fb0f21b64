import type { Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** Every page the navigation lists. */
export const ALL_PAGES = ['/', '/schedule', '/reduction', '/evaluations', '/applications', '/departments', '/ledger', '/data', '/report', '/notices', '/settings']

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeFinding { id: string, impact: string, targets: string[], summary: string }

/**
 * Runs axe-core inside the page, from the installed package (no network). The app's CSP refuses
 * inline scripts, so the source goes in through the DevTools protocol (page.evaluate), which CSP
 * does not govern; no CSP is loosened for the test.
 */
export async function axeSerious(page: Page, rules?: readonly string[]): Promise<AxeFinding[]> {
  await page.evaluate(AXE_SOURCE)
  return page.evaluate(async (only) => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: Array<{ id: string, impact: string, nodes: Array<{ target: string[], failureSummary?: string }> }> }> } }).axe
    const r = await axe.run(document, { resultTypes: ['violations'], ...(only ? { runOnly: { type: 'rule', values: only } } : {}) })
    return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
      summary: (v.nodes[0]?.failureSummary ?? '').slice(0, 300),
    }))
  }, rules ? [...rules] : null)
}

/**
 * The axe rules a theme can change: it swaps colour variables only, so the page's structure,
 * names and landmarks are those the light theme was checked for in the same language.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'] as const

/** Waits until no load is in progress and the page's text has stopped changing (queries are async). */
export async function settle(page: Page) {
  await page.locator('.el-main').waitFor()
  await page.waitForFunction(() => !document.querySelector('.progress[role=status]'), undefined, { timeout: 90_000 })
  let last = ''
  for (let stable = 0, i = 0; stable < 3 && i < 60; i++) {
    await page.waitForTimeout(200)
    const now = await page.locator('.el-main').innerText()
    stable = now === last ? stable + 1 : 0
    last = now
  }
}

/** Opens a page of the app on the sample data at a fixed review date. */
export async function openPage(page: Page, base: string, path: string) {
  await page.goto(`${base}#${path}?data=sample-2024-10&asOf=2024-10-16`)
  await settle(page)
}

/**
 * The focus ring drawn for the focused element: on itself, on the box Element Plus draws
 * round a bare input, or on the track of a switch or box of a checkbox whose real input is
 * hidden. Returns its width and its contrast against the background behind it.
 */
export async function focusRing(page: Page): Promise<{ tag: string, text: string, width: number, contrast: number } | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body)
      return null
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number)
    const lum = (c: number[]) => {
      const [r, g, b] = c.slice(0, 3).map((v) => {
        const s = v / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    }
    const background = (from: Element | null) => {
      for (let e = from; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor)
        if (c.length >= 3 && (c.length < 4 || c[3]! > 0.5))
          return c
      }
      return [255, 255, 255]
    }
    const candidates = [
      el,
      el.closest('.el-input__wrapper, .el-select__wrapper'),
      el.parentElement?.querySelector(':scope > .el-switch__core, :scope > .el-checkbox__inner, :scope > .el-radio__inner'),
      // A date picker's day, month or year cell rings the number inside it.
      el.querySelector('.el-date-table-cell__text'),
    ]
    for (const c of candidates) {
      if (!c)
        continue
      const s = getComputedStyle(c)
      const width = Number.parseFloat(s.outlineWidth)
      if (s.outlineStyle !== 'none' && width > 0) {
        const a = lum(rgb(s.outlineColor))
        const b = lum(background(c.parentElement))
        const contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
        return { tag: el.tagName.toLowerCase(), text: (el.innerText || el.getAttribute('aria-label') || el.className).slice(0, 40), width, contrast }
      }
    }
    return { tag: el.tagName.toLowerCase(), text: (el.innerText || el.getAttribute('aria-label') || el.className).slice(0, 40), width: 0, contrast: 0 }
  })
}
