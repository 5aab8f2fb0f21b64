import { describe, expect, it } from 'vitest'
import { escapeRegExp } from '../../../src/domain/text/escape'
import { textMasker } from '../../../src/domain/text/mask'

describe('escapeRegExp', () => {
  it('matches every special character literally', () => {
    const s = '联系 50.0%（3/6）[a+b]*?^$ {x} | \\ (y)'
    expect(new RegExp(`^${escapeRegExp(s)}$`).test(s)).toBe(true)
    // Unescaped, the same text is a pattern that does not match itself.
    expect(new RegExp(`^${s}$`).test(s)).toBe(false)
  })

  it('keeps the masker literal for names with pattern characters', () => {
    const mask = textMasker(['张(三)', '李.四'])
    expect(mask('张(三)与李.四、李X四')).not.toContain('张(三)')
    expect(mask('李X四')).toBe('李X四')
  })
})
