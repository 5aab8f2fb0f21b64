// Domain §2a on real plans: a cell naming several lead units is one task for each unit in the
// ranking, through the path `duban metrics` takes (loadDataDir → Analysis on native DuckDB).

import type { DeptRank } from '../../../src/metrics/ranking'
import type { MetricsResult } from '../../../src/metrics/types'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Analysis } from '../../../src/metrics/analysis'
import { rankDepartments } from '../../../src/metrics/ranking'
import { withDefaults } from '../../../src/domain/settings'
import { loadSqlFilesNode } from '../../../src/engine/node/sql-files'
import { splitUnits } from '../../../src/domain/units/split'
import { openNativeDb } from '../../../src/engine/node/native'
import { loadDataDir } from '../../../src/ingest/node/load-dir'

const ROOT = join(import.meta.dirname, '..', '..', '..')

async function review(dir: string, asOf: string, month?: string): Promise<MetricsResult> {
  const ds = await loadDataDir(join(ROOT, dir), () => '2024-01-01T00:00:00.000Z')
  const a = await Analysis.open(await openNativeDb(), ds, loadSqlFilesNode(), withDefaults(), Number(asOf.slice(0, 4)))
  try {
    return await a.metrics({ asOf, month: month ?? null })
  }
  finally {
    await a.db.close()
  }
}

/** A separator between two units, outside brackets ("各县（市、区）政府" is one unit). */
function joinsUnits(name: string): boolean {
  return /[、，,；;/\n]/.test(name.replace(/（[^（）]*）/g, ''))
}

function expectRealUnits(ranked: DeptRank[]) {
  expect(ranked.length).toBeGreaterThan(0)
  for (const r of ranked) {
    expect(joinsUnits(r.dept), r.dept).toBe(false)
    // Splitting the name again gives the name itself: it is one unit, not a cell.
    expect(splitUnits(r.dept).lead, r.dept).toEqual([r.dept])
  }
}

function expectNothingDueLast(ranked: DeptRank[]) {
  const firstIdle = ranked.findIndex(r => r.nothingDue)
  const ranks = ranked.filter(r => !r.nothingDue).map(r => r.rank)
  if (firstIdle >= 0)
    expect(ranked.slice(firstIdle).every(r => r.nothingDue && r.rank === null)).toBe(true)
  expect(ranks.every(r => typeof r === 'number')).toBe(true)
  expect(ranks).toEqual([...ranks].sort((a, b) => a! - b!))
  for (const r of ranked.filter(x => x.nothingDue))
    expect([r.overdue, r.doneLate, r.doneOnTime, r.stepsDue, r.appsDue]).toEqual([0, 0, 0, 0, 0])
}

describe('lead units on the Liaoning 2023 plan (seeds/liaoning-2023)', () => {
  it('ranks single units, each lead unit once per task, and the joined cells nowhere', async () => {
    // Mid-2023: tasks due April to June are due, the later ones not yet.
    const m = await review('seeds/liaoning-2023', '2023-07-15')
    const ranked = rankDepartments(m)
    expectRealUnits(ranked)
    expectNothingDueLast(ranked)
    const task3 = m.schedule.tasks.find(t => t.task_id === '3')!
    expect(task3.lead_dept).toBe('省直各有关部门,各市人民政府及省沈抚示范区管委会')
    expect(task3.lead_units).toEqual(['省直各有关部门', '各市人民政府', '省沈抚示范区管委会'])
    // Each key task is one row of the schedule, however many units lead it.
    expect(m.schedule.tasks.filter(t => t.origin === 'tasks')).toHaveLength(8)
    const leads = (unit: string) => m.schedule.tasks.filter(t => t.origin === 'tasks' && t.lead_units.includes(unit)).length
    expect(ranked.find(r => r.dept === '各市人民政府')!.tasks).toBe(leads('各市人民政府'))
    expect(leads('各市人民政府')).toBeGreaterThanOrEqual(4)
    expect(ranked.find(r => r.dept === '省营商局')!.tasks).toBeGreaterThanOrEqual(leads('省营商局'))
    expect(leads('省营商局')).toBeGreaterThanOrEqual(3)
    // A unit with only tasks due later is not ranked above the ones with tasks due.
    expect(ranked.some(r => r.nothingDue)).toBe(true)
    expect(ranked.some(r => !r.nothingDue)).toBe(true)
  })

  it('filters the schedule to a unit named inside a multi-unit cell', async () => {
    const ds = await loadDataDir(join(ROOT, 'seeds/liaoning-2023'), () => '2024-01-01T00:00:00.000Z')
    const a = await Analysis.open(await openNativeDb(), ds, loadSqlFilesNode(), withDefaults(), 2023)
    try {
      const all = await a.metrics({ asOf: '2023-07-15' })
      const mine = await a.metrics({ asOf: '2023-07-15', dept: '省沈抚示范区管委会' })
      expect(mine.schedule.tasks.map(t => t.task_id)).toEqual(all.schedule.tasks.filter(t => t.lead_units.includes('省沈抚示范区管委会') || t.coop_units.includes('省沈抚示范区管委会')).map(t => t.task_id))
      expect(mine.schedule.tasks.length).toBeGreaterThanOrEqual(4)
    }
    finally {
      await a.db.close()
    }
  })
})

describe('lead units on the demo data (data/demo)', () => {
  it('ranks single units and lists those with nothing due after the ranked ones', async () => {
    const m = await review('data/demo', '2024-12-31', '2024-12')
    const ranked = rankDepartments(m)
    expectRealUnits(ranked)
    expectNothingDueLast(ranked)
    const multi = m.schedule.tasks.filter(t => t.lead_units.length > 1)
    expect(multi.length).toBeGreaterThan(0)
    for (const t of multi) {
      for (const unit of t.lead_units)
        expect(ranked.map(r => r.dept)).toContain(unit)
    }
  })
})
