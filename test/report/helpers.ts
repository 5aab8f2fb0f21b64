import type { Analysis } from '../../src/metrics/analysis'
import type { Dataset } from '../../src/ingest/dataset/dataset'
import type { BuiltReport } from '../../src/report/build'
import type { FontAssets } from '../../src/report/font/embed'
import type { ReportInput, ReportLang } from '../../src/report/types'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { expect } from 'vitest'
import { buildReport } from '../../src/report/build'
import { gatherReport, provenanceOf } from '../../src/report/gather'
import { analysisOf, datasetFromDir, FIXTURES } from '../helpers/db'

export const GOLDEN = new URL('./golden/', import.meta.url).pathname
export const SAMPLE = `${FIXTURES}sample-2024-10`
export const GENERATED_AT = '2024-10-16T02:00:00.000Z'

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it (review the diff before committing). */
export function golden(name: string, actual: string) {
  const path = `${GOLDEN}${name}`
  if (process.env.UPDATE_GOLDEN || !existsSync(path))
    writeFileSync(path, actual)
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

/** What varies between runs and machines but not between reports: hashes and embedded font data. */
export function normalise(html: string): string {
  return html
    .replace(/\b[0-9a-f]{64}\b/g, '<sha256>')
    .replace(/base64,[A-Za-z0-9+/=]+/g, 'base64,<font>')
}

export async function sampleAnalysis(): Promise<{ ds: Dataset, analysis: Analysis }> {
  const ds = await datasetFromDir(SAMPLE)
  return { ds, analysis: await analysisOf(ds) }
}

export async function reportInput(analysis: Analysis, opts: { month?: string, asOf?: string, dept?: string | null, lang?: ReportLang, issuer?: string, title?: string | null } = {}): Promise<ReportInput> {
  const data = await gatherReport(analysis, { month: opts.month ?? '2024-10', asOf: opts.asOf ?? '2024-10-16', dept: opts.dept ?? null })
  return {
    ...data,
    provenance: provenanceOf(analysis.dataset, 'duban (test)'),
    issuer: opts.issuer ?? '示例区政务服务管理办公室',
    title: opts.title ?? null,
    generatedAt: GENERATED_AT,
    lang: opts.lang ?? 'zh',
  }
}

export async function build(analysis: Analysis, opts: Parameters<typeof reportInput>[1] = {}, font: FontAssets | null = null): Promise<BuiltReport> {
  return buildReport(await reportInput(analysis, opts), { font })
}
