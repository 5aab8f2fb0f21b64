import type { CliIO } from './main'
import { existsSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { FIGURE_OPTIONS, openReview } from './figures'
import { timed } from '../domain/timing'
import { printTrace, startTrace, tracing } from './trace'

export const REPORT_USAGE = `  duban report --data DIR --month YYYY-MM --out DIR [--as-of YYYY-MM-DD] [--dept NAME]
               [--issuer TEXT] [--title TEXT] [--pdf] [--docx] [--watermark TEXT] [--lang zh|en] [--calendar FILE]…
               [--table FILE=TABLE]… [--skip-unreadable]
                                       发布月度通报（静态 HTML，可选 PDF）/ publish the monthly bulletin
`

/**
 * The page's own modules (ECharts, the sections, the font): loaded, and the font decoded,
 * while the engine reads the data, rather than before it starts.
 */
async function renderingModules() {
  const [publish, site, font] = await Promise.all([import('../report/publish'), import('../report/node/site'), import('../report/node/font')])
  font.warmNodeFont()
  return { ...publish, ...site, ...font }
}

/** Exit code when --pdf was asked for and no Chromium is installed (the HTML is still written). */
export const EXIT_NO_BROWSER = 4

async function generatorName(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }
    return `duban ${pkg.version ?? ''}`.trim()
  }
  catch {
    return 'duban'
  }
}

/**
 * `duban report`: loads a data folder, computes the month (and the month before, for the
 * changes), writes `<out>/<YYYY-MM>/index.html` and rewrites `<out>/index.html` listing
 * every month folder in `out`; with --pdf, also `<out>/<YYYY-MM>/report.pdf`.
 * Exit codes: 0 ok, 2 usage, 3 data unreadable (a file refused by loadFigureData) or outside
 * the calendar (thrown to runCli),
 * 4 PDF asked for but no Chromium.
 */
export async function reportCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      issuer: { type: 'string' },
      title: { type: 'string' },
      pdf: { type: 'boolean', default: false },
      docx: { type: 'boolean', default: false },
      watermark: { type: 'string' },
      ...FIGURE_OPTIONS,
    },
  })
  const lang = values.lang === 'en' || values.lang === 'zh' ? values.lang : (io.env.DUBAN_LANG ?? '').startsWith('en') ? 'en' : 'zh'
  if (!values.data || !values.month || !values.out) {
    io.stderr(`duban report: --data, --month and --out are required\n\n${REPORT_USAGE}`)
    return 2
  }
  if (!/^\d{4}-(?:0[1-9]|1[0-2])$/.test(values.month)) {
    io.stderr(`--month 应为 YYYY-MM / --month must be YYYY-MM: ${values.month}\n`)
    return 2
  }
  const setAsOf = values['as-of']
  if (setAsOf !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(setAsOf) || setAsOf < `${values.month}-01`)) {
    io.stderr(`--as-of 应为 YYYY-MM-DD 且不早于该月 / --as-of must be YYYY-MM-DD, not before the month: ${setAsOf}\n`)
    return 2
  }
  const started = performance.now()
  const traceFrom = startTrace()
  const rendering = renderingModules()
  // Awaited below; a failure to load is reported there, not as an unhandled rejection meanwhile.
  rendering.catch(() => {})
  const figureArgs = { data: values.data, month: values.month, asOf: setAsOf, calendar: values.calendar, table: values.table, skipUnreadable: values['skip-unreadable'] }
  const review = await timed('open', () => openReview(figureArgs, io, lang))
  if (typeof review === 'number')
    return review
  const { analysis, asOf, dataEnd } = review
  const { DEFAULT_ISSUER, nodeFontAssets, publishMonth, writeIndex, writeMonth } = await rendering
  let published: Awaited<ReturnType<typeof publishMonth>>
  try {
    published = await publishMonth(analysis, {
      month: values.month,
      asOf,
      dataEnd,
      dept: values.dept ?? null,
      issuer: values.issuer ?? DEFAULT_ISSUER[lang],
      title: values.title ?? null,
      lang,
      generator: `${await generatorName()}${lang === 'zh' ? '（命令行）' : ' (command line)'}`,
      generatedAt: io.now().toISOString(),
      font: nodeFontAssets(),
      watermark: values.watermark ?? null,
    })
  }
  finally {
    await review.close()
  }
  const { built, meta } = published
  if (built.missingChars)
    io.stderr(`${lang === 'zh' ? '字体未覆盖的字符（由系统字体显示）' : 'characters not in the bundled font (left to system fonts)'}: ${built.missingChars}\n`)
  const html = built.html
  const file = await timed('write month', () => writeMonth(values.out!, meta, html))
  io.stdout(`${file}\n`)
  let code = 0
  const stalePdf = join(values.out, values.month, 'report.pdf')
  if (!values.pdf && existsSync(stalePdf)) {
    // A PDF of an earlier run would no longer match the page the index links it beside.
    await rm(stalePdf)
    io.stderr(`${lang === 'zh' ? '已删除旧的 PDF（本次未生成 PDF）' : 'removed the earlier PDF (none printed this time)'}: ${stalePdf}\n`)
  }
  if (values.pdf) {
    const { NoBrowserError, printPdf } = await import('../report/node/pdf')
    const pdfFile = join(values.out, values.month, 'report.pdf')
    try {
      await printPdf(html, pdfFile, { executablePath: io.env.CHROMIUM_PATH || undefined })
      io.stdout(`${pdfFile}\n`)
    }
    catch (e) {
      if (!(e instanceof NoBrowserError))
        throw e
      io.stderr(`${e.message}\n`)
      code = EXIT_NO_BROWSER
    }
  }
  const staleDocx = join(values.out, values.month, 'report.docx')
  if (!values.docx && existsSync(staleDocx))
    await rm(staleDocx)
  if (values.docx) {
    // The Word document is converted from the same page (masked and escaped), charts drawn by Chromium where installed.
    const [{ bulletinDocx }, { chromiumRasterizer }] = await Promise.all([import('../report/docx/bulletin'), import('../report/node/raster')])
    const docx = await bulletinDocx(html, { lang, title: built.title, watermark: values.watermark ?? null, rasterize: chromiumRasterizer(io.env) })
    const docxFile = join(values.out, values.month, 'report.docx')
    await writeFile(docxFile, docx.bytes)
    io.stdout(`${docxFile}\n`)
    if (docx.drawn < docx.charts)
      io.stderr(`${lang === 'zh' ? 'Word 文档中未能转为图片的图表' : 'charts left out of the Word document (no Chromium to draw them)'}: ${docx.charts - docx.drawn}\n`)
  }
  io.stdout(`${await timed('write index', () => writeIndex(values.out!, lang, nodeFontAssets()))}\n`)
  io.stderr(`${lang === 'zh' ? '用时' : 'took'} ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
  if (tracing(io)) {
    io.stderr(`trace: ${started.toFixed(0)} ms from the process's start to the command\n`)
    printTrace(io, traceFrom)
  }
  return code
}
