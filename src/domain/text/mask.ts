/**
 * Masking of personal data (data contract: person, staff, phone and ID numbers are never
 * published unmasked). Masks keep just enough to tell records apart in a meeting — the
 * surname, a phone's carrier prefix and last four digits — and nothing that identifies.
 */

const STAR = '*'

/** 张三 → 张*, 欧阳小明 → 欧***; a one-character value becomes a single star. */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length === 0)
    return ''
  if (chars.length === 1)
    return STAR
  return chars[0] + STAR.repeat(chars.length - 1)
}

/**
 * 13912345678 → 139****5678. Any other number keeps its first three and last four digits
 * (separators and a +86 prefix are kept as written); a short number is starred entirely
 * but for its last two digits, since four would leave almost nothing hidden.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length === 0)
    return phone.trim() === '' ? '' : STAR.repeat(4)
  const national = digits.startsWith('86') && digits.length === 13 ? digits.slice(2) : digits
  const offset = digits.length - national.length
  const keepHead = national.length >= 10 ? 3 : 0
  const keepTail = national.length >= 7 ? 4 : 2
  let seen = 0
  return phone.trim().replace(/\d/g, (d) => {
    const i = seen++ - offset
    if (i < 0)
      return d
    return i < keepHead || i >= national.length - keepTail ? d : STAR
  })
}

/** 18- or 15-character ID numbers: first 6 (region code) and last 4 kept, the birth date starred. */
export function maskIdNumber(id: string): string {
  const s = id.trim()
  if (s.length <= 10)
    return STAR.repeat(s.length)
  return s.slice(0, 6) + STAR.repeat(s.length - 10) + s.slice(-4)
}

// Digit runs are matched whole: a phone inside a longer number (an ID, a matter code) is
// not a phone, and an ID number's check character may be X. Letters next to a number do
// not protect it ("ID110101…" is still an ID); machine text such as hashes is kept out of
// masking by its caller instead.
const ID_18 = /(?<!\d)\d{17}[\dXx](?!\d)/g
const ID_15 = /(?<!\d)\d{15}(?!\d)/g
const MOBILE = /(?<![\d*])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![\d*])/g
const LANDLINE = /(?<![\d*-])\(?0\d{2,3}\)?[ -]?[2-9]\d{6,7}(?![\d*])/g

/** Options for free text: the people the data names, masked wherever their names appear. */
export interface MaskTextOptions {
  names?: Iterable<string>
}

function maskNumbers(text: string): string {
  return text
    .replace(ID_18, maskIdNumber)
    .replace(ID_15, maskIdNumber)
    .replace(MOBILE, maskPhone)
    .replace(LANDLINE, maskPhone)
}

const isHigh = (c: number) => c >= 0xD800 && c <= 0xDBFF
const isLow = (c: number) => c >= 0xDC00 && c <= 0xDFFF

/** Whether `at` falls between the two halves of a surrogate pair (no match starts or ends there). */
function insidePair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at))
}

/**
 * Each occurrence of a name masked, scanning left to right and taking at each position the
 * longest name that starts there — what one alternation of the names, longest first, with
 * the `u` flag matches. Looked up by length in a set rather than compiled into that pattern:
 * a data set names hundreds of thousands of people, and such a pattern took a second to
 * build and tried every name at every position of the text.
 */
function maskNames(text: string, names: ReadonlySet<string>, lengths: readonly number[]): string {
  let out = ''
  let done = 0
  for (let at = 0; at < text.length;) {
    const length = lengths.find(n => at + n <= text.length && !insidePair(text, at + n) && names.has(text.slice(at, at + n)))
    if (length === undefined) {
      at += insidePair(text, at + 1) ? 2 : 1
      continue
    }
    out += text.slice(done, at) + maskName(text.slice(at, at + length))
    done = at += length
  }
  return out + text.slice(done)
}

/**
 * A masker for many texts naming the same people: the names go once into a set (the longest
 * wins, so 欧阳小明 is masked whole rather than a shorter name inside it), which keeps a data
 * set with thousands of reviewers linear in the length of the text.
 */
export function textMasker(names: Iterable<string> = []): (text: string) => string {
  const set = new Set([...names].map(n => n.trim()).filter(n => [...n].length >= 2))
  if (set.size === 0)
    return maskNumbers
  const lengths = [...new Set([...set].map(n => n.length))].sort((a, b) => b - a)
  return text => maskNames(maskNumbers(text), set, lengths)
}

/**
 * Masks phone and ID numbers written inside free text (a review comment, a note) and any
 * occurrence of a known person's name. Idempotent: masking masked text changes nothing.
 */
export function maskText(text: string, opts: MaskTextOptions = {}): string {
  return textMasker(opts.names)(text)
}

/** True when text still carries something that looks like a phone or ID number. */
export function hasUnmaskedNumber(text: string): boolean {
  return [ID_18, ID_15, MOBILE, LANDLINE].some((re) => {
    re.lastIndex = 0
    const hit = re.test(text)
    re.lastIndex = 0
    return hit
  })
}
