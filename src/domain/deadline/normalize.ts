// Normalisation, keeping a map back to the caller's text so milestones can quote it.

export interface Normalized { s: string, map: number[] }

function isAsciiWord(c: string | undefined): boolean {
  return c !== undefined && /[\w.:/-]/.test(c)
}

export function normalize(text: string): Normalized {
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

const TRIM_CHARS = ',;。、 :()'

/** The caller's text behind normalised positions a..b, without the punctuation around it. */
export function originalSlice(text: string, n: Normalized, a: number, b: number): string {
  while (a < b && TRIM_CHARS.includes(n.s[a] as string))
    a++
  while (b > a && TRIM_CHARS.includes(n.s[b - 1] as string))
    b--
  if (a >= b)
    return ''
  return text.slice(n.map[a], (n.map[b - 1] as number) + 1)
}
