import { CHART_FONT } from './charts'
import { cssString } from './html'
import { STATUS_STYLE } from '../domain/format/status'

/**
 * The bulletin's style sheet: a sheet of A4 paper on screen; in print, A4 pages with the
 * title as a running header and "第 n 页 / 共 N 页" at the foot (CSS page-margin boxes,
 * which Chromium draws in the page's own font), tables whose header rows repeat.
 */
export function reportCss(runningHeader: string, lang: 'zh' | 'en'): string {
  const pageLabel = lang === 'zh'
    ? '"第 " counter(page) " 页 / 共 " counter(pages) " 页"'
    : '"Page " counter(page) " of " counter(pages)'
  const lights = Object.entries(STATUS_STYLE).map(([s, st]) =>
    `.s-${s}{color:${st.text}}.s-${s}::before{background:${st.color}}`).join('\n')
  return `
:root{--red:#c8161d;--ink:#1f2329;--muted:#5b6470;--line:#cfd4db;--head:#f2f4f7;--good:#1f6b3a;--bad:#a8071a}
*{box-sizing:border-box}
html{background:#e9ecf0;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;color:var(--ink);font-family:${CHART_FONT};font-size:10.5pt;line-height:1.7}
.page{max-width:210mm;margin:16px auto;background:#fff;padding:18mm 17mm;box-shadow:0 1px 4px rgba(0,0,0,.15)}
.masthead{text-align:center;color:var(--red);font-size:24pt;font-weight:700;letter-spacing:.12em;line-height:1.3;margin:0 0 6mm}
.docno{display:flex;justify-content:space-between;font-size:10.5pt;color:var(--ink)}
.redline{border:0;border-top:2.5px solid var(--red);margin:2mm 0 8mm}
h1{font-size:17pt;text-align:center;margin:0 0 2mm;line-height:1.45}
.subtitle{text-align:center;color:var(--muted);margin:0 0 7mm}
h2{font-size:13pt;margin:7mm 0 2mm;break-after:avoid;page-break-after:avoid}
h3{font-size:11pt;margin:4mm 0 1.5mm;break-after:avoid;page-break-after:avoid}
p{margin:0 0 2.5mm;text-align:justify}
html[lang^=zh] p{text-indent:2em}
html p.note{text-indent:0;color:var(--muted);font-size:9pt}
small{color:var(--muted);font-size:8.5pt}
table{width:100%;border-collapse:collapse;font-size:9pt;line-height:1.5;margin:1.5mm 0 4mm}
caption{caption-side:top;text-align:left;font-weight:700}
th,td{border:1px solid var(--line);padding:2px 5px;vertical-align:top;text-align:left}
th{background:var(--head);font-weight:700}
.num{text-align:right;white-space:nowrap}
thead{display:table-header-group}
tr{break-inside:avoid;page-break-inside:avoid}
td.empty{color:var(--muted);text-align:center}
table.compact{width:auto;min-width:55%}
table.counts th{font-weight:400;white-space:normal;text-align:center}table.counts th:last-child{white-space:nowrap}table.counts td{text-align:center}
table.ranking td:nth-child(2),table.ledger td:nth-child(1),table.ledger td:nth-child(3){white-space:nowrap}
table.ledger td:nth-child(2){min-width:7em}
table.index td:nth-child(1),table.index td:nth-child(4),table.index td:nth-child(5){white-space:nowrap}
table.with-total tbody tr:last-child td{background:#f6f7f9}
table.ledger td:nth-child(5){max-width:40mm;word-break:break-all}
table.files td:last-child{font-size:7pt;word-break:break-all}
code{font-family:${CHART_FONT}}
.light{white-space:nowrap}
.light::before{content:"";display:inline-block;width:.75em;height:.75em;border-radius:50%;margin-right:.3em;vertical-align:-.05em}
.s-overdue::before{border-radius:1px}
.s-due_soon::before{border-radius:0;clip-path:polygon(50% 0,100% 100%,0 100%)}
${lights}
.tone-good{color:var(--good)}.tone-bad{color:var(--bad);font-weight:700}.tone-flat{color:var(--muted)}
.kpis{display:grid;grid-template-columns:repeat(3,1fr);gap:3mm;margin:3mm 0 2mm}
.kpi{border:1px solid var(--line);border-radius:4px;padding:2.5mm 3mm;break-inside:avoid}
.kpi-label{font-size:9pt;color:var(--muted)}
.kpi-value{font-size:17pt;font-weight:700;line-height:1.3}
.kpi-value small{font-size:9pt;font-weight:400;margin-left:.3em}
.kpi-change{font-size:8.5pt}
figure.chart{margin:2mm 0 4mm;break-inside:avoid;page-break-inside:avoid;text-align:center}
figure.chart svg{max-width:100%;height:auto}
figcaption{font-size:9pt;color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:1mm 4mm;font-size:9pt;margin:2mm 0 3mm}
dl.facts dt{font-weight:700}dl.facts dd{margin:0}
.issuer{text-align:right;margin-top:8mm;line-height:1.8}
footer.appendix{margin-top:10mm;border-top:1px solid var(--line);padding-top:2mm}
@page{size:A4;margin:18mm 16mm 18mm;
  @top-center{content:${cssString(runningHeader)};font-family:${CHART_FONT};font-size:8.5pt;color:#6b7280}
  @bottom-center{content:${pageLabel};font-family:${CHART_FONT};font-size:9pt;color:#374151}}
@page:first{@top-center{content:none}}
@media print{html{background:none}.page{margin:0;padding:0;box-shadow:none;max-width:none}a{color:inherit;text-decoration:none}}
`
}
