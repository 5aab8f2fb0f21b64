// `duban metrics` and `duban report` with native DuckDB reading the log files itself give
// what the JavaScript path gives, byte for byte (issue 17 §2). DUBAN_ENGINE_MIN_BYTES=0 makes
// every log file the engine's; Infinity keeps them all on the JavaScript path.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main'
import { openNativeDb } from '../../src/engine/node/native'
import { readDirWithEngine } from '../../src/engine/node/engine-logs'
import { capturingIO } from '../helpers/cli-io'

const DEMO = new URL('../../data/demo/', import.meta.url).pathname
const work = mkdtempSync(join(tmpdir(), 'duban-engine-cli-'))
const CSV = join(work, 'demo-csv')
afterAll(() => rmSync(work, { recursive: true, force: true }))

beforeAll(async () => {
  // The demo's Parquet files written as CSV (their timestamps as text): the engine's CSV reader against Papa's.
  const db = await openNativeDb()
  const { mkdirSync, readdirSync, copyFileSync } = await import('node:fs')
  mkdirSync(CSV)
  for (const f of readdirSync(DEMO)) {
    if (f.endsWith('.parquet'))
      await db.exec(`COPY (SELECT * FROM read_parquet('${join(DEMO, f)}')) TO '${join(CSV, f.replace(/\.parquet$/, '.csv'))}' (HEADER, DELIMITER ',', TIMESTAMPFORMAT '%Y-%m-%d %H:%M:%S')`)
    else
      copyFileSync(join(DEMO, f), join(CSV, f))
  }
  await db.close()
}, 60_000)

/** A copy of the demo's CSV folder, for a test to change some of its files. */
function csvCopy(name: string): string {
  const dir = join(work, name)
  cpSync(CSV, dir, { recursive: true })
  return dir
}

async function run(args: string[], engine: boolean): Promise<{ code: number, out: string, err: string }> {
  const c = capturingIO({ DUBAN_ENGINE_MIN_BYTES: engine ? '0' : 'Infinity' }, new Date('2024-12-20T02:00:00Z'))
  const code = await runCli(args, c.io)
  // The report says how long it took; nothing else may differ.
  return { code, out: c.out(), err: c.err().replace(/(用时|took) [\d.]+ s/, '') }
}

describe.each([['Parquet', DEMO], ['CSV', CSV]])('the demo folder as %s', (_, dir) => {
  it('is read by the engine', async () => {
    const db = await openNativeDb()
    try {
      const r = await readDirWithEngine(db, dir, () => '2024-12-20T02:00:00.000Z', {}, 0)
      expect(r.engine).toBe(true)
      expect(r.dataset.files.find(f => f.table === 'applications')!.goodRows).toBeGreaterThan(1000)
    }
    finally {
      await db.close()
    }
  }, 60_000)

  it('gives the same figures both ways (duban metrics --format json)', async () => {
    const args = ['metrics', '--data', dir, '--month', '2024-11', '--format', 'json']
    const [js, engine] = [await run(args, false), await run(args, true)]
    expect(js.code).toBe(0)
    expect(engine).toEqual(js)
  }, 120_000)

  it('takes the same review date both ways when none is given (the data\'s last day, from the logs\' span)', async () => {
    const args = ['metrics', '--data', dir, '--format', 'json']
    const [js, engine] = [await run(args, false), await run(args, true)]
    expect(js.code).toBe(0)
    expect(JSON.parse(js.out).as_of).toBe('2024-12-20')
    expect(engine).toEqual(js)
  }, 120_000)

  it('publishes the same bulletin both ways (duban report)', async () => {
    const page = async (engine: boolean) => {
      const out = join(work, `${engine ? 'engine' : 'js'}-${dir === DEMO ? 'pq' : 'csv'}`)
      const r = await run(['report', '--data', dir, '--month', '2024-11', '--out', out], engine)
      return { ...r, out: r.out.replaceAll(out, 'OUT'), html: readFileSync(join(out, '2024-11', 'index.html'), 'utf8') }
    }
    const [js, engine] = [await page(false), await page(true)]
    expect(js.code).toBe(0)
    expect(engine).toEqual(js)
  }, 180_000)
})

describe('a log table the engine cannot read among its files', () => {
  it('sends every log file the JavaScript way and leaves none of the check\'s tables behind', async () => {
    // The rectifications under a title row: not a plain log (plan.ts), so they are read with
    // the small files, beside the engine's check of the others, which is then given up.
    const dir = csvCopy('titled')
    writeFileSync(join(dir, 'rectifications.csv'), `差评整改台账\n${readFileSync(join(CSV, 'rectifications.csv'), 'utf8')}`)
    const db = await openNativeDb()
    try {
      const r = await readDirWithEngine(db, dir, () => '2024-12-20T02:00:00.000Z', {}, 0)
      expect(r.engine).toBe(false)
      expect(r.dataset.tables.rectifications.rows.length).toBeGreaterThan(0)
      expect(r.dataset.tables.applications.rows.length).toBeGreaterThan(1000)
      expect(await db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'sl_%'`)).toEqual([])
    }
    finally {
      await db.close()
    }
  }, 60_000)
})

describe('log dates outside the calendar, read by the engine', () => {
  it('give the JavaScript path\'s calendar warnings: by file, column and year, first row and count', async () => {
    // Years the calendar does not cover (2027, not yet published; 2003, before it) in three
    // columns of the applications and in the evaluations, on scattered rows.
    const dir = csvCopy('uncovered')
    // Each edit changes the year of a line's nth date (applications: submitted, pushed, accepted, completed, delivered).
    const shift = (file: string, edits: Array<[number, string, number]>) => {
      const lines = readFileSync(join(CSV, file), 'utf8').split('\n')
      for (const [at, year, nth] of edits) {
        let i = -1
        for (let k = 0; k <= nth; k++)
          i = lines[at]!.indexOf(',2024-', i + 1)
        expect(i).toBeGreaterThan(0)
        lines[at] = `${lines[at]!.slice(0, i + 1)}${year}${lines[at]!.slice(i + 5)}`
      }
      writeFileSync(join(dir, file), lines.join('\n'))
    }
    shift('applications.csv', [[7, '2027', 0], [30, '2027', 3], [12, '2003', 0], [400, '2027', 0], [401, '2003', 2], [402, '2027', 3]])
    shift('evaluations.csv', [[3, '2027', 0], [50, '2027', 0]])
    const args = ['metrics', '--data', dir, '--month', '2024-11', '--format', 'json']
    const [js, engine] = [await run(args, false), await run(args, true)]
    expect(js.code).toBe(0)
    expect(js.err).toMatch(/2027/)
    expect(js.err).toMatch(/2003/)
    // One warning per file, column and year: rated_at 2027; submitted_at 2027 and 2003; accepted_at 2003; completed_at 2027.
    expect(js.err.split('\n').filter(l => /节假日日历未覆盖/.test(l))).toHaveLength(5)
    expect(engine).toEqual(js)
  }, 120_000)
})
