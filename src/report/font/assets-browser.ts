import type { FontAssets } from './embed'
import cs400 from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff?url'
import cs700 from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-700-normal.woff?url'
import c102w400 from '@fontsource/noto-sans-sc/files/noto-sans-sc-102-400-normal.woff?url'
import c102w700 from '@fontsource/noto-sans-sc/files/noto-sans-sc-102-700-normal.woff?url'
import c109w400 from '@fontsource/noto-sans-sc/files/noto-sans-sc-109-400-normal.woff?url'
import c109w700 from '@fontsource/noto-sans-sc/files/noto-sans-sc-109-700-normal.woff?url'
import unicodeJson from '@fontsource/noto-sans-sc/unicode.json?url'
import hbWasm from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url'
import { harfbuzzSubsetter } from './hb-subset'
import { sfntToWoff } from './sfnt'

// Only the files the report's own words need ship with the app: the ≈8,000-character
// main face and the two range files holding → ≥ ▲. A rarer character in the data is drawn
// by the viewer's fonts (the command line, which has every file, embeds it).
const URLS: Record<string, string> = {
  'files/noto-sans-sc-chinese-simplified-400-normal.woff': cs400,
  'files/noto-sans-sc-chinese-simplified-700-normal.woff': cs700,
  'files/noto-sans-sc-102-400-normal.woff': c102w400,
  'files/noto-sans-sc-102-700-normal.woff': c102w700,
  'files/noto-sans-sc-109-400-normal.woff': c109w400,
  'files/noto-sans-sc-109-700-normal.woff': c109w700,
  'unicode.json': unicodeJson,
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const r = await fetch(url)
  if (!r.ok)
    throw new Error(`${r.status} ${url}`)
  return new Uint8Array(await r.arrayBuffer())
}

let assets: FontAssets | undefined

/** The report font in the browser: same subsetter as the command line, files fetched from the app's own origin. */
export function browserFontAssets(): FontAssets {
  let subsetter: ReturnType<typeof harfbuzzSubsetter> | undefined
  return assets ??= {
    read: async (path) => {
      const url = URLS[path]
      if (!url)
        throw new Error(`not bundled: ${path}`)
      return fetchBytes(url)
    },
    subset: async (sfnt, text) => {
      subsetter ??= fetchBytes(hbWasm).then(harfbuzzSubsetter)
      return { data: await sfntToWoff((await subsetter)(sfnt, text)), format: 'woff' }
    },
  }
}
