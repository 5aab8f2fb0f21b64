import type { FontAssets } from './font/embed'
import type { ReportLang } from './types'
import { pageText } from './build'
import { embedFont } from './font/embed'
import { chinaDateTime, dateText, monthText } from './format'
import { html, join } from './html'
import { reportCss } from './style'

/** What a month's folder records about its bulletin (`report.json`), for the index. */
export interface PublishedMonth {
  month: string
  title: string
  issuer: string
  as_of: string
  dept: string | null
  generated_at: string
  lang: ReportLang
  /** File names in the month's folder besides index.html, e.g. a PDF. */
  files: string[]
}

export const MONTH_DIR = /^\d{4}-(?:0[1-9]|1[0-2])$/

/** The report index: every published month, newest first, each linking its folder. */
export async function buildIndex(months: PublishedMonth[], lang: ReportLang, deps: { font?: FontAssets | null } = {}): Promise<string> {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en)
  const sorted = [...months].sort((a, b) => b.month.localeCompare(a.month))
  const title = t('政务服务改革督办通报 · 目录', 'Government-service reform bulletins')
  const rows = sorted.map(m => html`<tr>
<td><a href="${m.month}/index.html">${monthText(m.month, lang)}</a></td>
<td><a href="${m.month}/index.html">${m.title}</a>${m.files.filter(f => f.endsWith('.pdf')).map(f => html` · <a href="${m.month}/${f}">PDF</a>`)}</td>
<td>${m.issuer}</td>
<td>${dateText(m.as_of, lang)}</td>
<td>${m.generated_at ? chinaDateTime(m.generated_at) : '—'}</td></tr>`)
  // The bulletin is the page's main content (a landmark for screen readers; axe: landmark-one-main).
  const body = html`<main><article class="page">
<div class="masthead">${t('政务服务改革督办通报', 'Government-Service Reform Bulletin')}</div>
<hr class="redline">
<h1>${t('已发布通报', 'Published bulletins')}</h1>
<table class="data index">
<thead><tr><th>${t('月份', 'Month')}</th><th>${t('标题', 'Title')}</th><th>${t('发布单位', 'Issuer')}</th><th>${t('评估日期', 'Review date')}</th><th>${t('生成时间', 'Generated')}</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td class="empty" colspan="5">${t('尚无通报。', 'Nothing published yet.')}</td></tr>`}</tbody>
</table>
</article></main>`
  let page = `<!doctype html>
<html lang="${t('zh-CN', 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
${join([html`<title>${title}</title>`])}
<style>/*@font-face*/${reportCss(title, lang)}</style>
</head>
<body>
${join([body])}
</body>
</html>
`
  const font = deps.font ? await embedFont(deps.font, pageText(page, title)) : null
  page = page.replace('/*@font-face*/', font ? `${font.css}\n` : '')
  return page
}
