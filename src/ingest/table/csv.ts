import Papa from 'papaparse'

export interface ParsedGrid {
  rows: string[][]
  delimiter: string
  /** Parser complaints (e.g. an unclosed quote), with the 1-based spreadsheet row. */
  problems: Array<{ row: number, message: string }>
}

/**
 * Parses CSV or TSV text into a grid of strings. The delimiter is sniffed from the first lines,
 * not the first alone: Excel's "Unicode 文本" puts a title without any tab above the header.
 */
export function parseDelimited(text: string): ParsedGrid {
  const lines = text.slice(0, 64 * 1024).split(/\r?\n/, 30)
  const delimiter = agreeing(lines, '\t') > agreeing(lines, ',') ? '\t' : ','
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false })
  const problems = result.errors.map(e => ({
    row: (e.row ?? 0) + 1,
    message: e.message,
  }))
  return { rows: result.data, delimiter, problems }
}

/** How many lines split into the same number (> 0) of `ch`: a table's rows agree, free text does not. */
function agreeing(lines: string[], ch: string): number {
  const freq = new Map<number, number>()
  for (const l of lines) {
    const n = countOf(l, ch)
    if (n > 0)
      freq.set(n, (freq.get(n) ?? 0) + 1)
  }
  return Math.max(0, ...freq.values())
}

function countOf(s: string, ch: string): number {
  let n = 0
  for (const x of s) {
    if (x === ch)
      n++
  }
  return n
}
