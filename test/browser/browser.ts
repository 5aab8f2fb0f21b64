import type { BrowserContext, Page, Request } from 'playwright-core'
import type { MetricsResult } from '../../src/metrics/types'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

export const SHOTS = 'test-results/screenshots'

export interface Session {
  context: BrowserContext
  page: Page
  requests: string[]
  consoleErrors: string[]
  close: () => Promise<void>
}

/** Debian's Chromium, headless, with no background traffic and a fresh profile. */
export async function openSession(viewport = { width: 1280, height: 720 }): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'duban-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    locale: 'zh-CN',
    // A viewer far from China must still see China dates.
    timezoneId: 'America/Los_Angeles',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const page = context.pages()[0] ?? await context.newPage()
  const requests: string[] = []
  const consoleErrors: string[] = []
  context.on('request', (r: Request) => requests.push(r.url()))
  page.on('console', (m) => {
    if (m.type() === 'error')
      consoleErrors.push(m.text())
  })
  page.on('pageerror', e => consoleErrors.push(String(e)))
  mkdirSync(SHOTS, { recursive: true })
  return {
    context,
    page,
    requests,
    consoleErrors,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Requests that left the app's own origin (data: and blob: URLs are local). */
export function offOrigin(requests: string[], base: string): string[] {
  const origin = new URL(base).origin
  return requests.filter(u => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin)
}

/** The metrics the page's own engine computes for what is on screen (exposed for tests by the dataset store). */
export async function screenMetrics(page: Page, asOf: string): Promise<MetricsResult> {
  return page.evaluate(async d => (globalThis as unknown as { __duban: { metrics: (q: { asOf: string }) => Promise<MetricsResult> } }).__duban.metrics({ asOf: d }), asOf)
}

/** The file names in the data page's table of stored files, in order. */
export async function storedNames(page: Page): Promise<string[]> {
  const table = page.getByTestId('stored-files')
  if (!(await table.count()))
    return []
  return (await table.locator('tbody tr td:first-child').allInnerTexts()).map(s => s.trim())
}
