// Word tables saved as text: each cell starts a line with a tab, a wrapped cell goes on
// in lines without a tab, and a blank line ends the row. A cell can hold a blank line of
// its own (an empty paragraph), so a blank line ends a row only once the row is complete.

import type { Cell } from './pipes'

export interface TabRow {
  cells: Cell[]
  line: number
}

/** The table rows of a whole text; lines outside rows (titles, body text) are left out. */
export function tabRows(lines: string[], minCells: number): TabRow[] {
  const rows: TabRow[] = []
  let row: Cell[] | null = null
  const flush = (): void => {
    if (row?.length)
      rows.push({ cells: row, line: row[0]!.line })
    row = null
  }
  lines.forEach((raw, i) => {
    const n = i + 1
    if (raw.startsWith('\t')) {
      row ??= []
      row.push({ text: raw.slice(1), line: n })
    }
    else if (row) {
      if (!raw.trim() && row.length >= minCells)
        flush()
      else
        row.at(-1)!.text += `\n${raw}`
    }
  })
  flush()
  return rows
}
