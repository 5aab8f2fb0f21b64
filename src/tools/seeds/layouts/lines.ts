// Web pages copied as text: one cell per line, blank lines between cells. Blank lines are
// not a reliable signal (an empty cell sometimes adds one, sometimes not, and a cell with a
// line break splits in two), so only the non-blank lines are kept and read by content.

import type { Cell } from './pipes'

/** The non-blank lines of [from, to) (1-based) as cells, text as written (not trimmed). */
export function lineCells(lines: string[], from: number, to: number): Cell[] {
  const cells: Cell[] = []
  for (let n = from; n < to; n++) {
    const raw = lines[n - 1] ?? ''
    if (raw.trim())
      cells.push({ text: raw, line: n })
  }
  return cells
}
