// Word tables (.docx): word/document.xml read with jszip + fast-xml-parser. gridSpan and
// vMerge become merged ranges, so a department merged down a block of rows is filled into
// every row by the same code that reads merged cells in workbooks (sheet.ts).

import type { Merge, RawSheet } from './sheet'
import type { ReadResult } from './types'
import { XMLParser } from 'fast-xml-parser'
import JSZip from 'jszip'
import { isDeptLike, squash } from '../../domain/text/lines'
import { isZip } from './formats'
import { unreadableIssue } from './reason'
import { isEmptySheet, sheetToGrid } from './sheet'

type XNode = Record<string, unknown>

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
})

function tagOf(n: XNode): string {
  for (const k of Object.keys(n)) {
    if (k !== ':@')
      return k
  }
  return ''
}

/** Local name: documents use the w: prefix, but nothing requires it. */
function local(n: XNode): string {
  const t = tagOf(n)
  return t.slice(t.indexOf(':') + 1)
}

function kids(n: XNode): XNode[] {
  const v = n[tagOf(n)]
  return Array.isArray(v) ? v as XNode[] : []
}

function attr(n: XNode, name: string): string | undefined {
  const a = n[':@'] as Record<string, string> | undefined
  if (!a)
    return undefined
  for (const [k, v] of Object.entries(a)) {
    if (k === name || k.endsWith(`:${name}`))
      return v
  }
  return undefined
}

function child(n: XNode, name: string): XNode | undefined {
  return kids(n).find(k => local(k) === name)
}

// Content controls and custom XML wrap rows and cells without changing the table.
const WRAPPERS = new Set(['sdt', 'sdtContent', 'customXml', 'smartTag'])

function unwrap(nodes: XNode[], name: string): XNode[] {
  const out: XNode[] = []
  for (const n of nodes) {
    const l = local(n)
    if (l === name)
      out.push(n)
    else if (WRAPPERS.has(l))
      out.push(...unwrap(kids(n), name))
  }
  return out
}

// Deleted text, field codes, drawings and text boxes are not part of the cell's visible text.
const SKIP = new Set(['pPr', 'rPr', 'tcPr', 'del', 'delText', 'instrText', 'fldData', 'drawing', 'pict', 'object', 'Fallback', 'commentReference', 'footnoteReference', 'endnoteReference'])

function textOf(nodes: XNode[], out: string[]): void {
  for (const n of nodes) {
    const tag = tagOf(n)
    if (tag === '#text') {
      out.push(String(n[tag]))
      continue
    }
    const l = local(n)
    if (SKIP.has(l))
      continue
    if (l === 'tab')
      out.push(' ')
    else if (l === 'br' || l === 'cr')
      out.push('\n')
    else if (l === 'noBreakHyphen')
      out.push('-')
    else if (l === 'p') {
      textOf(kids(n), out)
      out.push('\n')
    }
    else if (l === 'tc') {
      textOf(kids(n), out)
      out.push(' ')
    }
    else
      textOf(kids(n), out)
  }
}

/**
 * A cell's lines joined the way the seed parser joins wrapped cells: Chinese text has no
 * spaces, so the pieces of a wrapped cell join directly; Latin words keep a space; two
 * department names on two lines become a 、 list.
 */
export function joinCellLines(lines: string[]): string {
  let out = ''
  for (const raw of lines) {
    const p = squash(raw)
    if (!p)
      continue
    if (!out)
      out = p
    else if (/[A-Z0-9]$/i.test(out) && /^[A-Z0-9]/i.test(p))
      out += ` ${p}`
    else if (isDeptLike(out) && isDeptLike(p) && p.length >= 3)
      out += `、${p}`
    else
      out += p
  }
  return out
}

function cellText(tc: XNode): string {
  const parts: string[] = []
  textOf(kids(tc), parts)
  return joinCellLines(parts.join('').split('\n'))
}

function intAttr(n: XNode | undefined, name: string, fallback: number): number {
  const v = n ? Number(attr(n, name)) : Number.NaN
  return Number.isInteger(v) && v > 0 ? v : fallback
}

