import type { OutputFormat } from '../../src/tools/generate/node/write'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { WorkCalendar } from '../../src/domain/calendar'
import { Generation } from '../../src/tools/generate'
import { DEFAULT_PLAN, readPlan } from '../../src/tools/generate/node/plan-dir'
import { writeGeneration } from '../../src/tools/generate/node/write'

export const SEED = 2024

export interface BenchData {
  scale: number
  format: OutputFormat
  dir: string
  /** Review date the generator set (the period's last day). */
  asOf: string
  applications: number
  evaluations: number
  bad: number
  bytes: number
  /** Seconds to generate, or null when an earlier run's folder was reused. */
  generatedSeconds: number | null
}

interface Meta { as_of: string, generated?: { seed: string | number, scale: number }, bench?: { applications: number, evaluations: number, bad: number } }

function folderBytes(dir: string, ext: string): number {
  return readdirSync(dir).filter(f => f.endsWith(`.${ext}`)).reduce((s, f) => s + statSync(join(dir, f)).size, 0)
}

export function scaleLabel(scale: number): string {
  return scale >= 1e6 ? `${scale / 1e6}M` : `${scale / 1e3}k`
}

/**
 * The data set of `scale` applications in `format` under `root`, generated once and reused by
 * later runs (same seed, same files): generation is not what the bench measures.
 */
export async function benchData(root: string, scale: number, format: OutputFormat, log: (s: string) => void): Promise<BenchData> {
  const dir = join(root, `apps-${scaleLabel(scale)}-${format}`)
  const metaPath = join(dir, 'dataset.json')
  // Beside the folder, not in it: a .json inside would be read as a data file by the importer.
  const countsPath = `${dir}.counts.json`
  if (existsSync(metaPath) && existsSync(countsPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Meta
    const counts = JSON.parse(readFileSync(countsPath, 'utf8')) as { applications: number, evaluations: number, bad: number }
    if (meta.generated?.scale === scale && String(meta.generated.seed) === String(SEED))
      return { scale, format, dir, asOf: meta.as_of, ...counts, bytes: folderBytes(dir, format), generatedSeconds: null }
  }
  log(`generating ${scaleLabel(scale)} applications as ${format} in ${dir} …`)
  const t0 = performance.now()
  const gen = new Generation(await readPlan(DEFAULT_PLAN), { seed: SEED, scale, from: '2024-01', to: '2024-12', id: `bench-${scaleLabel(scale)}` }, new WorkCalendar())
  await writeGeneration(gen, dir, format)
  const seconds = (performance.now() - t0) / 1000
  const counts = { ...gen.counts }
  // Written last: a folder with its counts file is complete, so an interrupted run regenerates.
  await writeFile(countsPath, `${JSON.stringify(counts)}\n`)
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Meta
  return { scale, format, dir, asOf: meta.as_of, ...counts, bytes: folderBytes(dir, format), generatedSeconds: seconds }
}
