// A cheap proof that a row cannot be a header, a signature, a note, a section heading or a
// 合计/小计 by its words, so that RowClassifier runs its regular expressions only on rows that
// might be. Every test below is a necessary condition of one of the classifier's rules, read
// off the raw cells without building their whitespace-free text; when any holds, the full
// rules decide. A data row of a large log (an id, a department, dates) passes none, and the
// load no longer pays two text copies and a dozen regular expressions per row.

const SPACE = 1
/** First characters of the signature words (审核人, 填报日期, 联系电话 …). */
const SIGNATURE_FIRST = 2
/** First characters of the note words that must be followed by a colon (说明：, 数据来源：, note:). */
const NOTE_COLON_FIRST = 4

const FLAGS = new Uint8Array(0x10000)
// JavaScript's \s: WhiteSpace and LineTerminator.
for (const c of [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF])
  FLAGS[c] = SPACE
for (let c = 0x2000; c <= 0x200A; c++)
  FLAGS[c] = SPACE
for (const ch of '审填制统经联电负单主分报')
  FLAGS[ch.charCodeAt(0)]! |= SIGNATURE_FIRST
for (const ch of '说备附填数资nN')
  FLAGS[ch.charCodeAt(0)]! |= NOTE_COLON_FIRST

export function isSpaceCode(c: number): boolean {
  return (FLAGS[c]! & SPACE) !== 0
}

/** A cell as text without any whitespace; the regular expression only when there is some. */
export function compactText(v: unknown): string {
  if (v === null || v === undefined)
    return ''
  const s = typeof v === 'string' ? v : String(v)
  for (let i = 0; i < s.length; i++) {
    if ((FLAGS[s.charCodeAt(i)]! & SPACE) !== 0)
      return s.replace(/\s+/gu, '')
  }
  return s
}

const COLON = 0x3A
const WIDE_COLON = 0xFF1A

function hasColon(s: string): boolean {
  return s.includes(':') || s.includes('：')
}

function onlySpaceFrom(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    if (!isSpaceCode(s.charCodeAt(i)))
      return false
  }
  return true
}

/** The last character of the text without whitespace that is not a trailing colon, or -1. */
function lastBeforeColon(s: string): number {
  let i = s.length - 1
  while (i >= 0 && isSpaceCode(s.charCodeAt(i)))
    i--
  if (i >= 0 && (s.charCodeAt(i) === COLON || s.charCodeAt(i) === WIDE_COLON)) {
    i--
    while (i >= 0 && isSpaceCode(s.charCodeAt(i)))
      i--
  }
  return i >= 0 ? s.charCodeAt(i) : -1
}

/**
 * False only when none of the rules before the sums can apply to `cells`: not the header
 * again (`headerFirst`: the first UTF-16 unit of its joined text, -1 when empty), no column
 * numbering or units, no signature, no note, no lone numbered line, no 计/total word in the
 * first three filled cells. `notes`: the classifier is under a note, where short rows of
 * sentences are notes too.
 */
export function mayBeLayout(cells: unknown[], headerFirst: number, notes: boolean): boolean {
  let filled = 0
  let firstCode = -1
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i]
    const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v)
    // The first non-space character is the text's first character (text drops every space).
    let j = 0
    while (j < s.length && isSpaceCode(s.charCodeAt(j)))
      j++
    if (j === s.length) {
      // The header's joined text starts with a separator when its first cell is blank.
      if (i === 0 && cells.length > 1 && headerFirst === 1)
        return true
      continue
    }
    const c = s.charCodeAt(j)
    if (i === 0 && c === headerFirst)
      return true
    const f = FLAGS[c]!
    if ((f & SIGNATURE_FIRST) !== 0 && hasColon(s))
      return true
    filled++
    if (filled === 1) {
      firstCode = c
      if ((f & NOTE_COLON_FIRST) !== 0 && hasColon(s))
        return true
      // 注…, （以下空白）, and the first cells of a numbering or units row (栏次, 序号, （件）).
      if ('注以(（栏序'.includes(s[j]!))
        return true
      // Numbering starts with a cell that is exactly 0, 1, 甲 or A.
      if ('01甲A'.includes(s[j]!) && onlySpaceFrom(s, j + 1))
        return true
    }
    if (filled <= 3) {
      const last = lastBeforeColon(s)
      if (last === 0x8BA1 /* 计 */ || last === 0x6C /* l */ || last === 0x4C /* L */)
        return true
    }
  }
  // A lone cell may be a numbered heading; a short one may be a bare signature word; under a
  // note, a short row may be a sentence. All rare: the full rules look at them.
  return filled === 1 || (filled <= 4 && firstCode >= 0 && (FLAGS[firstCode]! & SIGNATURE_FIRST) !== 0) || (notes && filled <= 2)
}
