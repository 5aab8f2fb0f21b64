import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Analysis } from '../../src/metrics/analysis'
import { COHORT_FILES } from '../helpers/cohort'
import { analysisOf, datasetFromTexts } from '../helpers/db'
import { build } from './helpers'

describe('the bulletin says what each stock carries from earlier months (domain §8a)', () => {
  let a: Analysis
  beforeAll(async () => {
    a = await analysisOf(await datasetFromTexts(COHORT_FILES))
  })
  afterAll(() => a.db.close())

  it('names the count and the months in Chinese', async () => {
    const { html } = await build(a, { month: '2024-10', asOf: '2024-10-31' })
    expect(html).toContain('逾期未完成3项（其中往月遗留2项，来自2024年8月、2024年9月）')
    expect(html).toContain('超期未办结4条（其中往月遗留3条，来自2024年3月、2024年9月）')
    expect(html).toContain('往月办件逾期仍未办结1件（2024年9月受理）')
  })

  it('and in English', async () => {
    const { html } = await build(a, { month: '2024-10', asOf: '2024-10-31', lang: 'en' })
    expect(html).toContain('3 overdue (2 carried over from August 2024, September 2024)')
    expect(html).toContain('4 open past a limit (3 carried over from March 2024, September 2024)')
  })

  it('lists the earlier months\' open cases in the ledger', async () => {
    const { html } = await build(a, { month: '2024-10', asOf: '2024-10-31' })
    for (const id of ['E1', 'E3', 'E4', 'E5'])
      expect(html).toContain(`>${id}<`)
  })
})
