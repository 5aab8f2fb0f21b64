import type { Rasterizer } from '../docx/bulletin'
import { existsSync } from 'node:fs'
import { chromiumPath } from './pdf'

/**
 * Charts as PNG for the Word bulletin, drawn by headless Chromium (already used for the PDF)
 * at twice their size: no new native dependency. Without Chromium every chart is null and
 * the document says so where the chart would be.
 */
export function chromiumRasterizer(env: Record<string, string | undefined> = process.env): Rasterizer {
  return async (svgs) => {
    const executablePath = chromiumPath(env)
    if (!existsSync(executablePath) || svgs.length === 0)
      return svgs.map(() => null)
    const { chromium } = await import('playwright-core')
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    try {
      const page = await browser.newPage({ javaScriptEnabled: false, deviceScaleFactor: 2 })
      await page.route('**/*', route => route.abort())
      const out: Array<Uint8Array | null> = []
      for (const s of svgs) {
        await page.setViewportSize({ width: Math.ceil(s.width), height: Math.ceil(s.height) })
        await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${s.svg}</body></html>`, { waitUntil: 'load' })
        const el = page.locator('svg').first()
        out.push(new Uint8Array(await el.screenshot({ type: 'png', omitBackground: false })))
      }
      return out
    }
    finally {
      await browser.close()
    }
  }
}
