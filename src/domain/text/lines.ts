// Cleaning of cell text pulled out of PDF, Word and web tables. Chinese text has no spaces,
// so any space next to a Chinese character is a line wrap or an extraction artefact.

/** Splits a text into lines (numbered from 1 by their index + 1), tolerating CRLF. */
export function splitLines(text: string): string[] {
  return text.split('\n').map(l => l.replace(/\r$/, ''))
}

/** Word leaves bookmark markers such as "[bookmark: _GoBack]" in the text. */
export function stripArtifacts(s: string): string {
  return s.replace(/\[bookmark:[^\]]*\]/g, '')
}

/** Collapses every run of white space (incl. NBSP and the ideographic space) to one space. */
export function squash(s: string): string {
  return stripArtifacts(s).replace(/\s+/g, ' ').trim()
}

/** Joins the pieces of a wrapped cell: no space inside Chinese, one between two Latin words. */
export function joinWrapped(parts: string[]): string {
  let out = ''
  for (const p of parts) {
    if (!p)
      continue
    if (/[A-Z0-9]$/i.test(out) && /^[A-Z0-9]/i.test(p))
      out += ' '
    out += p
  }
  return out
}

/** Normal form of a name cell: wrapped lines joined, stray spaces dropped. */
export function tidy(s: string): string {
  return joinWrapped(squash(s).split(' '))
}

// Endings of department names in these plans. Single characters that also end ordinary words
// (行 in 交通出行, 所, 站) are left out on purpose: a matter must never read as a department.
const DEPT_END = /(?:局|厅|委|办|中心|大队|支队|总队|公司|部|部门|机构|委员会|联合会|管委会|残联|分行|支行|海关|办公室|政府|运营商|等|协调实施)$/

export function isDeptLike(s: string): boolean {
  return DEPT_END.test(squash(s))
}

/**
 * Normal form of a department cell. A merged cell that crosses a page comes out twice
 * ("区行政审批服务局 区行政审批服务局"); two departments wrapped onto two lines become a
 * "、" list; a name broken mid-word ("市审批服 务局") is joined back.
 */
export function joinDepts(s: string): string {
  const parts = squash(s).split(' ').filter(Boolean)
  if (parts.length > 1 && parts.every(p => p === parts[0]))
    return parts[0]!
  let out = ''
  for (const p of parts) {
    // A short tail ("员会") is the rest of a broken name, not a second department.
    if (out && DEPT_END.test(out) && DEPT_END.test(p) && p.length >= 3)
      out += '、'
    out += p
  }
  return out
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** 一 … 九十九 as a number; NaN for anything else. */
export function chineseNumber(s: string): number {
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(s)
  if (!m || !s)
    return Number.NaN
  const [, tens, ten, units] = m
  if (!ten)
    return tens && !units ? CN_DIGITS[tens]! : Number.NaN
  return (tens ? CN_DIGITS[tens]! : 1) * 10 + (units ? CN_DIGITS[units]! : 0)
}

/** "2021年6月25日" or "2021-06-25" → "2021-06-25". */
export function isoDate(s: string): string | null {
  const m = /(\d{4})\s*(?:年|-)\s*(\d{1,2})\s*(?:月|-)\s*(\d{1,2})/.exec(s)
  if (!m)
    return null
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
}

/** The 1-based number of the first line matching `re` at or after line `from`; throws if none. */
export function findLine(lines: string[], re: RegExp, from = 1): number {
  for (let n = from; n <= lines.length; n++) {
    if (re.test(lines[n - 1]!))
      return n
  }
  throw new Error(`no line matches ${re}`)
}
