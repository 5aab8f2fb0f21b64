import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasUnmaskedNumber, maskIdNumber, maskName, maskPhone, maskText, textMasker } from '../../src/domain/text/mask'

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map(a => a.join(''))
const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([b, rest]) => `1${b}${rest}`)
const id18 = fc.tuple(digits(17), fc.constantFrom('0', '5', '9', 'X', 'x')).map(([a, c]) => a + c)
const id15 = digits(15)
// Text around a number, never ending or starting in a digit (which would make it a longer number).
const filler = fc.string({ maxLength: 12 }).map(s => s.replace(/[\d*]/g, '字'))

describe('maskName', () => {
  it('keeps the surname and stars the rest', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('王小明')).toBe('王**')
    expect(maskName('欧阳小明')).toBe('欧***')
    expect(maskName('李')).toBe('*')
    expect(maskName('  赵六 ')).toBe('赵*')
    expect(maskName('')).toBe('')
  })
  it('keeps the length in characters, even outside the BMP', () => {
    expect(maskName('𠀋一二')).toBe('𠀋**')
  })
})

describe('maskPhone', () => {
  it('masks a mobile number as 139****5678', () => {
    expect(maskPhone('13912345678')).toBe('139****5678')
    expect(maskPhone('139-1234-5678')).toBe('139-****-5678')
    expect(maskPhone('+86 139 1234 5678')).toBe('+86 139 **** 5678')
  })
  it('masks landlines and short numbers too', () => {
    expect(maskPhone('0531-88886666')).toBe('053*-****6666')
    expect(maskPhone('12345')).toBe('***45')
    expect(maskPhone('无')).toBe('****')
  })
})

describe('maskIdNumber', () => {
  it('keeps the region code and the last four, stars the birth date', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110101********1234')
    expect(maskIdNumber('11010119900307123X')).toBe('110101********123X')
    expect(maskIdNumber('110101900307123')).toBe('110101*****7123')
  })
})

describe('maskText', () => {
  it('masks numbers written inside comments, and known names', () => {
    const s = maskText('张三反映：请回电13912345678或0531-88886666，身份证110101199003071234。', { names: ['张三'] })
    expect(s).toBe('张*反映：请回电139****5678或053*-****6666，身份证110101********1234。')
  })
  it('leaves dates, amounts and codes longer than an ID alone', () => {
    for (const s of ['2024-10-16 09:00', '材料10→3件，62.5%', '事项编码 11370100004187512X0000', '第15个工作日', '20241016093000'])
      expect(maskText(s)).toBe(s)
  })
  it('never lets a mobile number through, wherever it sits (property)', () => {
    fc.assert(fc.property(filler, mobile, filler, (a, m, b) => {
      const out = maskText(`${a}${m}${b}`)
      expect(out).not.toContain(m)
      expect(out).toContain(`${m.slice(0, 3)}****${m.slice(-4)}`)
      expect(hasUnmaskedNumber(out)).toBe(false)
    }))
  })
  it('never lets an ID number through (property)', () => {
    fc.assert(fc.property(filler, fc.oneof(id18, id15), filler, (a, id, b) => {
      const out = maskText(`${a}${id}${b}`)
      expect(out).not.toContain(id)
      expect(out).toContain(`${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`)
    }))
  })
  it('is idempotent and keeps the length (property)', () => {
    const text = fc.array(fc.oneof(filler, mobile, id18, id15), { maxLength: 6 }).map(p => p.join(' '))
    fc.assert(fc.property(text, (s) => {
      const once = maskText(s)
      expect(maskText(once)).toBe(once)
      expect(once.length).toBe(s.length)
    }))
  })
  it('changes nothing in text without digits or names (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }).map(s => s.replace(/\d/g, '')), (s) => {
      expect(maskText(s)).toBe(s)
    }))
  })
})

// The masker before names were looked up in a set: one alternation of every name, longest
// first, with the `u` flag. Kept here as the reference the set lookup must agree with.
function maskByPattern(text: string, names: string[]): string {
  const list = [...new Set(names.map(n => n.trim()).filter(n => [...n].length >= 2))].sort((a, b) => b.length - a.length)
  if (list.length === 0)
    return maskText(text)
  const re = new RegExp(list.map(n => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu')
  return maskText(text).replace(re, maskName)
}

describe('textMasker', () => {
  it('masks the longest name starting at each place, left to right', () => {
    const names = ['欧阳小明', '小明', '阳小', '张三', '三丰', '张三丰']
    const mask = textMasker(names)
    expect(mask('欧阳小明和张三丰，小明找张三')).toBe('欧***和张**，小*找张*')
    expect(mask('张三丰')).toBe(maskByPattern('张三丰', names))
  })
  it('matches no name across a character outside the BMP', () => {
    const names = ['\uDC00一', '一\uD840', '𠀋一', '二𠀋']
    for (const text of ['二𠀋一', '一𠀋一二𠀋', '\uD840一\uD840\uDC00一', '一\uD840x'])
      expect(textMasker(names)(text)).toBe(maskByPattern(text, names))
  })
  it('agrees with one pattern of all names (property)', () => {
    const alphabet = fc.constantFrom('张', '三', '丰', '欧', '阳', '𠀋', ' ', '1', '\uD840', '\uDC00')
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map(a => a.join(''))
    fc.assert(fc.property(fc.array(word, { maxLength: 8 }), fc.array(alphabet, { maxLength: 30 }), (names, chars) => {
      const text = chars.join('')
      expect(textMasker(names)(text)).toBe(maskByPattern(text, names))
    }), { numRuns: 2000 })
  })
})
