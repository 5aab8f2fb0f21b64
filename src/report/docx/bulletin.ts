import type { ReportLang } from '../types'
import { escapeHtml } from '../../domain/text/escape'
import { contentOf, fontNote, noteParagraph, officialDocx, officialSection } from './official'

/** SVG → PNG bytes at the given CSS pixel size; the command line uses Chromium, the browser a canvas. */
export type Rasterizer = (svgs: Array<{ svg: string, width: number, height: number }>) => Promise<Array<Uint8Array | null>>

export interface DocxOptions {
  lang: ReportLang
  title: string
  watermark?: string | null
  /** Without one (or when it fails for a chart), the chart is left out with a note pointing to its table. */
  rasterize?: Rasterizer | null
}

const SVG = /<svg\b[^>]*>[\s\S]*?<\/svg>/g

function size(svg: string): { width: number, height: number } {
  const w = /\bwidth="(\d+(?:\.\d+)?)"/.exec(svg)
  const h = /\bheight="(\d+(?:\.\d+)?)"/.exec(svg)
  return { width: Number(w?.[1] ?? 640), height: Number(h?.[1] ?? 300) }
}

/**
 * The page's article with its SVG charts swapped for PNG images (or a note when no PNG
 * could be made). The page was built by us, masked and escaped: only our own tags are
 * rewritten here.
 */
export async function withChartImages(page: string, lang: ReportLang, rasterize?: Rasterizer | null): Promise<{ html: string, images: Record<string, Uint8Array>, charts: number, drawn: number }> {
  const article = /<article\b[\s\S]*<\/article>/.exec(page)?.[0] ?? page
  const svgs = [...article.matchAll(SVG)].map(m => m[0])
  const shapes = svgs.map(svg => ({ svg, ...size(svg) }))
  let pngs: Array<Uint8Array | null> = svgs.map(() => null)
  if (rasterize && svgs.length) {
    try {
      pngs = await rasterize(shapes)
    }
    catch {
      pngs = svgs.map(() => null)
    }
  }
  const images: Record<string, Uint8Array> = {}
  let i = 0
  const html = article.replace(SVG, (svg) => {
    const k = i++
    const png = pngs[k]
    const label = /aria-label="([^"]*)"/.exec(svg)?.[1] ?? ''
    if (!png) {
      return `<p class="note">${escapeHtml(lang === 'zh' ? '（图表未能转为图片，数据见本节表格及网页版通报。）' : '(This chart could not be drawn as an image; its figures are in the section\'s table and the HTML bulletin.)')}</p>`
    }
    const name = `chart-${k + 1}.png`
    images[name] = png
    const { width, height } = shapes[k]!
    // The label is already escaped inside the SVG's attribute.
    return `<img src="${name}" alt="${label}" width="${width}" height="${height}">`
  })
  return { html, images, charts: svgs.length, drawn: Object.keys(images).length }
}

/**
 * The bulletin as a Word document in the official layout (GB/T 9704): the same HTML the
 * bulletin publishes — masked and escaped already — converted by docx's HTML reader into the
 * document's own styles, charts as PNG images.
 */
export async function bulletinDocx(page: string, o: DocxOptions): Promise<{ bytes: Uint8Array, charts: number, drawn: number }> {
  const { html, images, charts, drawn } = await withChartImages(page, o.lang, o.rasterize)
  const children = [...contentOf(html, images), noteParagraph(fontNote(o.lang))]
  const bytes = await officialDocx([officialSection(children, o.watermark)], { title: o.title, description: fontNote(o.lang) })
  return { bytes, charts, drawn }
}
