// Parser for the 完成时限 (deadline) texts of a 配档表: see README.md for the grammar.
// Pure and framework-free: no Date objects, no time zones, no Node APIs.

export type DeadlineKind = 'date' | 'date_then_ongoing' | 'ongoing' | 'external' | 'unparsed'
export type DeadlinePrecision = 'day' | 'xun' | 'month' | 'quarter' | 'half_year' | 'year' | 'none'

export interface DeadlineOptions {
  planYear: number
  earlyXunEndDay?: number
  midXunEndDay?: number
}

export interface ParsedDeadline {
  text: string
  kind: DeadlineKind
  dueDate: string | null
  precision: DeadlinePrecision
  interpretation: { zh: string, en: string }
  milestones?: Array<{ date: string, text: string }>
}

export const UNPARSED_INTERPRETATION = { zh: '无法识别，需人工设定', en: 'not recognised: set the date manually' }
export const ONGOING_INTERPRETATION = { zh: '长期推进：无截止日期，按月报送', en: 'ongoing: no due date, reported on at each monthly review' }
export const EXTERNAL_INTERPRETATION = { zh: '按上级安排：暂无本地截止日期，待录入', en: 'set by a higher level: no local due date until one is entered' }

const DEFAULT_EARLY_XUN_END = 10
const DEFAULT_MID_XUN_END = 20
// Years outside this window are far more likely to be typos or garbage than real plans.
const MIN_YEAR = 1900
const MAX_YEAR = 2199

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const QUARTER_ZH = ['一', '二', '三', '四']

// ---------------------------------------------------------------------------
// Plain Y/M/D arithmetic

interface Ymd { y: number, m: number, d: number }

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

function daysInMonth(y: number, m: number): number {
  if (m === 2)
    return isLeap(y) ? 29 : 28
  return [4, 6, 9, 11].includes(m) ? 30 : 31
}

function validYear(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR
}

function monthEnd(y: number, m: number): Ymd {
  return { y, m, d: daysInMonth(y, m) }
}

// The last day before month m of year y starts.
function dayBeforeMonth(y: number, m: number): Ymd {
  return m === 1 ? { y: y - 1, m: 12, d: 31 } : monthEnd(y, m - 1)
}

function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

function isoDate(v: Ymd): string {
  return `${pad(v.y, 4)}-${pad(v.m, 2)}-${pad(v.d, 2)}`
}

function zhDate(v: Ymd): string {
  return `${v.y}年${v.m}月${v.d}日`
}

function enDate(v: Ymd): string {
  return `${v.d} ${MONTHS_EN[v.m - 1]} ${v.y}`
}

// ---------------------------------------------------------------------------
// Normalisation, keeping a map back to the caller's text so milestones can quote it

interface Normalized { s: string, map: number[] }

function isAsciiWord(c: string | undefined): boolean {
  return c !== undefined && /[\w.:/-]/.test(c)
}

function normalize(text: string): Normalized {
  const chars: string[] = []
  const map: number[] = []
  for (let i = 0; i < text.length; i++) {
    let c = text[i] as string
    const code = c.charCodeAt(0)
    if (code >= 0xFF01 && code <= 0xFF5E)
      c = String.fromCharCode(code - 0xFEE0)
    else if (/\s/.test(c))
      c = ' '
    else if (c === '—' || c === '–' || c === '－')
      c = '-'
    else if (c === '〜')
      c = '~'
    chars.push(c)
    map.push(i)
  }
  // Extracted PDFs split '6 月底前'; spaces only carry meaning between ASCII words ('2024-10-15 18:00').
  const outChars: string[] = []
  const outMap: number[] = []
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string
    if (c === ' ') {
      if (outChars.at(-1) === ' ')
        continue
      let j = i + 1
      while (j < chars.length && chars[j] === ' ')
        j++
      if (!(isAsciiWord(outChars.at(-1)) && isAsciiWord(chars[j])))
        continue
    }
    outChars.push(c)
    outMap.push(map[i] as number)
  }
  return { s: outChars.join(''), map: outMap }
}

// ---------------------------------------------------------------------------
// Numerals

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

