import type { Dataset } from '../../src/ingest/dataset/dataset'
import type { Db } from '../../src/metrics/db/types'
import type { PrerenderHead } from '../../src/app/prerender/format'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { firstPageFits, firstPageLikely } from '../../src/app/prerender'
import { makePrerender } from '../../src/app/prerender/node/make'
import { AnswerFile } from '../../src/app/warm-start/answers'
import { rowsLater, rowsPending, whenRowsRead } from '../../src/app/warm-start/dataset-cache'
import { inputsKey } from '../../src/app/warm-start/key'
import { withDefaults } from '../../src/domain/settings'
import { ingestFiles } from '../../src/ingest'
import { capSpan, planYearOf } from '../../src/ingest/dataset/span'
import { Analysis } from '../../src/metrics/analysis'
import { previousReviewQuery, reviewOf } from '../../src/metrics/review'
import { schemaSql } from '../../src/metrics/schema'
import { openNativeDb } from '../../src/engine/node/native'
import { loadSqlFilesNode } from '../../src/engine/node/sql-files'

const TODAY = '2026-12-07'
const sql = loadSqlFilesNode()

/** The embedded data set in `dir` as the app decodes it. */
async function decode(dir: string): Promise<Dataset> {
  const meta = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) as { plan_year?: number, as_of?: string }
  const files = readdirSync(dir).filter(n => /\.(csv|tsv|parquet)$/.test(n)).sort().map(name => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }))
  return (await ingestFiles(files, { plan: { plan_year: meta.plan_year, as_of: meta.as_of } })).dataset
}

/** A Db that answers nothing: an Analysis on it can only answer from what was saved. */
const refusing: Db = {
  engine: 'duckdb-wasm',
  exec: () => Promise.reject(new Error('no engine')),
  query: sql => Promise.reject(new Error(`no engine for ${sql.slice(0, 60)}`)),
  insertCsv: () => Promise.reject(new Error('no engine')),
  close: async () => {},
}

