import { describe, expect, it } from 'vitest'
import { evaluationsPendingNote } from '../../src/metrics/pending'
import { toEvalPending } from '../../src/metrics/run'
import { breakdown } from '../app/charts/fixtures'

describe('the pending-calendar note of the evaluations page', () => {
  it('reads its counts and years from the breakdown\'s whole-review row', () => {
    const all = breakdown(null, { dim: 'all', bad: 9, contact_pending: 3, rectify_pending: 2, complex_pending: 1, pending_years: '2027,2026,2027' })
    expect(toEvalPending(all)).toEqual({ contact: 3, rectify: 2, complex: 1, years: [2026, 2027] })
    expect(evaluationsPendingNote(toEvalPending(all), 'zh')).toBe('3 件差评期限落在2026、2027年（联系 3、整改 2、复杂办结 1），记为待定，未计入比率；请载入2026、2027年节假日安排（设置 → 节假日安排；命令行 --calendar 文件）')
    expect(evaluationsPendingNote(toEvalPending(all), 'en')).toBe('3 bad reviews have limits in 2026, 2027 (contact 3, rectify 2, complex 1): pending, left out of the rates; add the 2026, 2027 holiday schedule (Settings → Holiday schedule; command line --calendar FILE)')
  })

  it('says nothing when no case is pending', () => {
    expect(evaluationsPendingNote(toEvalPending(breakdown(null, { dim: 'all', bad: 9 })), 'zh')).toBeNull()
  })
})