function parseSmallNumber(raw: string): number {
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

// ---------------------------------------------------------------------------
// Tokens

type YearSpec = { abs: number } | { rel: number }

type Unit
  = { unit: 'day', m: number, d: number }
    | { unit: 'xun', m: number, xun: 0 | 1 | 2 }
    | { unit: 'month', m: number, before: boolean }
    | { unit: 'quarter', q: number, before: boolean }
    | { unit: 'half', h: 1 | 2, before: boolean }
    | { unit: 'midyear' }
    | { unit: 'year', before: boolean }

interface Token {
  start: number
  end: number
  year: YearSpec | null
  value: Unit
  rangeStart?: boolean
}

const REL_YEAR: Record<string, number> = { 今年: 0, 本年: 0, 当年: 0, 明年: 1, 次年: 1, 翌年: 1, 下一年: 1, 下年: 1, 后年: 2 }

const YP = '(?:(\\d{4}|[〇零一二三四五六七八九]{4})年|(今年|本年|当年|明年|次年|翌年|下一年|下年|后年))'
const NUM = '(\\d{1,2}|[一二三四五六七八九十]{1,3})'
const BEFORE = '(以前|之前|前)'

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

interface Pattern { re: RegExp, needsYear?: boolean, build: (g: Array<string | undefined>) => Built }

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
  // 2023年 on its own ("2024年，推动…"), but not 2024年度
  {
    re: sticky(`${YP}(?=$|[,;。、()?!:~ ]|完成|全面|实现|建成|上线)`),
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

interface Scan { tokens: Token[], invalid: boolean }

function scan(s: string, from: number): Scan {
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
      tokens.push({ start: i, end, ...built })
      i = end
      matched = true
      break
    }
    if (!matched)
      i++
  }
  return { tokens, invalid: false }
}

// ---------------------------------------------------------------------------
// Resolution of a token to a day

interface Resolved {
  date: Ymd
  precision: Exclude<DeadlinePrecision, 'none'>
  zh: string
  en: string
}

function xunEndDay(setting: number | undefined, fallback: number): number {
  return typeof setting === 'number' && Number.isInteger(setting) && setting >= 1 && setting <= 31 ? setting : fallback
}

function resolve(tok: Token, y: number, raw: string, opts: DeadlineOptions): Resolved | null {
  const v = tok.value
  let date: Ymd
  let precision: Resolved['precision']
  let zh = ''
  let en = ''
  switch (v.unit) {
    case 'day':
      if (!(v.m >= 1 && v.m <= 12 && v.d >= 1 && v.d <= daysInMonth(y, v.m)))
        return null
      date = { y, m: v.m, d: v.d }
      precision = 'day'
      break
    case 'xun': {
      if (!(v.m >= 1 && v.m <= 12))
        return null
      const last = daysInMonth(y, v.m)
      const early = xunEndDay(opts.earlyXunEndDay, DEFAULT_EARLY_XUN_END)
      const mid = xunEndDay(opts.midXunEndDay, DEFAULT_MID_XUN_END)
      // A setting past the month's end (e.g. 30 in February) means the month's end.
      const day = v.xun === 0 ? Math.min(early, last) : v.xun === 1 ? Math.min(mid, last) : last
      date = { y, m: v.m, d: day }
      precision = 'xun'
      zh = ['上旬末', '中旬末', '下旬末'][v.xun] as string
      en = ['end of early month', 'end of mid-month', 'end of late month'][v.xun] as string
      break
    }
    case 'month':
      if (!(v.m >= 1 && v.m <= 12))
        return null
      precision = 'month'
      if (v.before) {
        date = dayBeforeMonth(y, v.m)
        zh = `“${raw}”从严理解为${y}年${v.m}月1日之前`
        en = `“${raw}” read strictly as before 1 ${MONTHS_EN[v.m - 1]} ${y}`
      }
      else {
        date = monthEnd(y, v.m)
        zh = '月底'
        en = 'end of month'
      }
      break
    case 'quarter':
      if (!(v.q >= 1 && v.q <= 4))
        return null
      precision = 'quarter'
      if (v.before) {
        date = dayBeforeMonth(y, v.q * 3 - 2)
        zh = `“${raw}”从严理解为${y}年第${QUARTER_ZH[v.q - 1]}季度开始之前`
        en = `“${raw}” read strictly as before Q${v.q} ${y} starts`
      }
      else {
        date = monthEnd(y, v.q * 3)
        zh = `第${QUARTER_ZH[v.q - 1]}季度末`
        en = `end of Q${v.q}`
      }
      break
    case 'half':
      precision = 'half_year'
      if (v.before) {
        date = dayBeforeMonth(y, v.h === 1 ? 1 : 7)
        zh = `“${raw}”从严理解为${y}年${v.h === 1 ? '上' : '下'}半年开始之前`
        en = `“${raw}” read strictly as before the ${v.h === 1 ? 'first' : 'second'} half of ${y} starts`
      }
      else {
        date = monthEnd(y, v.h === 1 ? 6 : 12)
        zh = v.h === 1 ? '上半年末' : '下半年末'
        en = v.h === 1 ? 'end of first half-year' : 'end of second half-year'
      }
      break
    case 'midyear':
      date = monthEnd(y, 6)
      precision = 'half_year'
      zh = '年中，按上半年末理解'
      en = 'mid-year, read as end of first half-year'
      break
    case 'year':
      precision = 'year'
      if (v.before) {
        date = { y: y - 1, m: 12, d: 31 }
        zh = `“${raw}”从严理解为${y}年开始之前`
        en = `“${raw}” read strictly as before ${y} starts`
      }
      else {
        date = { y, m: 12, d: 31 }
        zh = '年底'
        en = 'end of year'
      }
      break
  }
  if (!validYear(date.y))
    return null
  return {
    date,
    precision,
    zh: `${zhDate(date)}前${zh ? `（${zh}）` : ''}`,
    en: `by ${enDate(date)}${en ? ` (${en})` : ''}`,
  }
}

