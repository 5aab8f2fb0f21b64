import { describe, expect, it } from 'vitest'
import { rankDepartments } from '../../src/core/metrics/ranking'
import { analysisOf, datasetFromDir, FIXTURES } from '../helpers/db'

describe('rankDepartments on the sample (one rule for the dashboard and the bulletin)', () => {
  it('ranks by counts of problems, fewest first, and carries the figures the scorecard shows', async () => {
    const a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
    const ranked = rankDepartments(await a.metrics({ asOf: '2024-10-16' }))
    await a.db.close()
    // 区数据局 and 区卫健局 have no overdue task, open case or missed step; 区卫健局 has one
    // overdue application (A3). 区人社局 missed one step (B11's contact); 区市场监管局 has an
    // overdue task.
    expect(ranked.map(r => [r.rank, r.dept])).toEqual([[1, '区数据局'], [2, '区卫健局'], [3, '区人社局'], [4, '区市场监管局']])
    expect(ranked[3]).toMatchObject({ overdue: 1, openOverdue: 1, contactOnTime: 4, contactDue: 6, rectifyOnTime: 1, rectifyDue: 3, bad: 8, good: 10, bundles: 1, bundlesMeetingAll: 1 })
    expect(ranked[1]).toMatchObject({ appsOverdue: 1, appsDue: 1, appsOnTime: 0, bundles: 1, bundlesMeetingAll: 0 })
  })
})
