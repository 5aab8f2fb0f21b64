import type { ReadResult } from './types'
import { parseDelimited } from '../table/csv'
import { decodeText } from '../table/decode'
import { looksBinary } from './formats'
import { unreadableIssue } from './reason'
import { sheetToGrid } from './sheet'

/** CSV/TSV bytes in any of the contract's encodings → one grid; parser complaints as warnings. */
export function readDelimited(name: string, bytes: Uint8Array): ReadResult {
  if (looksBinary(bytes))
    return { grids: [], issues: [unreadableIssue(name, '不是文本文件（内容是二进制数据）', 'not a text file (binary content)')] }
  const decoded = decodeText(bytes)
  const parsed = parseDelimited(decoded.text)
  const issues = parsed.problems.map(p => ({ severity: 'warning' as const, code: 'csv_syntax' as const, file: name, row: p.row, detail: p.message }))
  return { grids: [sheetToGrid({ fileName: name, cells: parsed.rows })], encoding: decoded.encoding, issues }
}
