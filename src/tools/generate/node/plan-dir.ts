import type { PlanInput, PlanMeta, TextTable } from '..'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseDelimited } from '../../../ingest/table/csv'
import { decodeText } from '../../../ingest/table/decode'

/** The project's seeds/ folder, where `npm run seeds` writes the extracted plans. */
export const SEEDS_DIR = fileURLToPath(new URL('../../../../seeds/', import.meta.url))

export const DEFAULT_PLAN = 'liaoning-2023'

export class PlanNotFoundError extends Error {}

async function readTable(path: string): Promise<TextTable | null> {
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await readFile(path))
  }
  catch {
    return null
  }
  const rows = parseDelimited(decodeText(bytes).text).rows.filter(r => r.some(c => c.trim() !== ''))
  const [header, ...body] = rows
  return header ? { columns: header.map(h => h.trim()), rows: body } : null
}

/** Reads seeds/<id>/ (plan.json, bundles.csv, tasks.csv, matters.csv; each list optional). */
export async function readPlan(id: string, seedsDir = SEEDS_DIR): Promise<PlanInput> {
  const dir = join(seedsDir, id)
  if (!/^[\w.-]+$/.test(id) || !(await stat(dir).catch(() => null))?.isDirectory())
    throw new PlanNotFoundError(`找不到计划 ${id}（${dir}） / plan not found: ${id} (${dir})`)
  let meta: PlanMeta = { id }
  try {
    meta = { ...JSON.parse(await readFile(join(dir, 'plan.json'), 'utf8')) as PlanMeta, id }
  }
  catch {
    // A plan folder without plan.json still works: its year then comes from the generated period.
  }
  return {
    meta,
    bundles: await readTable(join(dir, 'bundles.csv')),
    tasks: await readTable(join(dir, 'tasks.csv')),
    matters: await readTable(join(dir, 'matters.csv')),
  }
}
