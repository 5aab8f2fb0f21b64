import type { Row } from '../../../metrics/db/types'
import type { Prerender, PrerenderHead } from '../format'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chinaToday } from '../../../domain/dates/month'
import { withDefaults } from '../../../domain/settings'
import { ingestFiles } from '../../../ingest'
import { planYearOf } from '../../../ingest/dataset/span'
import { Analysis } from '../../../metrics/analysis'
import { schemaSql } from '../../../metrics/schema'
import { openWasmNodeDb } from '../../../engine/node/wasm'
import { loadSqlFilesNode } from '../../../engine/node/sql-files'
import { measureBytes } from '../../budget'
import { answerLine, exact } from '../../warm-start/answer-lines'
import { headOf } from '../../warm-start/head'
import { inputsKey } from '../../warm-start/key'
import { readFirstPage } from '../first-page'

/** The files of an embedded data set as the app bundles them (embedded.ts): by name, in order. */
const DATA_FILE = /\.(csv|tsv|parquet)$/

/**
 * The first page of the embedded data set in `dir` (data/<id>/), as a visit with the default
 * settings and no added calendar year would draw it on `today`: the data set decoded by the
 * app's own reader, and the overview's answers from DuckDB-WASM — the browser's engine.
 */
export async function makePrerender(dir: string, today = chinaToday()): Promise<Prerender> {
  const meta = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) as { plan_year?: number, as_of?: string }
  const files = readdirSync(dir).filter(n => DATA_FILE.test(n)).sort().map(name => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }))
  const measured = files.map(f => measureBytes(f.bytes, f.name))
  const dataset = await (await ingestFiles(files, { plan: { plan_year: meta.plan_year, as_of: meta.as_of } })).dataset
  const head = headOf(dataset, measured)
  const settings = withDefaults()
  const fallbackYear = planYearOf(head.summary.span, today)
  const sql = loadSqlFilesNode()
  const answers = new Map<string, Row[]>()
  const db = await openWasmNodeDb()
  try {
    const a = await Analysis.open(db, dataset, sql, settings, fallbackYear, [], { get: () => undefined, keep: (k, rows) => answers.set(k, rows) })
    await readFirstPage(a, head.summary.span, meta.as_of ?? null, today)
    const out: PrerenderHead = {
      ...head,
      inputs: await inputsKey(settings, fallbackYear, [], sql, schemaSql()),
      counts: Object.fromEntries(head.lazy.map(t => [t, dataset.tables[t as keyof typeof dataset.tables].rows.length])),
      coverage: a.coverageIssues,
    }
    return {
      head: JSON.stringify(out),
      answers: [...answers].filter(([, rows]) => exact(rows)).map(([k, rows]) => answerLine(k, JSON.stringify(rows))).join('\n'),
    }
  }
  finally {
    await db.close()
  }
}
