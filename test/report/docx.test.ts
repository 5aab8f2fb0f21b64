import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main'
import { rankDepartments } from '../../src/metrics/ranking'
import { hasUnmaskedNumber } from '../../src/domain/text/mask'
import { capturingIO } from '../helpers/cli-io'

const SOFFICE = process.env.SOFFICE_PATH || '/usr/bin/soffice'

function requireSoffice() {
  if (!existsSync(SOFFICE))
    throw new Error(`LibreOffice is needed to check the Word export: install libreoffice-writer (Debian: apt-get install libreoffice-writer) or set SOFFICE_PATH. Not found: ${SOFFICE}`)
}

/** Converts a .docx to PDF with LibreOffice and returns the PDF's path. */
function toPdf(docx: string, outDir: string): string {
  requireSoffice()
  // A private profile: a LibreOffice already running for someone else must not take the job.
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${outDir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { stdio: 'pipe', timeout: 180_000 })
  const pdf = join(outDir, docx.split('/').pop()!.replace(/\.docx$/, '.pdf'))
  expect(existsSync(pdf)).toBe(true)
  return pdf
}

async function xmlOf(docx: string) {
  const zip = await JSZip.loadAsync(readFileSync(docx))
  return {
    document: await zip.file('word/document.xml')!.async('string'),
    styles: await zip.file('word/styles.xml')!.async('string'),
    settings: await zip.file('word/settings.xml')!.async('string'),
    headers: await Promise.all(Object.keys(zip.files).filter(f => /^word\/header\d*\.xml$/.test(f)).map(f => zip.file(f)!.async('string'))),
    footers: await Promise.all(Object.keys(zip.files).filter(f => /^word\/footer\d*\.xml$/.test(f)).map(f => zip.file(f)!.async('string'))),
  }
}

const mmTw = (mm: number) => Math.round(mm / 25.4 * 1440)

describe('the bulletin as a Word document (GB/T 9704 layout)', () => {
  it('converts in LibreOffice to an A4 PDF with the official margins, fonts, sections and ranking, nothing unmasked', async () => {
    requireSoffice()
    const out = mkdtempSync(join(tmpdir(), 'duban-docx-'))
    const cap = capturingIO()
    const code = await runCli(['report', '--data', 'data/demo', '--month', '2024-06', '--as-of', '2024-06-25', '--out', out, '--docx', '--watermark', '内部资料 注意保密'], cap.io)
    expect(code, cap.err()).toBe(0)
    const docx = join(out, '2024-06', 'report.docx')
    expect(cap.out()).toContain(docx)

    const x = await xmlOf(docx)
    // A4 and the margins of a 156 × 225 mm type area.
    expect(x.document).toContain('<w:pgSz w:w="11906" w:h="16838"')
    const mar = /<w:pgMar ([^>]*)\/>/.exec(x.document)![1]!
    const attr = (k: string) => Number(new RegExp(`w:${k}="(\\d+)"`).exec(mar)![1])
    expect([attr('top'), attr('bottom'), attr('left'), attr('right')]).toEqual([mmTw(37), mmTw(35), mmTw(28), mmTw(26)])
    expect((11906 - attr('left') - attr('right')) / 1440 * 25.4).toBeCloseTo(156, 0)
    expect((16838 - attr('top') - attr('bottom')) / 1440 * 25.4).toBeCloseTo(225, 0)
    expect(x.document).toMatch(/<w:docGrid [^>]*w:linePitch="579"/)
    // Fonts named: 小标宋 title with its fallback, 仿宋 body at 三号 (16 pt = 32 half-points).
    expect(x.styles).toContain('方正小标宋简体')
    expect(x.styles).toContain('仿宋_GB2312')
    expect(x.styles).toMatch(/<w:docDefaults>[\s\S]*<w:sz w:val="32"\/>/)
    expect(x.document).toContain('未安装时以宋体代替显示')
    // Page numbers "— n —", odd right and even left; the watermark in the headers.
    expect(x.settings).toContain('<w:evenAndOddHeaders/>')
    expect(x.footers.join('')).toMatch(/<w:jc w:val="right"\/>[\s\S]*PAGE/)
    expect(x.footers.join('')).toMatch(/<w:jc w:val="left"\/>[\s\S]*PAGE/)
    expect(x.footers.join('')).toContain('— ')
    expect(x.headers.join('')).toContain('内部资料 注意保密')
    // Charts as PNG images.
    expect(x.document).toContain('<pic:pic')

    const pdf = toPdf(docx, out)
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/)
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1])
    expect(pages).toBeGreaterThan(0)
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
    const flat = text.replace(/\s+/g, '')
    for (const title of ['一、总体情况', '二、配档表任务推进情况', '四、办件时效情况', '五、好差评及差评“1、5、15”处置情况', '六、部门综合排名', '七、与上月对比', '附：数据来源与口径'])
      expect(flat).toContain(title)
    expect(flat).toContain('关于2024年6月政务服务改革工作推进情况的通报')
    expect(text).toMatch(/—\s*1\s*—/)
    // The ranking's departments, in the command line's order.
    const json = capturingIO()
    await runCli(['metrics', '--data', 'data/demo', '--month', '2024-06', '--as-of', '2024-06-25', '--format', 'json'], json.io)
    const ranked = rankDepartments(JSON.parse(json.out())).map(d => d.dept)
    const section = flat.slice(flat.indexOf('六、部门综合排名'), flat.indexOf('七、与上月对比'))
    let at = 0
    for (const d of ranked) {
      const i = section.indexOf(d.replace(/\s+/g, ''), at)
      expect(i, d).toBeGreaterThanOrEqual(0)
      at = i
    }
    expect(hasUnmaskedNumber(text)).toBe(false)
  }, 360_000)

  it('writes every unit\'s 督办单 into one Word document that LibreOffice opens', async () => {
    requireSoffice()
    const out = mkdtempSync(join(tmpdir(), 'duban-notices-docx-'))
    const cap = capturingIO()
    expect(await runCli(['notices', '--data', 'data/demo', '--as-of', '2024-06-25', '--out', out, '--lang', 'en'], cap.io)).toBe(0)
    const units = cap.out().split('\n').filter(l => l.endsWith('.txt')).length
    expect(units).toBeGreaterThan(0)
    const pdf = toPdf(join(out, 'all.docx'), out)
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
    expect(info).toContain('(A4)')
    // A section per unit: each starts on a new page.
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThanOrEqual(units)
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
    expect(text.match(/Supervision Notice/g)?.length).toBe(units)
    expect(hasUnmaskedNumber(text)).toBe(false)
  }, 360_000)
})