/** One Word table → cells and merged ranges on the table's grid. */
export function tableToSheet(tbl: XNode): { cells: string[][], merges: Merge[] } {
  const cells: string[][] = []
  const merges: Merge[] = []
  // Vertical merges still open, by their first column.
  let open = new Map<number, Merge>()
  unwrap(kids(tbl), 'tr').forEach((tr, r) => {
    const trPr = child(tr, 'trPr')
    const row: string[] = []
    const next = new Map<number, Merge>()
    let c = intAttr(trPr && child(trPr, 'gridBefore'), 'val', 0)
    let last: Merge | null = null
    for (const tc of unwrap(kids(tr), 'tc')) {
      const pr = child(tc, 'tcPr')
      const span = intAttr(pr && child(pr, 'gridSpan'), 'val', 1)
      const vMerge = pr && child(pr, 'vMerge')
      const hMerge = pr && child(pr, 'hMerge')
      // Legacy horizontal merge: the cell continues the one to its left.
      if (hMerge && attr(hMerge, 'val') !== 'restart' && last) {
        last.e.c = c + span - 1
        c += span
        continue
      }
      const above = open.get(c)
      if (vMerge && attr(vMerge, 'val') !== 'restart' && above && above.e.c === c + span - 1) {
        above.e.r = r
        next.set(c, above)
        last = above
      }
      else {
        row[c] = cellText(tc)
        const m: Merge = { s: { r, c }, e: { r, c: c + span - 1 } }
        if (vMerge || span > 1 || hMerge)
          merges.push(m)
        if (vMerge)
          next.set(c, m)
        last = m
      }
      c += span
    }
    open = next
    cells.push(Array.from(row, v => v ?? ''))
  })
  return { cells, merges: merges.filter(m => m.e.r > m.s.r || m.e.c > m.s.c) }
}

/** Top-level tables in document order; tables nested in cells are read as cell text. */
function findTables(nodes: XNode[], out: XNode[]): void {
  for (const n of nodes) {
    const l = local(n)
    if (l === 'tbl')
      out.push(n)
    else if (l !== 'p' && l !== '#text' && !SKIP.has(l))
      findTables(kids(n), out)
  }
}

export async function readDocx(name: string, bytes: Uint8Array): Promise<ReadResult> {
  const fail = (zh: string, en: string, e?: unknown): ReadResult => ({ grids: [], issues: [unreadableIssue(name, zh, en, e)] })
  if (!isZip(bytes))
    return fail('不是有效的 Word 文档（.docx），或文件已损坏；旧版 .doc 请另存为 .docx', 'not a valid Word document (.docx), or the file is damaged; save an old .doc as .docx')
  let xml: string
  try {
    const zip = await JSZip.loadAsync(bytes)
    const entry = zip.file('word/document.xml')
    if (!entry)
      return fail('压缩包中没有 Word 正文（word/document.xml）', 'the archive has no Word body (word/document.xml)')
    xml = await entry.async('string')
  }
  catch (e) {
    return fail('不是有效的 Word 文档（.docx），或文件已损坏', 'not a valid Word document (.docx), or the file is damaged', e)
  }
  if (/<!DOCTYPE/i.test(xml.slice(0, 2000)))
    return fail('Word 正文含有不允许的 DOCTYPE', 'the Word body has a DOCTYPE, which is not allowed')
  let doc: XNode[]
  try {
    doc = parser.parse(xml) as XNode[]
  }
  catch (e) {
    return fail('Word 正文不是有效的 XML，文件可能已损坏', 'the Word body is not valid XML; the file may be damaged', e)
  }
  const tables: XNode[] = []
  findTables(doc, tables)
  const sheets: RawSheet[] = []
  tables.forEach((tbl, i) => {
    const { cells, merges } = tableToSheet(tbl)
    // A one-row table is layout (a letterhead, a signature block), not data.
    if (cells.filter(r => r.some(v => v.trim() !== '')).length < 2 || isEmptySheet(cells))
      return
    sheets.push({ fileName: name, sheet: `表${i + 1}`, cells, merges, firstRowNumber: 1 })
  })
  if (sheets.length === 0)
    return { grids: [], issues: [{ severity: 'error', code: 'empty_file', file: name, detail: '文档中没有表格 / the document has no table' }] }
  return { grids: sheets.map(sheetToGrid), issues: [] }
}
