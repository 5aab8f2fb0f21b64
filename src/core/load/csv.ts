import Papa from 'papaparse'

export interface ParsedGrid {
  rows: string[][]
  delimiter: string
  /** Parser complaints (e.g. an unclosed quote), with the 1-based spreadsheet row. */
  problems: Array<{ row: number, message: string }>
}

/** Parses CSV or TSV text into a grid of strings; the delimiter is sniffed from the header line. */
export function parseDelimited(text: string): ParsedGrid {
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const delimiter = countOf(firstLine, '\t') > countOf(firstLine, ',') ? '\t' : ','
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false })
  const problems = result.errors.map(e => ({
    row: (e.row ?? 0) + 1,
    message: e.message,
  }))
  return { rows: result.data, delimiter, problems }
}

function countOf(s: string, ch: string): number {
  let n = 0
  for (const x of s) {
    if (x === ch)
      n++
  }
  return n
}
