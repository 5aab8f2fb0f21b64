// Stage and scenario labels of the life-cycle lists: "1 企业开办", "1.1 企业开办", "4.2规划许可".
// A merged cell that spans a page break repeats its text ("2 企业准营 2 企业准营"), and
// one cell may carry the labels of two blocks when the PDF glued them ("3.2 3.3").

import { joinWrapped } from '../../domain/text/lines'

const LABEL = /(\d+(?:\.\d+)?)\s*([^\d\s][^\d]*)?/g

/** The distinct labels in a cell, in order, each as "code name" or just "code". */
export function parseLabels(cell: string): string[] {
  const byCode = new Map<string, string>()
  for (const m of cell.matchAll(LABEL)) {
    const code = m[1]!
    const name = labelName(m[2] ?? '')
    const label = name ? `${code} ${name}` : code
    if (!byCode.has(code) || (name && byCode.get(code) === code))
      byCode.set(code, label)
  }
  return [...byCode.values()]
}

function labelName(raw: string): string {
  const tokens = raw.trim().split(/\s+/).filter(Boolean)
  // Vertical text in a narrow PDF cell comes out as lone characters ("业 开 办 办"):
  // they cannot be put back in order, so the label keeps only its code.
  if (tokens.length > 1 && tokens.every(t => [...t].length === 1))
    return ''
  return joinWrapped(tokens)
}

/** A stage cell: a whole number then a name ("1 企业开办", "10养老"). */
export function isStageCell(s: string): boolean {
  return /^\d+(?!\.\d)\s*[\u4E00-\u9FFF]/.test(s.trim())
}

/** A scenario cell: a dotted code ("1.1", "4.2规划许可", "3.2 3.3"). */
export function isScenarioCell(s: string): boolean {
  return /^\d+\.\d+/.test(s.trim())
}
