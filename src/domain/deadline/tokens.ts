// Date tokens: the calendar expressions found anywhere in a (normalised, masked) deadline text.

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

export function parseSmallNumber(raw: string): number {
  if (/^\d+$/.test(raw))
    return Number(raw)
  // 一..九, 十, 十X, X十, X十Y: all that months and days need.
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(raw)
  if (!m || raw === '')
    return Number.NaN
  const [, tens, ten, ones] = m
  if (!ten)
    return tens !== undefined && ones === undefined ? (CN_DIGIT[tens] as number) : Number.NaN
  return (tens !== undefined ? (CN_DIGIT[tens] as number) : 1) * 10 + (ones !== undefined ? (CN_DIGIT[ones] as number) : 0)
}

function parseYearNumber(raw: string): number {
  if (/^\d{4}$/.test(raw))
    return Number(raw)
  let n = 0
  for (const c of raw) {
    const d = CN_DIGIT[c]
    if (d === undefined)
      return Number.NaN
    n = n * 10 + d
  }
  return raw.length === 4 ? n : Number.NaN
}

export type YearSpec = { abs: number } | { rel: number }

export type Unit
  = { unit: 'day', m: number, d: number }
    | { unit: 'xun', m: number, xun: 0 | 1 | 2 }
    | { unit: 'month', m: number, before: boolean }
    | { unit: 'quarter', q: number, before: boolean }
    | { unit: 'half', h: 1 | 2, before: boolean }
    | { unit: 'midyear' }
    | { unit: 'year', before: boolean }

export interface Token {
  start: number
  end: number
  year: YearSpec | null
  value: Unit
  rangeStart?: boolean
  /** `2025年起`, `自2024年7月起`: the date opens the work, it is not a deadline. */
  opens?: boolean
}

const REL_YEAR: Record<string, number> = { 今年: 0, 本年: 0, 当年: 0, 明年: 1, 次年: 1, 翌年: 1, 下一年: 1, 下年: 1, 后年: 2 }

const YP = '(?:(\\d{4}|[〇零一二三四五六七八九]{4})年|(今年|本年|当年|明年|次年|翌年|下一年|下年|后年))'
const NUM = '(\\d{1,2}|[一二三四五六七八九十]{1,3})'
const BEFORE = '(以前|之前|前)'

// What may follow a bare year for it to be a year target: punctuation, a start word, or a
// completion verb (`2024年基本完成`, `力争2025年实现`, `2027年达到…`, `2025年全面推开`).
const YEAR_TARGET_NEXT = '(?=$|[,;。、()?!:~ ]|起|开始|以来|以后|之后|完成|全面|实现|建成|上线|基本|初步|率先|力争|确保|达到|形成|推开|推广|覆盖|建立|健全|落地|见效|取得|超过|突破|提升|提高|降至|缩短|压减|减少|新增|增长|打造|编制|出台|印发|制定|公布|推出|办成|完善|累计)'

/** Words after a date that make it the start of the work, not its deadline. */
export const OPENS_AFTER_RE = /^(?:起|开始|以来|以后|之后|后)/

function yearSpec(abs: string | undefined, rel: string | undefined): YearSpec | null {
  if (abs !== undefined)
    return { abs: parseYearNumber(abs) }
  if (rel !== undefined)
    return { rel: REL_YEAR[rel] as number }
  return null
}

function sticky(src: string): RegExp {
  return new RegExp(src, 'y')
}

// A match that is recognisably a deadline but can't be resolved without guessing.
const INVALID = 'invalid' as const
type Built = Omit<Token, 'start' | 'end'> | typeof INVALID | null

interface Pattern { re: RegExp, build: (g: Array<string | undefined>) => Built }

