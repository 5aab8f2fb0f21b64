import { describe, expect, it } from 'vitest'
import { formatRate } from '../../../src/cli/format'
import { rateText as cellRate } from '../../../src/components/evaluations/format'
import { basisText, CELL_RATE, fractionText, percentText, rateText, share } from '../../../src/domain/format/rate'
import { rateText as reportRate } from '../../../src/report/format'

describe('one rate with its basis for the screen, the command line and the bulletin', () => {
  it('writes the number and its basis, with thousands separators', () => {
    expect(percentText(13, 16)).toBe('81.3%')
    expect(basisText(1980, 2000)).toBe('1,980/2,000')
    expect(rateText(13, 16, { lang: 'zh' })).toBe('81.3%（13/16）')
    expect(rateText(13, 16, { lang: 'en' })).toBe('81.3% (13/16)')
  })
  it('is "—" over an empty denominator, with the reason in each language\'s brackets, or bare', () => {
    expect(percentText(0, 0)).toBe('—')
    expect(rateText(0, 0, { lang: 'zh' })).toBe('—（无到期）')
    expect(rateText(0, 0, { lang: 'en' })).toBe('— (none due)')
    expect(rateText(0, 0, { lang: 'zh', reason: '无评价' })).toBe('—（无评价）')
    expect(rateText(0, 0, CELL_RATE)).toBe('—')
    expect(share(1, 0)).toBeNull()
    expect(fractionText(null)).toBe('—')
  })
  it('keeps each output\'s text as it was', () => {
    expect(cellRate(5, 8)).toBe('62.5%（5/8）')
    expect(cellRate(0, 0)).toBe('—')
    expect(reportRate(5, 8, 'en')).toBe('62.5% (5/8)')
    expect(reportRate(0, 0, 'zh', '无办件')).toBe('—（无办件）')
    expect(formatRate(1300, 1600, 'zh')).toBe('81.3% (1,300/1,600)')
    expect(formatRate(0, 0, 'zh')).toBe('—（无到期）')
    expect(formatRate(0, 0, 'en')).toBe('— (none due)')
  })
})
