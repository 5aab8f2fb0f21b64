// PDF tables extracted with a "|" after every cell: "text |" is a cell, a bare "|" an empty
// one, and "||||" four empty cells. The extractor puts each cell's text on its own line and
// the empty cells of a row after its text, so a row's cells are known only by their count.

export interface Cell {
  text: string
  /** 1-based line number in the source text. */
  line: number
}

/** The cells of lines [from, to) (1-based), text trimmed; a line without "|" continues the previous cell. */
export function pipeCells(lines: string[], from: number, to: number): Cell[] {
  const cells: Cell[] = []
  for (let n = from; n < to; n++) {
    const raw = lines[n - 1] ?? ''
    if (!raw.includes('|')) {
      const last = cells.at(-1)
      if (raw.trim() && last)
        last.text = last.text ? `${last.text}\n${raw.trim()}` : raw.trim()
      continue
    }
    const parts = raw.split('|')
    const tail = parts.pop()!.trim()
    for (const p of parts)
      cells.push({ text: p.trim(), line: n })
    if (tail)
      cells.push({ text: tail, line: n })
  }
  return cells
}

/**
 * Groups cells into rows of `width` cells (text and empty alike). `startsRow` forces a new
 * row before a cell, for the places where the extractor dropped a row's trailing empties.
 */
export function groupRows(cells: Cell[], width: number, startsRow: (c: Cell) => boolean = () => false): Cell[][] {
  const rows: Cell[][] = []
  let row: Cell[] = []
  for (const c of cells) {
    if (row.length && startsRow(c)) {
      rows.push(row)
      row = []
    }
    row.push(c)
    if (row.length === width) {
      rows.push(row)
      row = []
    }
  }
  if (row.length)
    rows.push(row)
  return rows
}

/** The non-empty cells of a row. */
export function texts(row: Cell[]): Cell[] {
  return row.filter(c => c.text !== '')
}