// ---------------------------------------------------------------------------
// Whole-text vocabularies for the texts that carry no date

const PUNCT_RE = /[\s,;.。、:()[\]{}<>《》“”‘’"'「」【】…·!?/\\|_~-]/g

const AUTH = '(?:国家部委|国务院|国家|中央|部委|省委|省政府|省级|省里|全省|省|市委|市政府|市级|市里|全市|市|上级部门|上级|主管部门|有关部门)'
const AUTHS = `${AUTH}(?:(?:和|及|与|、)?${AUTH})*(?:的)?`
const EXTERNAL_RES = [
  new RegExp(`^(?:按照|按|根据|依据|依照|遵照|视|服从)${AUTHS}(?:统一)?(?:工作)?(?:安排|部署|要求|进度|时间节点|时间|时限|节点|规定|通知)(?:统筹推进|推进|执行|落实|完成|实施|办理|确定)?$`),
  new RegExp(`^(?:待|等待)${AUTHS}(?:统一)?(?:安排|部署|确定|通知|明确)(?:后)?(?:推进|确定|执行|实施)?$`),
  new RegExp(`^(?:与|同)${AUTHS}同步(?:推进|实施|完成)?$`),
  new RegExp(`^以${AUTHS}(?:通知|要求|安排|部署)为准$`),
]

const ONGOING_VOCAB_RE = /^(?:长期|持续|常态化|常年|久久为功|常抓不懈|坚持|推进|开展|实施|落实|执行|抓好|做好|工作|并|和|及|按月|每月|报送|调度|进展|情况|定期|动态|更新|调整|完善|优化|深化|跟踪|进行|有效|保持|推动|加强|不断)+$/
const ONGOING_MARK_RE = /长期|持续|常态化|常年|久久为功|常抓不懈/
// After a date, only a phrase that keeps the work going counts, not a noun like 常态化机制.
const THEN_ONGOING_RE = /(?:长期|持续|常态化|常年)(?:坚持|推进|开展|实施|落实|执行|运行|跟踪|报送|做好|抓好|优化|完善|深化|巩固|保持)|长期(?=$|[,;。、)])|久久为功|常抓不懈|(?:每月|按月|定期)(?:报送|调度)/

// Long texts are prose, not a vocabulary phrase; the cap also keeps the regexes cheap.
const MAX_PHRASE = 80

// ---------------------------------------------------------------------------

