import type { MetricsResult } from '../../src/metrics/types'
import { describe, expect, it } from 'vitest'
import { rankDepartments } from '../../src/metrics/ranking'
import { sampleAnalysis } from './helpers'

describe('department ranking', () => {
  it('orders the sample by problems: overdue tasks, open late reviews, 1-5-15 misses, overdue cases, late tasks', async () => {
    const { analysis } = await sampleAnalysis()
    try {
      const m = await analysis.metrics({ asOf: '2024-10-16', month: '2024-10' })
      const r = rankDepartments(m)
      expect(r.map(d => [d.rank, d.dept])).toEqual([[1, '区数据局'], [2, '区卫健局'], [3, '区人社局'], [4, '区市场监管局']])
      const market = r.find(d => d.dept === '区市场监管局')!
      expect([market.overdue, market.openOverdue, market.stepsDue, market.stepsOnTime]).toEqual([1, 1, 5, 1])
    }
    finally {
      await analysis.db.close()
    }
  })

  it('gives departments equal on every key the same rank (1, 1, 3) and never compares rates', () => {
    const task = (dept: string, status: string) => ({ lead_dept: dept, lead_units: [dept], coop_units: [], status })
    const m = {
      schedule: { tasks: [task('甲', 'done_on_time'), task('乙', 'done_on_time'), task('丙', 'overdue')] },
      evaluations: { by_dept: [] },
      applications: { by_dept: [
        // 丁 has a poor on-time rate but nothing overdue: rates do not rank.
        { dept: '丁', total: 10, completion_due: 10, on_time: 1, overdue: 0 },
      ] },
      // Bundles missing their targets do not rank either.
      reduction: { bundles: [{ lead_dept: '甲', meets_materials: false }] },
    } as unknown as MetricsResult
    expect(rankDepartments(m).map(d => [d.rank, d.dept])).toEqual([[1, '丁'], [1, '甲'], [1, '乙'], [4, '丙']])
  })
})
