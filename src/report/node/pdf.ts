import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'

export const CHROMIUM = '/usr/bin/chromium'

export class NoBrowserError extends Error {
  constructor(path: string) {
    super(`未找到 Chromium（${path}），无法生成 PDF；HTML 已生成。请安装 Chromium（Debian: apt-get install chromium）或设置 CHROMIUM_PATH。\n`
      + `Chromium not found at ${path}: no PDF was written (the HTML was). Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`)
  }
}

export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  return env.CHROMIUM_PATH || CHROMIUM
}

/**
 * Prints a bulletin to an A4 PDF with headless Chromium: vector text in the embedded
 * font (selectable, searchable Chinese), page size, running header and page numbers
 * from the page's own @page rules. The page is loaded offline: it references nothing.
 */
export async function printPdf(html: string, file: string, opts: { executablePath?: string } = {}): Promise<{ bytes: number }> {
  const executablePath = opts.executablePath ?? chromiumPath()
  if (!existsSync(executablePath))
    throw new NoBrowserError(executablePath)
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  try {
    const page = await browser.newPage({ javaScriptEnabled: false })
    // Nothing may be fetched: a report that needs the network is a broken report.
    await page.route('**/*', route => route.abort())
    await page.setContent(html, { waitUntil: 'load' })
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ preferCSSPageSize: true, format: 'A4', printBackground: true, displayHeaderFooter: false, tagged: true, outline: true })
    await writeFile(file, pdf)
    return { bytes: pdf.byteLength }
  }
  finally {
    await browser.close()
  }
}
