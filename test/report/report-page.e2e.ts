import type { Session } from '../browser/browser'
import { readFile } from 'node:fs/promises'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { offOrigin, openSession, SHOTS } from '../browser/browser'

// Runs with the browser tests (built app in headless Chromium): vitest.e2e.config.ts must
// include test/report/**/*.e2e.ts.
describe('the report page (发布报告)', () => {
  const base = inject('baseUrl')
  let s: Session
  beforeAll(async () => {
    s = await openSession({ width: 1400, height: 1000 })
  })
  afterAll(() => s.close())

  it('previews the bulletin in a sandboxed frame and downloads the site as a zip', async () => {
    await s.page.goto(`${base}#/report?data=sample-2024-10&asOf=2024-10-16`)
    const preview = s.page.getByTestId('report-preview')
    await preview.waitFor()
    await s.page.waitForFunction(() => !document.querySelector('[data-testid=report-preview]')?.hasAttribute('disabled'), null, { timeout: 90_000 })
    await preview.click()
    await s.page.getByTestId('report-summary').waitFor({ timeout: 90_000 })
    const frame = s.page.getByTestId('report-frame')
    expect(await frame.getAttribute('sandbox')).toBe('')
    const inner = s.page.frameLocator('[data-testid=report-frame]')
    expect(await inner.locator('h1').innerText()).toBe('关于2024年10月政务服务改革工作推进情况的通报')
    expect(await inner.locator('svg').count()).toBeGreaterThanOrEqual(4)
    await s.page.screenshot({ path: `${SHOTS}/report-page.png` })

    const download = s.page.waitForEvent('download')
    await s.page.getByTestId('report-publish').click()
    const file = await download
    expect(file.suggestedFilename()).toBe('duban-report-2024-10.zip')
    const zip = await JSZip.loadAsync(await readFile(await file.path()))
    expect(Object.keys(zip.files).sort()).toEqual(['2024-10/', '2024-10/index.html', '2024-10/report.json', 'index.html'])
    const html = await zip.file('2024-10/index.html')!.async('string')
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('139****5678')
    expect(html).not.toContain('13912345678')
    expect(html).toContain('@font-face{font-family:\'Duban Noto Sans SC\'')
    expect(offOrigin(s.requests, base)).toEqual([])
    expect(s.consoleErrors).toEqual([])
  })
})
