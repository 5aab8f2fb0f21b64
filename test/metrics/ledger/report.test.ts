import type { Analysis } from '../../../src/metrics/analysis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildReport, visibleText } from '../../../src/report/build'
import { gatherReport, provenanceOf } from '../../../src/report/gather'
import { analysisOf } from '../../helpers/db'
import { ledgerFixture } from './fixture'

describe('the bulletin\'s ledger section', () => {
  let a: Analysis
  beforeAll(async () => {
    a = await analysisOf(await ledgerFixture())
  })
  afterAll(() => a.db.close())

  async function page(lang: 'zh' | 'en', dept: string | null = null) {
    const data = await gatherReport(a, { month: '2024-10', asOf: '2024-10-31', dept })
    const built = await buildReport({ ...data, provenance: provenanceOf(a.dataset, 'test'), issuer: '办公室', generatedAt: '2024-11-01T02:00:00.000Z', lang })
    return { data, text: visibleText(built.html) }
  }

  it('compares with the end of the previous month and names units red in consecutive months', async () => {
    const { data, text } = await page('zh')
    // Month ends only: 30 Sep and 31 Oct (the 8 Oct meeting is not a month end).
    expect([data.ledger!.from, data.ledger!.to, data.ledger!.reviews]).toEqual(['2024-09-30', '2024-10-31', ['2024-09-30', '2024-10-31']])
    expect(text).toContain('八、督办台账（销号情况）')
    expect(text).toContain('已销号2项，新增逾期1项，持续逾期1项；差评已办结3件，新增超期1件')
    // 区A局 (T1) red at both month ends; 区B局 red at 30 Sep (E1) and 31 Oct (T3); 区C局 closed T4.
    expect(text).toContain('连续2次及以上评估亮红（有逾期任务或超期差评）的单位：区A局（连续2次）、区B局（连续2次）。')
  })

  it('narrows to the bulletin\'s department and speaks English', async () => {
    const { data, text } = await page('en', '区C局')
    expect(data.ledger!.closed.map(r => r.id)).toEqual(['T4'])
    expect(data.ledger!.repeatRed).toEqual([])
    expect(text).toContain('Since the last review (2024-09-30), to 2024-10-31: 1 closed, 0 newly overdue, 0 still overdue; 1 bad reviews closed, 0 newly overdue.')
    expect(text).toContain('No unit was red at 2 consecutive reviews.')
  })

  it('has no ledger when the review date is not after the end of the previous month', async () => {
    const data = await gatherReport(a, { month: '2024-10', asOf: '2024-09-30' })
    expect(data.ledger).toBeNull()
  })
})
