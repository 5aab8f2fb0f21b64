import type { Analysis } from '../metrics/analysis'
import type { BuiltReport } from './build'
import type { FontAssets } from './font/embed'
import type { PublishedMonth } from './site'
import type { ReportLang } from './types'
import JSZip from 'jszip'
import { buildReport } from './build'
import { gatherReport, provenanceOf } from './gather'
import { buildIndex } from './site'
import { timed } from '../domain/timing'

export interface PublishOptions {
  month: string
  asOf: string
  /** The data's last day (dataSpan), for the previous month's review date. */
  dataEnd?: string | null
  dept?: string | null
  bundle?: string | null
  region?: string | null
  channel?: string | null
  issuer: string
  title?: string | null
  lang: ReportLang
  /** Named in the provenance block, e.g. `duban 0.1.0（命令行）`. */
  generator: string
  generatedAt: string
  font: FontAssets | null
  watermark?: string | null
}

export const DEFAULT_ISSUER: Record<ReportLang, string> = {
  zh: '政务服务改革工作领导小组办公室',
  en: 'Office of the Government-Service Reform Leading Group',
}

/** One month's bulletin from a loaded data set, with the metadata its folder records. */
export async function publishMonth(analysis: Analysis, o: PublishOptions): Promise<{ built: BuiltReport, meta: PublishedMonth }> {
  const data = await timed('gather', () => gatherReport(analysis, { month: o.month, asOf: o.asOf, dataEnd: o.dataEnd ?? null, dept: o.dept ?? null, bundle: o.bundle ?? null, region: o.region ?? null, channel: o.channel ?? null }))
  const built = await timed('build', () => buildReport({
    ...data,
    provenance: provenanceOf(analysis.dataset, o.generator),
    issuer: o.issuer,
    title: o.title ?? null,
    generatedAt: o.generatedAt,
    lang: o.lang,
    watermark: o.watermark ?? null,
  }, { font: o.font }))
  const meta: PublishedMonth = {
    month: o.month,
    title: built.title,
    issuer: o.issuer,
    as_of: o.asOf,
    dept: o.dept ?? null,
    generated_at: o.generatedAt,
    lang: o.lang,
    files: [],
  }
  return { built, meta }
}

/** The static site as a zip: `index.html` listing the months, `<YYYY-MM>/index.html` and its `report.json`. */
export async function siteZip(pages: Array<{ meta: PublishedMonth, html: string }>, lang: ReportLang, font: FontAssets | null): Promise<Uint8Array> {
  const zip = new JSZip()
  for (const p of pages) {
    zip.file(`${p.meta.month}/index.html`, p.html)
    zip.file(`${p.meta.month}/report.json`, `${JSON.stringify(p.meta, null, 2)}\n`)
  }
  zip.file('index.html', await buildIndex(pages.map(p => p.meta), lang, { font }))
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}
