import type { FontAssets } from '../font/embed'
import type { SfntSubsetter } from '../font/hb-subset'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { warmFont } from '../font/embed'
import { harfbuzzSubsetter } from '../font/hb-subset'
import { sfntToWoff } from '../font/sfnt'

const require = createRequire(import.meta.url)

let assets: FontAssets | null | undefined
let subsetter: Promise<SfntSubsetter> | undefined
let wasm: string

/**
 * The report font in Node: Noto Sans SC from the @fontsource package, subset with
 * HarfBuzz (harfbuzzjs's WebAssembly build) and wrapped as WOFF — the same code the
 * browser runs, so the command line and the app publish the same bytes. One instance per
 * process, so decoded source fonts are reused across the month page and the index.
 * Null when the packages are missing: the report then renders with the viewer's fonts.
 */
export function nodeFontAssets(): FontAssets | null {
  if (assets !== undefined)
    return assets
  let root: string
  try {
    root = dirname(require.resolve('@fontsource/noto-sans-sc/unicode.json'))
    wasm = require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')
  }
  catch {
    return assets = null
  }
  return assets = {
    read: async path => new Uint8Array(await readFile(join(root, path))),
    subset: async (sfnt, text) => ({ data: await sfntToWoff((await hbSubsetter())(sfnt, text)), format: 'woff' }),
  }
}

function hbSubsetter(): Promise<SfntSubsetter> {
  subsetter ??= readFile(wasm).then(b => harfbuzzSubsetter(new Uint8Array(b)))
  return subsetter
}

/**
 * Decodes the main faces and compiles HarfBuzz now, off the page's path (`duban report`
 * starts it while the engine reads the data). Never fails: a failure shows where the font
 * is used, as without this.
 */
export function warmNodeFont(): void {
  const font = nodeFontAssets()
  if (font)
    Promise.all([warmFont(font), hbSubsetter()]).catch(() => {})
}
