import type { Analysis } from '../../src/metrics/analysis'
import type { BuiltReport } from '../../src/report/build'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nodeFontAssets } from '../../src/report/node/font'
import { CHROMIUM, printPdf } from '../../src/report/node/pdf'
import { hostileDataset, XSS_PAYLOADS } from '../hardening/xss-corpus'
import { analysisOf, datasetFromTexts } from '../helpers/db'
import { build, sampleAnalysis } from './helpers'

const OUT = 'test-results/report'
const PDF = `${OUT}/sample-2024-10.pdf`
const SECTIONS = ['一、总体情况', '二、配档表任务推进情况', '三、“一件事”减材料、减时限、减环节情况', '四、办件时效情况', '五、好差评及差评“1、5、15”处置情况', '六、部门综合排名', '七、与上月对比', '附：数据来源与口径']
const tool = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' })

// CI installs Debian's chromium and poppler-utils (.ci/run); without them this fails, never skips.
describe('the bulletin as PDF (headless Chromium)', () => {
  let analysis: Analysis
  let report: BuiltReport
  beforeAll(async () => {
    ({ analysis } = await sampleAnalysis())
    report = await build(analysis, {}, nodeFontAssets())
    rmSync(OUT, { recursive: true, force: true })
    mkdirSync(OUT, { recursive: true })
    await printPdf(report.html, PDF)
  })
  afterAll(() => analysis.db.close())

  it('is A4, several pages, with searchable Chinese section titles', () => {
    const info = tool('pdfinfo', [PDF])
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(2)
    expect(info).toMatch(/Page size:\s+59\d(?:\.\d+)? x 84\d(?:\.\d+)? pts \(A4\)/)
    const text = tool('pdftotext', ['-layout', PDF, '-'])
    for (const s of SECTIONS)
      expect(text.replace(/\s/g, '')).toContain(s)
    // The comment that held markup is printed as the text it is.
    expect(text.replace(/\s/g, '')).toContain('<script>alert(1)</script>')
    expect(text).not.toContain('13912345678')
    expect(text).toContain('139****5678')
  })

  it('has page numbers and the title as a running header from the second page', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [PDF]))?.[1])
    const first = tool('pdftotext', ['-f', '1', '-l', '1', PDF, '-']).replace(/\s/g, '')
    const second = tool('pdftotext', ['-f', '2', '-l', '2', PDF, '-']).replace(/\s/g, '')
    expect(first).toContain(`第1页/共${pages}页`)
    expect(second).toContain(`第2页/共${pages}页`)
    expect(second.startsWith('关于2024年10月政务服务改革工作推进情况的通报')).toBe(true)
  })

  it('embeds only the report\'s own font, as real text (no Type 3 outlines, no system font)', () => {
    const fonts = tool('pdffonts', [PDF]).split('\n').slice(2).filter(Boolean)
    expect(fonts.length).toBeGreaterThan(0)
    for (const line of fonts) {
      expect(line).toMatch(/^\w{6}\+NotoSansSC/)
      expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/)
    }
  })

  it('renders every page to PNG for a person to look at', () => {
    tool('pdftoppm', ['-png', '-r', '60', PDF, `${OUT}/page`])
    expect(readdirSync(OUT).filter(f => f.endsWith('.png')).length).toBeGreaterThanOrEqual(2)
  })

  it('draws all text, in the browser too, with the embedded font and no synthetic bold', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] })
    try {
      const page = await browser.newPage()
      await page.route('**/*', route => route.abort())
      await page.setContent(report.html, { waitUntil: 'load' })
      await page.evaluate(() => document.fonts.ready)
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('DOM.enable')
      await cdp.send('CSS.enable')
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'body *' })
      const used = new Set<string>()
      for (const nodeId of nodeIds) {
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
        for (const f of fonts)
          used.add(`${f.familyName}${f.isCustomFont ? '' : ' (system)'}`)
      }
      expect([...used].filter(f => f.endsWith('(system)'))).toEqual([])
      // Bold text has its own face: every bold element's characters are in the 700 subset.
      const boldRange = [...report.html.matchAll(/font-weight:700;[^}]*unicode-range:([^}]*)\}/g)].map(m => m[1]).join(',')
      const boldText = await page.evaluate(() => [...document.querySelectorAll('body *')]
        .filter(e => Number(getComputedStyle(e).fontWeight) >= 600)
        .map(e => [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join(''))
        .join(''))
      const inRange = (cp: number) => boldRange.split(',').some((r) => {
        const [a, b] = r.replace('U+', '').split('-').map(h => Number.parseInt(h, 16))
        return cp >= a! && cp <= (b ?? a)!
      })
      expect([...new Set(boldText)].filter(c => c.trim() && !inRange(c.codePointAt(0)!))).toEqual([])
    }
    finally {
      await browser.close()
    }
  })

  it('runs none of the hardening payloads, even with JavaScript enabled in the viewer', async () => {
    const hostile = await analysisOf(await datasetFromTexts(hostileDataset()))
    const page = await build(hostile, { issuer: XSS_PAYLOADS[1]!, title: XSS_PAYLOADS[14]! }, nodeFontAssets())
    await hostile.db.close()
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] })
    try {
      const tab = await browser.newPage()
      const pwned: number[] = []
      await tab.exposeFunction('__pwned', (n: number) => pwned.push(n))
      await tab.route('**/*', route => route.abort())
      await tab.setContent(page.html, { waitUntil: 'load' })
      await tab.mouse.move(200, 200)
      await tab.keyboard.press('Tab')
      await tab.waitForTimeout(300)
      expect(pwned).toEqual([])
    }
    finally {
      await browser.close()
    }
  })
})
