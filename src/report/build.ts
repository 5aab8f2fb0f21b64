import type { FontAssets } from './font/embed'
import type { ReportInput } from './types'
import { makeCtx } from './context'
import { embedFont } from './font/embed'
import { chinaDateTime, cnNumber, dateText, monthText } from './format'
import { html, join } from './html'
import { section } from './parts'
import { applications } from './sections/applications'
import { changes } from './sections/changes'
import { evaluations } from './sections/evaluations'
import { ledger } from './sections/ledger'
import { overview } from './sections/overview'
import { provenance } from './sections/provenance'
import { ranking } from './sections/ranking'
import { reduction } from './sections/reduction'
import { schedule } from './sections/schedule'
import { reportCss } from './style'
import { WATERMARK_CSS, watermarkLayer } from './watermark'
import { timed } from '../domain/timing'

export interface BuiltReport {
  html: string
  title: string
  /** Size of the embedded font data, 0 when no font was embedded. */
  fontBytes: number
  /** Characters on the page that no bundled font file covers (left to the viewer's fonts). */
  missingChars: string
}

/** The standard title of a month's bulletin. */
export function defaultTitle(input: Pick<ReportInput, 'current' | 'lang'>): string {
  const m = input.current
  const month = monthText(m.month ?? m.as_of.slice(0, 7), input.lang)
  return input.lang === 'zh'
    ? `关于${m.dept ?? ''}${month}政务服务改革工作推进情况的通报`
    : `Government-service reform${m.dept ? ` — ${m.dept}` : ''}: bulletin for ${month}`
}

const FONT_SLOT = '/*@font-face*/'
// The page carries no script and may load nothing from anywhere: fonts and charts are inline.
const CSP = 'default-src \'none\'; style-src \'unsafe-inline\'; font-src data:; img-src data:'

function decodeEntities(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-f]+|lt|gt|amp|quot|apos|nbsp);/gi, (_, e: string) => {
    const k = e.toLowerCase()
    if (k.startsWith('#x'))
      return String.fromCodePoint(Number.parseInt(k.slice(2), 16))
    if (k.startsWith('#'))
      return String.fromCodePoint(Number(k.slice(1)))
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: '\'', nbsp: '\u00A0' } as Record<string, string>)[k]!
  })
}

const textOf = (fragment: string) => decodeEntities(fragment.replace(/<[^>]*>/g, ''))

// Elements the style sheet sets in bold; their text also goes into the bold face.
const BOLD = /<(h[1-3]|th|dt|caption)\b[^>]*>([\s\S]*?)<\/\1>|<(\w+)\b[^>]*class="[^"]*\b(?:masthead|kpi-value|tone-bad)\b[^"]*"[^>]*>([\s\S]*?)<\/\3>/g

const withoutHead = (page: string) => page.replace(/<style\b[\s\S]*?<\/style>/g, '').replace(/<title>[\s\S]*?<\/title>/, '')

/** The text a reader sees: body text and chart labels, tags removed, entities decoded. */
export function visibleText(page: string): string {
  return textOf(withoutHead(page))
}

/** The characters a page draws, for the font subset: all of its text, and the bold text. */
export function pageText(page: string, extra = ''): { regular: string, bold: string } {
  const body = withoutHead(page)
  const bold = [...body.matchAll(BOLD)].map(m => textOf(m[2] ?? m[4] ?? '')).join('')
  // Digits and the page-label words are drawn by the print margin boxes.
  const regular = `${textOf(body)}${extra}0123456789第页共Pageof/ `
  return { regular, bold: `${bold}0123456789` }
}

/** The bulletin as one self-contained HTML file: no script, inline SVG charts, the font embedded. */
export async function buildReport(input: ReportInput, deps: { font?: FontAssets | null } = {}): Promise<BuiltReport> {
  const ctx = makeCtx(input)
  const m = input.current
  const title = input.title?.trim() || defaultTitle(input)
  const month = m.month ?? m.as_of.slice(0, 7)
  const issued = chinaDateTime(input.generatedAt).slice(0, 10)
  const parts: Array<[string, string, string, (c: typeof ctx) => ReturnType<typeof html>]> = [
    ['overview', '总体情况', 'Overall situation', overview],
    ['schedule', '配档表任务推进情况', 'Progress of the task schedule', schedule],
    ['reduction', '“一件事”减材料、减时限、减环节情况', 'Bundles against the reduction targets', reduction],
    ['applications', '办件时效情况', 'Application timeliness', applications],
    ['evaluations', '好差评及差评“1、5、15”处置情况', 'Evaluations and the 1-5-15 rule', evaluations],
    ['ranking', '部门综合排名', 'Department ranking', ranking],
    ['changes', '与上月对比', 'Changes against the previous month', changes],
  ]
  if (input.ledger !== undefined)
    parts.push(['ledger', '督办台账（销号情况）', 'Ledger since the last review', ledger])
  const sections = parts.map(([id, zh, en, render], i) =>
    section(ctx.t(`${cnNumber(i + 1)}、`, `${i + 1}. `), id, ctx.t(zh, en), render(ctx)))
  // The bulletin is the page's main content (a landmark for screen readers; axe: landmark-one-main).
  const body = html`<main><article class="page">
<header>
<div class="masthead">${ctx.t('政务服务改革督办通报', 'Government-Service Reform Bulletin')}</div>
<div class="docno"><span>${input.issuer}</span><span>${ctx.t(`${month.slice(0, 4)}年第${Number(month.slice(5))}期`, `No. ${month}`)}</span><span>${dateText(issued, ctx.lang)}</span></div>
<hr class="redline">
<h1>${title}</h1>
<p class="subtitle">${ctx.t(`统计月份：${monthText(month, 'zh')}\u3000评估日期：${dateText(m.as_of, 'zh')}${m.dept ? `\u3000部门：${m.dept}` : ''}`, `Month: ${monthText(month, 'en')} · review date ${m.as_of}${m.dept ? ` · department: ${m.dept}` : ''}`)}</p>
</header>
${sections}
<div class="issuer">${input.issuer}<br>${dateText(issued, ctx.lang)}</div>
<footer class="appendix">
<h2>${ctx.t('附：数据来源与口径', 'Appendix: data sources and rules')}</h2>
${provenance(ctx)}
</footer>
</article></main>`
  const head = html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="duban">
<title>${title}</title>`
  const css = `${reportCss(title, ctx.lang)}${input.watermark ? WATERMARK_CSS : ''}`
  let page = `<!doctype html>
<html lang="${ctx.t('zh-CN', 'en')}">
<head>
${head}
<style>${FONT_SLOT}${css}</style>
</head>
<body>
${join([watermarkLayer(input.watermark), body])}
</body>
</html>
`
  let fontBytes = 0
  let missingChars = ''
  if (deps.font) {
    const font = await timed('font', () => embedFont(deps.font!, pageText(page, title)))
    page = page.replace(FONT_SLOT, `${font.css}\n`)
    fontBytes = font.bytes
    missingChars = font.missing
  }
  else {
    page = page.replace(FONT_SLOT, '')
  }
  return { html: page, title, fontBytes, missingChars }
}
