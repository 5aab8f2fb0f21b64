import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { nodeFontAssets } from '../../src/report/node/font'
import { embedFont, unicodeRange } from '../../src/report/font/embed'
import { harfbuzzSubsetter } from '../../src/report/font/hb-subset'
import { cmapCoverage, isWoff, sfntToWoff, woffToSfnt } from '../../src/report/font/sfnt'

const require = createRequire(import.meta.url)
const MAIN = require.resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff')
const WASM = require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')
const codes = (s: string) => new Set([...s].map(c => c.codePointAt(0)!))

describe('WOFF and sfnt', () => {
  it('round-trips the fontsource face and reads its character map', async () => {
    const woff = new Uint8Array(readFileSync(MAIN))
    expect(isWoff(woff)).toBe(true)
    const sfnt = await woffToSfnt(woff)
    const again = await woffToSfnt(await sfntToWoff(sfnt))
    expect(Buffer.from(again).equals(Buffer.from(sfnt))).toBe(true)
    const cover = cmapCoverage(sfnt)
    expect(cover.size).toBeGreaterThan(7000)
    for (const c of '督办通报一、二A9%（）“”')
      expect(cover.has(c.codePointAt(0)!)).toBe(true)
    // Not in this face: the report takes such characters from fontsource's range files.
    expect(cover.has(0x2192)).toBe(false)
  })

  it('writes unicode-range as exact ranges', () => {
    expect(unicodeRange([0x41, 0x42, 0x43, 0x4E00, 0x4E02, 0x4E01, 0x41])).toBe('U+41-43,U+4e00-4e02')
    expect(unicodeRange([0x20])).toBe('U+20')
  })
})

describe('subsetting', () => {
  it('keeps exactly the requested characters (HarfBuzz in WebAssembly, as in the browser)', async () => {
    const sfnt = await woffToSfnt(new Uint8Array(readFileSync(MAIN)))
    const subset = await harfbuzzSubsetter(new Uint8Array(readFileSync(WASM)))
    const text = '关于2024年10月政务服务改革工作推进情况的通报'
    const out = subset(sfnt, text)
    expect(out.byteLength).toBeLessThan(sfnt.byteLength / 50)
    expect(cmapCoverage(out)).toEqual(codes(text))
  })

  it('embeds regular and bold faces, taking characters the main face lacks from range files', async () => {
    const font = await embedFont(nodeFontAssets()!, { regular: '材料 10→3 件 ≥60%', bold: '一、总体情况' })
    const faces = font.css.match(/@font-face\{[^}]*\}/g)!
    expect(faces.length).toBe(4)
    expect(faces.filter(f => f.includes('font-weight:700'))).toHaveLength(1)
    expect(font.css).toMatch(/unicode-range:U\+2192\}/)
    expect(font.css).toMatch(/unicode-range:U\+2265\}/)
    expect(font.missing).toBe('')
    expect(font.bytes).toBeLessThan(12_000)
  })

  it('reports characters no bundled file has', async () => {
    const font = await embedFont(nodeFontAssets()!, { regular: '好✔', bold: '' })
    expect(font.missing).toBe('✔')
  })
})
