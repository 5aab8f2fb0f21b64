import { describe, expect, it } from 'vitest'
import { analysisOf, datasetFromTexts } from '../../helpers/db'

describe('reduction_targets.sql: a bundle led by two units (domain §2a)', () => {
  it('is shown under each lead unit with the department filter, and once overall', async () => {
    const a = await analysisOf(await datasetFromTexts({
      '一件事清单.csv': '一件事名称,分类,牵头部门,涉及事项,联办部门\n'
        + '身后一件事,个人,"省营商局、省卫生健康委",死亡医学证明,省卫生健康委\n'
        + '身后一件事,个人,"省营商局、省卫生健康委",户口注销,省公安厅\n'
        + '企业开办,法人,省市场监管局,设立登记,省市场监管局\n',
      '改革前后对比.csv': '一件事名称,改革前材料数,改革后材料数,改革前时限(工作日),改革后时限(工作日),改革前环节,改革后环节,改革前跑动次数,改革后跑动次数,表单字段数,自动生成字段数\n'
        + '身后一件事,10,3,20,5,10,2,3,0,100,60\n'
        + '企业开办,8,4,30,10,12,4,2,1,40,16\n',
    }))
    try {
      const names = async (dept: string | null) => (await a.metrics({ asOf: '2024-10-16', dept })).reduction.bundles.map(b => b.bundle_name).sort()
      expect(await names(null)).toEqual(['企业开办', '身后一件事'].sort())
      expect(await names('省营商局')).toEqual(['身后一件事'])
      expect(await names('省卫生健康委')).toEqual(['身后一件事'])
      // A joint (联办) department does not lead the bundle.
      expect(await names('省公安厅')).toEqual([])
      expect(await names('省营商局、省卫生健康委')).toEqual([])
      expect((await a.metrics({ asOf: '2024-10-16' })).reduction.overall.bundles).toBe(2)
    }
    finally {
      await a.db.close()
    }
  })
})
