import { cmapCoverage, woffToSfnt } from './sfnt'

/**
 * Embeds Noto Sans SC (SIL Open Font License 1.1, from @fontsource/noto-sans-sc) into a
 * report, cut down to exactly the characters the page uses, so the report looks the same
 * on a machine without any Chinese font and stays small. The main source is fontsource's
 * "chinese-simplified" face (≈8,000 characters including Latin); a character it lacks is
 * taken from the unicode-range file that has it, as one more face of the same family.
 */

export const REPORT_FONT_FAMILY = 'Duban Noto Sans SC'

export interface FontAssets {
  /** A file of the @fontsource/noto-sans-sc package by its path, e.g. `files/….woff` or `unicode.json`. */
  read: (path: string) => Promise<Uint8Array>
  /** Cuts an sfnt font down to the glyphs of `text`; the result is embedded as is. */
  subset: (sfnt: Uint8Array, text: string) => Promise<{ data: Uint8Array, format: 'woff2' | 'woff' }>
}

export interface EmbeddedFont {
  css: string
  /** Bytes of the embedded font data (before base64), for the report's size budget. */
  bytes: number
  /** Characters no bundled file has: left to the viewer's fonts. */
  missing: string
}

type Weight = 400 | 700

const mainFile = (w: Weight) => `files/noto-sans-sc-chinese-simplified-${w}-normal.woff`
const chunkFile = (key: string, w: Weight) => `files/noto-sans-sc-${key.replace(/[[\]]/g, '')}-${w}-normal.woff`

function parseRanges(spec: string): Array<[number, number]> {
  return spec.split(',').map((r) => {
    const [a, b] = r.trim().replace(/^U\+/i, '').split('-')
    return [Number.parseInt(a!, 16), Number.parseInt(b ?? a!, 16)] as [number, number]
  })
}

/** `U+4e00-4e01,U+4e03` for a set of code points: the exact characters a face carries. */
export function unicodeRange(codes: Iterable<number>): string {
  const sorted = [...new Set(codes)].sort((a, b) => a - b)
  const out: string[] = []
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1)
      i++
    const end = sorted[i]!
    out.push(start === end ? `U+${start.toString(16)}` : `U+${start.toString(16)}-${end.toString(16)}`)
  }
  return out.join(',')
}

function base64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

const cache = new WeakMap<FontAssets, Map<string, Promise<{ sfnt: Uint8Array, covers: Set<number> } | null>>>()

/** A source face, decoded once per asset provider; null when the provider does not have it. */
function face(assets: FontAssets, path: string) {
  let m = cache.get(assets)
  if (!m)
    cache.set(assets, m = new Map())
  let f = m.get(path)
  if (!f) {
    f = assets.read(path).then(async (woff) => {
      const sfnt = await woffToSfnt(woff)
      return { sfnt, covers: cmapCoverage(sfnt) }
    }, () => null)
    m.set(path, f)
  }
  return f
}

/**
 * Decodes the two main faces ahead of the page (the command line does it while the data
 * loads): embedFont then finds them ready. A face that fails fails embedFont as before.
 */
export async function warmFont(assets: FontAssets): Promise<void> {
  await Promise.all([face(assets, mainFile(400)), face(assets, mainFile(700))])
}

async function weightFaces(assets: FontAssets, text: string, weight: Weight, chunks: Array<[string, Array<[number, number]>]>) {
  const codes = [...new Set([...text].map(c => c.codePointAt(0)!))].filter(c => c >= 0x20)
  const main = await face(assets, mainFile(weight))
  const plan = new Map<string, number[]>()
  const missing: number[] = []
  for (const c of codes) {
    let path: string | undefined
    if (main?.covers.has(c)) {
      path = mainFile(weight)
    }
    else {
      const key = chunks.find(([, rs]) => rs.some(([a, b]) => c >= a && c <= b))?.[0]
      if (key && (await face(assets, chunkFile(key, weight)))?.covers.has(c))
        path = chunkFile(key, weight)
    }
    if (path)
      plan.set(path, [...(plan.get(path) ?? []), c])
    else
      missing.push(c)
  }
  const faces: Array<{ css: string, bytes: number }> = []
  for (const [path, cs] of plan) {
    const src = (await face(assets, path))!
    const { data, format } = await assets.subset(src.sfnt, String.fromCodePoint(...cs))
    faces.push({
      bytes: data.byteLength,
      css: `@font-face{font-family:'${REPORT_FONT_FAMILY}';font-style:normal;font-weight:${weight};font-display:block;`
        + `src:url(data:font/${format};base64,${base64(data)}) format('${format}');unicode-range:${unicodeRange(cs)}}`,
    })
  }
  return { faces, missing }
}

/** @font-face rules for the regular text and the bold text of a page, fonts inline as data URLs. */
export async function embedFont(assets: FontAssets, text: { regular: string, bold: string }): Promise<EmbeddedFont> {
  let chunks: Array<[string, Array<[number, number]>]> = []
  try {
    const spec = JSON.parse(new TextDecoder().decode(await assets.read('unicode.json'))) as Record<string, string>
    chunks = Object.entries(spec).map(([k, v]) => [k, parseRanges(v)])
  }
  catch {
    // Without the range index only the main face is used; other characters fall back.
  }
  const regular = await weightFaces(assets, text.regular, 400, chunks)
  const bold = await weightFaces(assets, text.bold, 700, chunks)
  const faces = [...regular.faces, ...bold.faces]
  return {
    css: `/* Noto Sans SC — SIL Open Font License 1.1 — subset to this page's characters */\n${faces.map(f => f.css).join('\n')}`,
    bytes: faces.reduce((s, f) => s + f.bytes, 0),
    missing: String.fromCodePoint(...new Set([...regular.missing, ...bold.missing])),
  }
}
