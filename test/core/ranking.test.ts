import { describe, expect, it } from 'vitest'
import { rankDepartments } from '../../src/core/metrics/ranking'
import { analysisOf, datasetFromDir, FIXTURES } from '../helpers/db'

describe('rankDepartments on the sample', () => {
  it('puts departments with overdue tasks and open overdue bad reviews first', async () => {
    const a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
    const ranked = rankDepartments(await a.metrics({ asOf: '2024-10-16' }))
    await a.db.close()
    // 区市场监管局: 1 overdue task and B5 open past its limits; the others have no overdue task.
    // Then by on-time contact (区人社局 1/2), then on-time completion (区卫健局 0/1: A3 overdue);
    // 区数据局 has neither figure, and an empty rate sorts last.
    expect(ranked.map(r => r.dept)).toEqual(['区市场监管局', '区人社局', '区卫健局', '区数据局'])
    expect(ranked[0]).toMatchObject({ tasks: 2, overdue: 1, open_overdue: 1, contact_on_time: 4, contact_due: 6, bad: 8 })
    expect(ranked[1]).toMatchObject({ due_soon: 1, contact_on_time: 1, contact_due: 2, apps_due: 0, bundles: 1 })
    expect(ranked[2]).toMatchObject({ dept: '区卫健局', apps_overdue: 1, apps_on_time: 0, apps_due: 1, bundles: 1, bundles_meeting_all: 0 })
  })
})