const PATTERNS: Pattern[] = [
  // 2024-10-15, 2024.10.15, 2024/10/15
  {
    re: sticky(`(\\d{4})[-./](\\d{1,2})[-./](\\d{1,2})(?!\\d)(?:日|号)?${BEFORE}?`),
    build: g => ({ year: { abs: Number(g[1]) }, value: { unit: 'day', m: Number(g[2]), d: Number(g[3]) } }),
  },
  // 2024-10, 2024.10: a month, as spreadsheets often write it
  {
    re: sticky(`(\\d{4})[-./](\\d{1,2})(?![\\d.\\-/])(?:月)?(?:底|末)?${BEFORE}?`),
    build: g => ({ year: { abs: Number(g[1]) }, value: { unit: 'month', m: Number(g[2]), before: false } }),
  },
  // 6月初, 6月中: no agreed day, so never guess one
  {
    re: sticky(`${YP}?${NUM}月(?:初|中(?!旬))`),
    build: () => INVALID,
  },
  // 10月15日前, 2024年10月15日
  {
    re: sticky(`${YP}?${NUM}月${NUM}(?:日|号)${BEFORE}?`),
    build: g => ({ year: yearSpec(g[1], g[2]), value: { unit: 'day', m: parseSmallNumber(g[3] ?? ''), d: parseSmallNumber(g[4] ?? '') } }),
  },
  // 6月中旬前, 6月上中旬
  {
    re: sticky(`${YP}?${NUM}月(上中|中下|上|中|下)旬(?:末|底)?${BEFORE}?`),
    build: (g) => {
      const x = g[4] ?? ''
      const xun = x.endsWith('上') ? 0 : x.endsWith('中') ? 1 : 2
      return { year: yearSpec(g[1], g[2]), value: { unit: 'xun', m: parseSmallNumber(g[3] ?? ''), xun } }
    },
  },
  // 6月底前, 6月末, 6月份, 6月内, 6月前, 6月
  {
    re: sticky(`${YP}?${NUM}月(底|末|份)?(以前|之前|前|内)?`),
    build: (g) => {
      const before = (g[4] === undefined || g[4] === '份') && g[5] !== undefined && g[5] !== '内'
      return { year: yearSpec(g[1], g[2]), value: { unit: 'month', m: parseSmallNumber(g[3] ?? ''), before } }
    },
  },
  // 一季度末, 第三季度, 3季度
  {
    re: sticky(`${YP}?第?([一二三四1-4])季度(末|底)?(以前|之前|前|内)?`),
    build: (g) => {
      const q = parseSmallNumber(g[3] ?? '')
      return { year: yearSpec(g[1], g[2]), value: { unit: 'quarter', q, before: g[4] === undefined && g[5] !== undefined && g[5] !== '内' } }
    },
  },
  // 2024Q3, 2024-Q3
  {
    re: sticky(`(\\d{4})[- ]?[Qq]([1-4])(?![\\dA-Za-z])(末|底)?(以前|之前|前|内)?`),
    build: g => ({ year: { abs: Number(g[1]) }, value: { unit: 'quarter', q: Number(g[2]), before: g[3] === undefined && g[4] !== undefined && g[4] !== '内' } }),
  },
  // Q3, 2024年Q3
  {
    re: sticky(`${YP}?[Qq]([1-4])(?![\\dA-Za-z])(末|底)?(以前|之前|前|内)?`),
    build: g => ({ year: yearSpec(g[1], g[2]), value: { unit: 'quarter', q: Number(g[3]), before: g[4] === undefined && g[5] !== undefined && g[5] !== '内' } }),
  },
  // 上半年, 下半年末
  {
    re: sticky(`${YP}?(上|下)半年(末|底)?(以前|之前|前|内)?`),
    build: g => ({ year: yearSpec(g[1], g[2]), value: { unit: 'half', h: g[3] === '上' ? 1 : 2, before: g[4] === undefined && g[5] !== undefined && g[5] !== '内' } }),
  },
  // 年中, 2024年年中前
  {
    re: sticky(`${YP}?年中(?!旬)(?:以前|之前|前)?`),
    build: g => ({ year: yearSpec(g[1], g[2]), value: { unit: 'midyear' } }),
  },
  // 年底前, 年内, 2023年年底前, 今年年底前
  {
    re: sticky(`${YP}?年(?:底|末|终|内)(?:以前|之前|前)?`),
    build: g => ({ year: yearSpec(g[1], g[2]), value: { unit: 'year', before: false } }),
  },
  // 2023年底前, 今年底, 2023年内
  {
    re: sticky(`${YP}(?:底|末|终|内)(?:以前|之前|前)?`),
    build: g => ({ year: yearSpec(g[1], g[2]), value: { unit: 'year', before: false } }),
  },
  // 2024年前: before the year starts. Bare 年前 is not here: it means "before Spring Festival".
  {
    re: sticky(`${YP}(?:以前|之前|前)(?!后)`),
    build: g => ({ year: yearSpec(g[1], g[2]), value: { unit: 'year', before: true } }),
  },
  // 2023年 on its own ("2024年，推动…"), a year target ("2024年基本完成") or a start ("2025年起"),
  // but not 2024年度
  {
    re: sticky(`${YP}${YEAR_TARGET_NEXT}`),
    build: g => ({ year: yearSpec(g[1], g[2]), value: { unit: 'year', before: false } }),
  },
]

