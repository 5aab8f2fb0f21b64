// `duban aggregate` at province scale, on this machine:
//   npx tsx bench/aggregate-100m.ts [--base 10000000] [--copies 10]
// Generates BASE applications once (bench/out/data), writes COPIES copies of every log row
// with their ids suffixed as raw Parquet partitioned by month and region (bench/out/raw-…),
// then times `duban aggregate` on it and prints the month folders. Disk: ~9 GB for 100M
// applications, plus as much again while aggregating.
import { mkdirSync, rmSync, statSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DuckDBInstance } from '@duckdb/node-api'
import { aggregateCommand } from '../src/cli/aggregate'
import { benchData, scaleLabel } from './lib/data'

const { values } = parseArgs({ options: { base: { type: 'string', default: '10000000' }, copies: { type: 'string', default: '10' }, keep: { type: 'boolean', default: false } } })
const base = Number(values.base)
const copies = Number(values.copies)
const OUT = resolve(import.meta.dirname, 'out')
const log = (s: string) => process.stderr.write(`${s}\n`)

async function folderBytes(dir: string): Promise<number> {
  let n = 0
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile())
      n += statSync(join(e.parentPath, e.name)).size
  }
  return n
}

const data = await benchData(join(OUT, 'data'), base, 'parquet', log)
const raw = join(OUT, `raw-${scaleLabel(base * copies)}`)
const out = join(OUT, `agg-${scaleLabel(base * copies)}`)
rmSync(raw, { recursive: true, force: true })
rmSync(out, { recursive: true, force: true })
mkdirSync(raw, { recursive: true })
let t = performance.now()
const db = await DuckDBInstance.create(':memory:')
const conn = await db.connect()
const f = (t: string) => `'${join(data.dir, `${t}.parquet`)}'`
// Copies differ only in their ids: the same month, region and timings, as another district's logs would.
await conn.run(`COPY (SELECT a.* REPLACE (a.app_id || '-' || c.i AS app_id), strftime(a.submitted_at, '%Y-%m') AS month FROM read_parquet(${f('applications')}) a, range(${copies}) c(i))
  TO '${join(raw, 'applications')}' (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (month, region))`)
await conn.run(`COPY (SELECT e.* REPLACE (e.eval_id || '-' || c.i AS eval_id, e.app_id || '-' || c.i AS app_id), strftime(e.rated_at, '%Y-%m') AS month FROM read_parquet(${f('evaluations')}) e, range(${copies}) c(i))
  TO '${join(raw, 'evaluations')}' (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (month))`)
await conn.run(`COPY (SELECT r.* REPLACE (r.eval_id || '-' || c.i AS eval_id) FROM read_parquet(${f('rectifications')}) r, range(${copies}) c(i)) TO '${join(raw, 'rectifications.parquet')}' (FORMAT parquet, COMPRESSION snappy)`)
for (const small of ['bundles', 'tasks', 'reform_baselines', 'task_progress'])
  await conn.run(`COPY (SELECT * FROM read_parquet(${f(small)})) TO '${join(raw, `${small}.parquet`)}' (FORMAT parquet, COMPRESSION snappy)`)
conn.closeSync()
db.closeSync()
log(`raw: ${(base * copies).toLocaleString('en')} applications, ${((await folderBytes(raw)) / 1e9).toFixed(2)} GB, written in ${((performance.now() - t) / 1000).toFixed(0)} s`)

t = performance.now()
const code = await aggregateCommand(['--data', raw, '--out', out, '--by', 'month,region'], {
  stdout: s => process.stdout.write(s),
  stderr: s => process.stderr.write(s),
  now: () => new Date(),
  env: process.env,
})
const seconds = (performance.now() - t) / 1000
process.stdout.write(`aggregate: exit ${code}, ${seconds.toFixed(0)} s, output ${((await folderBytes(out)) / 1e9).toFixed(2)} GB, peak RSS of this process ${(process.resourceUsage().maxRSS / 1e6).toFixed(2)} GB\n`)
if (!values.keep)
  rmSync(raw, { recursive: true, force: true })
