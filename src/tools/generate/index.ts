// `duban generate`, the pure part: a seed plan and options in, CSV blocks per table out.
// The caller (src/tools/generate/node) decides where the blocks go: CSV files, or Parquet via DuckDB.

import type { TableName } from '../../domain/contract/tables'
import type { Chunk } from './applications'
import type { GeneratedTable, OutColumn } from './columns'
import type { PlanInput, TextTable } from './plan'
import type { GenerateOptions } from './world'
import { WorkCalendar } from '../../domain/calendar'
import { TABLE_BY_NAME } from '../../domain/contract/tables'
import { lastDayOfMonth } from '../../domain/dates'
import { ApplicationGenerator, monthCounts } from './applications'
import { csvLine, GENERATED_COLUMNS } from './columns'
import { Feedback } from './feedback'
import { shiftDeadlineYears } from './plan'
import { planYearOf, progressLines } from './progress'
import { World } from './world'

export type { Chunk } from './applications'
export type { GeneratedTable, OutColumn, StorageType } from './columns'
export type { PlanInput, PlanMeta, TextTable } from './plan'
export type { GenerateOptions } from './world'

export interface OutTable {
  name: TableName
  columns: OutColumn[]
}

export interface DatasetMeta {
  id: string
  title: { zh: string, en: string }
  as_of: string
  plan_year: number
  source_plan: { id: string, title: string | null, issuer: string | null, date: string | null, plan_year: number | null }
  generated: { seed: string | number, scale: number, from: string, to: string, bad_range: [number, number], generator: string }
}

export interface GenerationCounts {
  applications: number
  evaluations: number
  bad: number
}

const COPIED: Array<'bundles' | 'tasks' | 'matters'> = ['bundles', 'tasks', 'matters']

/** Storage type of a copied column: the contract's for canonical ones, text for the rest. */
function copiedColumns(table: 'bundles' | 'tasks' | 'matters', t: TextTable): OutColumn[] {
  const spec = TABLE_BY_NAME[table]
  const cols = t.columns.map((name) => {
    const c = spec.columns.find(x => x.name === name)
    return { name, type: c?.kind === 'int' ? 'INTEGER' as const : 'VARCHAR' as const }
  })
  if (table === 'tasks' && !t.columns.includes('plan_year'))
    cols.push({ name: 'plan_year', type: 'INTEGER' })
  return cols
}

/**
 * One generation run. `tables` lists what will be written (with columns, so that files can be
 * opened first); `chunks()` then yields every table's rows as CSV text blocks without headers.
 */
export class Generation {
  readonly world: World
  readonly tables: OutTable[]
  readonly counts: GenerationCounts = { applications: 0, evaluations: 0, bad: 0 }

  constructor(readonly plan: PlanInput, readonly opts: GenerateOptions, calendar = new WorkCalendar()) {
    this.world = new World(plan, opts, calendar)
    const tables: OutTable[] = []
    for (const name of COPIED) {
      const t = plan[name]
      if (t && t.rows.length > 0)
        tables.push({ name, columns: copiedColumns(name, t) })
    }
    if (this.world.baselines.length > 0)
      tables.push({ name: 'reform_baselines', columns: GENERATED_COLUMNS.reform_baselines })
    for (const name of ['applications', 'evaluations', 'rectifications', 'task_progress'] as GeneratedTable[])
      tables.push({ name, columns: GENERATED_COLUMNS[name] })
    this.tables = tables
  }

  * chunks(): Generator<Chunk | { table: TableName, text: string }> {
    for (const name of COPIED) {
      const t = this.plan[name]
      if (t && t.rows.length > 0)
        yield { table: name, text: this.copied(name, t) }
    }
    const w = this.world
    if (w.baselines.length > 0) {
      yield {
        table: 'reform_baselines',
        text: w.baselines.map(b => csvLine([b.bundle, ...[b.materialsBefore, b.materialsAfter, b.timeBeforeWd, b.timeAfterWd, b.stepsBefore, b.stepsAfter, b.tripsBefore, b.tripsAfter, b.feesBefore, b.feesAfter, b.formFields, b.autoFields].map(String)])).join('\n') + '\n',
      }
    }
    const feedback = new Feedback(w)
    const apps = new ApplicationGenerator(w, feedback)
    const counts = monthCounts(w)
    for (const [i, m] of w.months.entries()) {
      for (const c of apps.month(m, counts[i]!))
        yield c
      this.counts.applications += counts[i]!
    }
    this.counts.evaluations = feedback.rated
    this.counts.bad = feedback.bad
    const progress = progressLines(w)
    if (progress.length > 0)
      yield { table: 'task_progress', text: `${progress.join('\n')}\n` }
  }

  /** A seed list as written, except that deadlines move to the generated year (see data/README.md). */
  private copied(name: 'bundles' | 'tasks' | 'matters', t: TextTable): string {
    const year = this.world.year
    const delta = year - planYearOf(this.world)
    const cols = copiedColumns(name, t)
    const dl = t.columns.indexOf('deadline_text')
    const note = t.columns.indexOf('note')
    const py = t.columns.indexOf('plan_year')
    return t.rows.map((row) => {
      const out = cols.map((_, i) => row[i] ?? '')
      if (dl >= 0 && out[dl] && name !== 'matters') {
        const shifted = shiftDeadlineYears(out[dl]!, delta)
        if (shifted !== out[dl] && note >= 0)
          out[note] = [out[note], `原文完成时限：${out[dl]}`].filter(Boolean).join('；')
        out[dl] = shifted
      }
      if (name === 'tasks')
        out[py >= 0 ? py : cols.length - 1] = String(year)
      return csvLine(out)
    }).join('\n') + '\n'
  }

  datasetMeta(): DatasetMeta {
    const o = this.opts
    const m = this.plan.meta
    const span = o.from === o.to ? o.from : `${o.from}–${o.to}`
    return {
      id: o.id ?? `generated-${m.id}-${o.seed}`,
      title: {
        zh: `合成数据（${m.title ?? m.id}，${span}，${o.scale}件）`,
        en: `Synthetic data (${m.id}, ${span}, ${o.scale} applications)`,
      },
      as_of: lastDayOfMonth(o.to),
      plan_year: this.world.year,
      source_plan: { id: m.id, title: m.title ?? null, issuer: m.issuer ?? null, date: m.date ?? null, plan_year: m.plan_year ?? null },
      generated: { seed: o.seed, scale: o.scale, from: o.from, to: o.to, bad_range: o.badRange ?? [0.01, 0.03], generator: 'duban generate' },
    }
  }
}

export function csvHeader(t: OutTable): string {
  return `${csvLine(t.columns.map(c => c.name))}\n`
}