describe('the build\'s first page (prerender/)', () => {
  let made: { head: PrerenderHead, answers: string }
  let decoded: Dataset
  let fresh: Analysis
  beforeAll(async () => {
    const p = await makePrerender('data/demo', TODAY)
    made = { head: JSON.parse(p.head) as PrerenderHead, answers: p.answers }
    decoded = await decode('data/demo')
    fresh = await Analysis.open(await openNativeDb(), decoded, sql, withDefaults(), planYearOf(made.head.summary.span, TODAY))
  }, 120_000)
  afterAll(() => fresh?.db.close())

  it('draws the overview from its answers alone, with the figures native DuckDB computes from the decoded files', async () => {
    const { head } = made
    const fallbackYear = planYearOf(head.summary.span, TODAY)
    const alone = Analysis.restoreInBackground(refusing, head.dataset, sql, withDefaults(), fallbackYear, [], async () => {}, AnswerFile.parse([], made.answers), head.coverage)
    // The overview with no filter: the review on the data's last day, and the month before.
    const last = capSpan(head.summary.span, TODAY)!.last
    const q = reviewOf({ month: null, asOf: null, dataEnd: last, dept: null, bundle: null, region: null, channel: null })!.query
    const prev = previousReviewQuery(q, last)
    expect(await alone.metrics(q)).toEqual(await fresh.metrics(q))
    expect(await alone.metrics(q, ['schedule'])).toEqual(await fresh.metrics(q, ['schedule']))
    const parts = ['schedule', 'evaluations', 'applications'] as const
    expect(await alone.metrics(prev, parts)).toEqual(await fresh.metrics(prev, parts))
    expect(await alone.reviewRows('open_cases', q)).toEqual(await fresh.reviewRows('open_cases', q))
    expect((await fresh.reviewRows('open_cases', q)).length).toBeGreaterThan(0)
    // Anything else is not in it: another month goes to the engine.
    await expect(alone.metrics({ ...q, month: '2024-06' })).rejects.toThrow(/no engine/)
    // Its coverage issues are the decoded data set's.
    expect(head.coverage).toEqual(fresh.coverageIssues)
  })

  it('holds the data set without its big tables\' rows, and the inputs it was computed under', async () => {
    const { head } = made
    expect(head.lazy.sort()).toEqual(['applications', 'evaluations'])
    for (const t of head.lazy) {
      expect(head.dataset.tables[t as keyof Dataset['tables']].rows).toEqual([])
      expect(head.counts[t]).toBe(decoded.tables[t as keyof Dataset['tables']].rows.length)
    }
    expect(head.dataset.tables.tasks.rows).toEqual(decoded.tables.tasks.rows)
    expect(head.dataset.issues).toEqual(decoded.issues)
    const fallbackYear = planYearOf(head.summary.span, TODAY)
    expect(head.inputs).toBe(await inputsKey(withDefaults(), fallbackYear, [], sql, schemaSql()))
    // A visit with another setting, year or calendar has other inputs: it uses none of the page.
    expect(await inputsKey(withDefaults({ contactDays: 3 }), fallbackYear, [], sql, schemaSql())).not.toBe(head.inputs)
    expect(await inputsKey(withDefaults(), fallbackYear + 1, [], sql, schemaSql())).not.toBe(head.inputs)
    expect(await inputsKey(withDefaults(), fallbackYear, [], { ...sql, task_status: `${sql.task_status} ` }, schemaSql())).not.toBe(head.inputs)
  })

  it('gives the head its big tables\' rows once the files are decoded, and refuses files that do not match', async () => {
    const head = structuredClone(made.head)
    let decodedNow: (ds: Dataset) => void = () => {}
    rowsLater(head, head.counts, new Promise<Dataset>(r => (decodedNow = r)))
    expect(rowsPending(head.dataset)).toBe(true)
    expect(() => head.dataset.tables.applications.rows).toThrow(/before the files were decoded/)
    decodedNow(decoded)
    await whenRowsRead(head.dataset)
    expect(rowsPending(head.dataset)).toBe(false)
    expect(head.dataset.tables.applications.rows).toBe(decoded.tables.applications.rows)
    expect(JSON.stringify(head.dataset)).toBe(JSON.stringify(decoded))

    const other = structuredClone(made.head)
    rowsLater(other, { ...other.counts, evaluations: other.counts.evaluations! + 1 }, Promise.resolve(decoded))
    await expect(whenRowsRead(other.dataset)).rejects.toThrow(/do not match the build's first page \(evaluations\)/)
  })
})

describe('which visit draws from the build\'s first page', () => {
  const made = { demo: { head: 'h.json', answers: 'a.txt' } }
  it('the overview with no review date or filter set, of a data set the build made one for', () => {
    for (const hash of ['', '#', '#/', '#/?data=demo', '#/?data=demo&lang=en'])
      expect(firstPageFits(hash, 'demo', made), hash).toBe(true)
    expect(firstPageFits('#/', 'sample-2024-10', made)).toBe(false)
    // No first page is built in tests (the plugin's module is empty there).
    expect(firstPageFits('#/', 'demo')).toBe(false)
  })

  it('not another page, nor the overview under a filter it was not computed for', () => {
    for (const hash of ['#/evaluations?data=demo', '#/data', '#/?data=demo&month=2024-12', '#/?asOf=2024-12-31', '#/?dept=区人社局', '#/?data=demo&channel=线上', '#/?region=x', '#/?bundle=y', '#/?matter=z', '#/?evalChannel=w'])
      expect(firstPageFits(hash, 'demo', made), hash).toBe(false)
  })

  it('is guessed by the entry for the data set the URL names, or the demo', () => {
    expect(firstPageLikely('#/', made)).toBe(true)
    expect(firstPageLikely('#/?data=demo', made)).toBe(true)
    expect(firstPageLikely('#/?data=sample-2024-10', made)).toBe(false)
    expect(firstPageLikely('#/?data=user', made)).toBe(false)
  })
})
