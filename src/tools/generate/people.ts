// Synthetic personal data: names, mobile numbers and ID numbers that look real enough to test
// masking and validation, drawn from a seeded stream. None belongs to anyone: given names are
// random pairs of common characters, and ID birth dates and sequence numbers are random.

import type { Rng } from './prng'
import { Weighted } from './prng'

// The commonest surnames, roughly by frequency (the top ten cover about 40% of people).
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const SURNAME_WEIGHTS = new Weighted([...SURNAMES].map((_, i) => 1 / (i + 6)))
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建红鹏飞宇浩然欣怡子涵梓轩雨婷思佳俊博文海波晨阳雪梅志国丹宁晓东春燕立新秀云鑫凯琳颖慧金凤德胜玉珍佳琪一鸣'

const MOBILE_PREFIXES = ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '153', '155', '156', '157', '158', '159', '166', '173', '175', '176', '177', '178', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189', '191', '198', '199']

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

export function personName(rng: Rng): string {
  const surname = SURNAMES[SURNAME_WEIGHTS.pick(rng)]!
  const first = GIVEN[rng.int(0, GIVEN.length - 1)]!
  return rng.chance(0.3) ? surname + first : surname + first + GIVEN[rng.int(0, GIVEN.length - 1)]!
}

/** An 11-digit mainland mobile number: 1[3-9]x followed by eight digits. */
export function mobile(rng: Rng): string {
  const tail = rng.int(0, 99_999_999)
  return rng.pick(MOBILE_PREFIXES) + String(tail).padStart(8, '0')
}

/** ISO 7064 MOD 11-2 check character of the first 17 digits (GB 11643-1999). */
export function idCheckDigit(first17: string): string {
  let s = 0
  for (let i = 0; i < 17; i++)
    s += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!
  return ID_CHECK[s % 11]!
}

export function isValidIdNumber(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckDigit(id.slice(0, 17)) === id[17]
}

/**
 * An 18-character resident ID number: the region's 6-digit code, a birth date aged 18–80 at
 * `year`, a 3-digit sequence number and its check digit.
 */
export function idNumber(rng: Rng, regionCode: string, year: number): string {
  const birthYear = year - rng.int(18, 80)
  const month = rng.int(1, 12)
  const day = rng.int(1, 28)
  const seq = rng.int(1, 999)
  const first17 = `${regionCode}${birthYear}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(seq).padStart(3, '0')}`
  return first17 + idCheckDigit(first17)
}