const LABEL_RE = /(?:完成时限|完成时间|完成期限|办结时限|时限要求|截止时间|截止日期|时间节点|时限)[:：]/g
const LEADING_LABEL_RE = /^[(（]?(?:完成时限|完成时间|完成期限|办结时限|时限要求|截止时间|截止日期|时间节点|时限)/

function regionStart(s: string): number {
  let start = 0
  for (const m of s.matchAll(LABEL_RE))
    start = m.index + m[0].length
  if (start === 0) {
    const lead = LEADING_LABEL_RE.exec(s)
    if (lead)
      start = lead[0].length
  }
  return start
}

const TRIM_CHARS = ',;。、 :()'

function originalSlice(text: string, n: Normalized, a: number, b: number): string {
  while (a < b && TRIM_CHARS.includes(n.s[a] as string))
    a++
  while (b > a && TRIM_CHARS.includes(n.s[b - 1] as string))
    b--
  if (a >= b)
    return ''
  return text.slice(n.map[a], (n.map[b - 1] as number) + 1)
}

// A year we did not attach to any date ("Q3 2024", "2024 6月底") would be silently replaced by the plan year.
function hasStrayYear(s: string, from: number, tokens: Token[]): boolean {
  let filler = ''
  let at = from
  for (const t of tokens) {
    filler += `${s.slice(at, t.start)}|`
    at = t.end
  }
  filler += s.slice(at)
  return /(?<!\d)(?:19|20|21)\d\d(?!\d)/.test(filler)
}

function unparsed(text: string): ParsedDeadline {
  return { text, kind: 'unparsed', dueDate: null, precision: 'none', interpretation: { ...UNPARSED_INTERPRETATION } }
}

export function parseDeadline(text: string, opts: DeadlineOptions): ParsedDeadline {
  const original = typeof text === 'string' ? text : String(text ?? '')
  try {
    return parseInner(original, opts ?? ({} as DeadlineOptions))
  }
  catch {
    // Defensive: a deadline the parser trips on is one a person must set.
    return unparsed(original)
  }
}

function parseInner(text: string, opts: DeadlineOptions): ParsedDeadline {
  const n = normalize(text)
  const from = regionStart(n.s)
  const { tokens, invalid } = scan(n.s, from)
  if (invalid || hasStrayYear(n.s, from, tokens))
    return unparsed(text)

  if (tokens.length === 0) {
    const compact = n.s.slice(from).replace(PUNCT_RE, '')
    if (compact.length === 0 || compact.length > MAX_PHRASE)
      return unparsed(text)
    if (EXTERNAL_RES.some(re => re.test(compact)))
      return { text, kind: 'external', dueDate: null, precision: 'none', interpretation: { ...EXTERNAL_INTERPRETATION } }
    if (ONGOING_MARK_RE.test(compact) && ONGOING_VOCAB_RE.test(compact))
      return { text, kind: 'ongoing', dueDate: null, precision: 'none', interpretation: { ...ONGOING_INTERPRETATION } }
    return unparsed(text)
  }

  // "6月至9月": the first date only opens the period.
  for (let k = 1; k < tokens.length; k++) {
    const prev = tokens[k - 1] as Token
    const between = n.s.slice(prev.end, (tokens[k] as Token).start)
    if (/^(?:至|到|~|-)$/.test(between))
      prev.rangeStart = true
  }

  const planYear = opts.planYear
  const resolved: Array<{ r: Resolved, clauseStart: number }> = []
  let carried: number | null = null
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k] as Token
    let y: number
    if (tok.year && 'abs' in tok.year)
      y = tok.year.abs
    else if (tok.year)
      y = planYear + tok.year.rel
    else
      y = carried ?? planYear
    if (!validYear(y))
      return unparsed(text)
    // An explicit year governs the dates written after it ("2021年6月底前…；9月底前…").
    if (tok.year)
      carried = y
    const r = resolve(tok, y, originalSlice(text, n, tok.start, tok.end), opts)
    if (!r)
      return unparsed(text)
    if (tok.rangeStart)
      continue
    // Dates without their own year running backwards ("10月底前…，3月底前…") most likely
    // cross into the next year; that is for a person to decide.
    const last = resolved.at(-1)
    if (last && !tok.year && compareYmd(r.date, last.r.date) < 0)
      return unparsed(text)
    const prevTok = tokens[k - 1]
    resolved.push({ r, clauseStart: prevTok?.rangeStart ? prevTok.start : tok.start })
  }

  let due = resolved[0] as (typeof resolved)[number]
  for (const item of resolved) {
    if (compareYmd(item.r.date, due.r.date) >= 0)
      due = item
  }

  const thenOngoing = THEN_ONGOING_RE.test(n.s.slice((resolved[0] as (typeof resolved)[number]).clauseStart))

  let zh = due.r.zh
  let en = due.r.en
  let milestones: ParsedDeadline['milestones']
  if (resolved.length > 1) {
    milestones = resolved.map((item, k) => {
      const next = resolved[k + 1]
      const end = next ? next.clauseStart : n.s.length
      return { date: isoDate(item.r.date), text: originalSlice(text, n, item.clauseStart, end) }
    })
    zh = `分${resolved.length}个节点：${resolved.map(x => x.r.zh).join('；')}；以最后节点${zhDate(due.r.date)}为截止`
    en = `${resolved.length} milestones: ${resolved.map(x => x.r.en).join('; ')}; due at the last, ${enDate(due.r.date)}`
  }
  if (thenOngoing) {
    zh = `${zh}完成，此后长期坚持，按月报送`
    en = `${en}, then ongoing: reported on at each monthly review`
  }

  const out: ParsedDeadline = {
    text,
    kind: thenOngoing ? 'date_then_ongoing' : 'date',
    dueDate: isoDate(due.r.date),
    precision: due.r.precision,
    interpretation: { zh, en },
  }
  if (milestones)
    out.milestones = milestones
  return out
}
