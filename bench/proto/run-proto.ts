import type { ProtoResult } from '../lib/results'
import type { BenchData } from '../lib/data'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parquetToGrid } from '../../src/core/load/parquet'
import { loadGrid } from '../../src/core/load/table'
import { median } from '../lib/stats'
import { loadGridFast } from './fast-load'

/** CPU milliseconds of `fn` on this thread: less sensitive than wall time to a busy machine. */
function cpuMs(fn: () => unknown): number {
  const c = process.cpuUsage()
  fn()
  const u = process.cpuUsage(c)
  return (u.user + u.system) / 1000
}

/** The faster loadGrid against the current one on the data set's two big files: same output, time of each. */
export async function protoLoadGrid(data: BenchData, runs: number): Promise<ProtoResult[]> {
  const out: ProtoResult[] = []
  for (const name of ['applications', 'evaluations']) {
    const bytes = new Uint8Array(await readFile(join(data.dir, `${name}.parquet`)))
    const grid = await parquetToGrid(bytes)
    const src = { fileName: `${name}.parquet`, grid }
    const a = loadGrid(src)
    const b = loadGridFast(src)
    const same = JSON.stringify(a) === JSON.stringify(b)
    const before: number[] = []
    const after: number[] = []
    for (let i = 0; i < runs; i++) {
      before.push(cpuMs(() => loadGrid(src)))
      after.push(cpuMs(() => loadGridFast(src)))
    }
    out.push({ name: `loadGrid, ${name} (src/core/load/table.ts)`, scale: data.scale, engine: 'native', before: median(before), after: median(after), same, note: `${a.goodRows.toLocaleString('en')} rows, CPU ms (median of ${runs})` })
  }
  return out
}
