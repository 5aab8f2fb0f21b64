// Seed plans: the five public plans of /seeds parsed into the data contract's tables.
// Pure: text in, file contents out; the caller reads and writes files.

import type { ParsedPlan, PlanParser } from './types'
import { toCsv } from './csv'
import { applyOverrides } from './overrides'
import { hedong } from './plans/hedong'
import { liaoning } from './plans/liaoning'
import { sanmenxia } from './plans/sanmenxia'
import { xinxiang } from './plans/xinxiang'
import { xuecheng } from './plans/xuecheng'

export type { BundleRow, MatterRow, ParsedPlan, PlanMeta, Skipped, TaskRow } from './types'

export const PLANS: PlanParser[] = [hedong, xuecheng, liaoning, sanmenxia, xinxiang]

export function planForFile(fileName: string): PlanParser | undefined {
  return PLANS.find(p => fileName.startsWith(p.filePrefix))
}

/** Parses one seed text, with the hand fixes of overrides.ts applied. */
export function parseSeed(fileName: string, text: string): ParsedPlan {
  const plan = planForFile(fileName)
  if (!plan)
    throw new Error(`no seed plan reads ${fileName}`)
  const parsed = plan.parse(text, fileName)
  applyOverrides(parsed)
  return parsed
}

/**
 * The generated files of every seed text given (file name → text), as paths relative to
 * the seeds folder ("hedong-2021/matters.csv") mapped to their contents, in a fixed order.
 * A table with no rows is not written.
 */
export function seedFiles(texts: Record<string, string>): Map<string, string> {
  const files = new Map<string, string>()
  for (const name of Object.keys(texts).sort()) {
    if (!planForFile(name))
      continue
    const p = parseSeed(name, texts[name]!)
    const dir = p.meta.id
    files.set(`${dir}/plan.json`, `${JSON.stringify(p.meta, null, 2)}\n`)
    if (p.matters?.rows.length)
      files.set(`${dir}/matters.csv`, toCsv(p.matters.columns, p.matters.rows))
    if (p.bundles?.rows.length)
      files.set(`${dir}/bundles.csv`, toCsv(p.bundles.columns, p.bundles.rows))
    if (p.tasks?.rows.length)
      files.set(`${dir}/tasks.csv`, toCsv(p.tasks.columns, p.tasks.rows))
  }
  return files
}