const DIGIT_RE = /\d/
const CN_NUMERAL_RE = /[〇零一二三四五六七八九十两半百千几数多]/
// Words that turn a following 年底/年内 into a relative or recurring phrase (3年内, 去年底, 每年底).
const YEAR_MODIFIER_RE = /[\d〇零一二三四五六七八九十两半百千几数多去上前往明今本当次翌后下全每]/

// Checks on the neighbours of a match: failing any means the text says more than we understand.
function contextInvalid(s: string, start: number, end: number, tok: Omit<Token, 'start' | 'end'>): boolean {
  const prev = start > 0 ? s[start - 1] : undefined
  const first = s[start] as string
  const next = s[end]
  if (prev !== undefined) {
    if (DIGIT_RE.test(first) && DIGIT_RE.test(prev))
      return true
    if (CN_NUMERAL_RE.test(first) && CN_NUMERAL_RE.test(prev))
      return true
    if (tok.year === null) {
      // 去年6月, 22年6月: a year we could not read is still a year
      // 第6月 counts months from some start, 每月 recurs: neither is a calendar month
      if (prev === '年' || prev === '每' || prev === '第')
        return true
      if (first === '年' && YEAR_MODIFIER_RE.test(prev))
        return true
    }
    if ((first === 'Q' || first === 'q') && /[A-Z]/i.test(prev))
      return true
  }
  // 6月前后, 6月底左右: approximate, not a limit
  if (s.startsWith('后', end) && s[end - 1] === '前')
    return true
  if (s.startsWith('左右', end))
    return true
  // 6月30 without 日
  if (next !== undefined && DIGIT_RE.test(next) && tok.value.unit !== 'day')
    return true
  return false
}

export interface Scan { tokens: Token[], invalid: boolean }

export function scan(s: string, from: number): Scan {
  const tokens: Token[] = []
  let i = from
  while (i < s.length) {
    let matched = false
    for (const p of PATTERNS) {
      p.re.lastIndex = i
      const m = p.re.exec(s)
      if (!m || m[0] === '')
        continue
      const built = p.build(Array.from(m))
      if (built === null)
        continue
      const end = i + m[0].length
      if (built === INVALID || contextInvalid(s, i, end, built))
        return { tokens, invalid: true }
      const tok: Token = { start: i, end, ...built }
      if (OPENS_AFTER_RE.test(s.slice(end, end + 2)))
        tok.opens = true
      tokens.push(tok)
      i = end
      matched = true
      break
    }
    if (!matched)
      i++
  }
  return { tokens, invalid: false }
}
