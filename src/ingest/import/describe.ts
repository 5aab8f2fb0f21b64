// What the importer made of a table, in words: which rows it took as the header and as data,
// which table it chose and why, and which rows it left out. `duban validate` prints it and the
// data page shows it, so a user can check the reading against the sheet in front of them.

import type { Lang } from '../table/issues'
import type { FileImport, GridReport } from './types'
import { TABLE_BY_NAME } from '../../domain/contract/tables'
import { describeSkipped, skippedTotal } from '../table/layout-rows'
import { detailIn } from './reason'

function span(r: { first: number, last: number }, lang: Lang): string {
  const rows = r.first === r.last ? `${r.first}` : `${r.first}–${r.last}`
  return lang === 'zh' ? `第${rows}行` : `${r.first === r.last ? 'row' : 'rows'} ${rows}`
}

/** "表头：第3–4行；数据：第5–30行" / "header: rows 3–4; data: rows 5–30". */
export function describeRows(g: Pick<GridReport, 'headerRows' | 'dataRows'>, lang: Lang): string {
  // A report kept from an earlier version may lack the span.
  if (!g.headerRows)
    return ''
  const head = lang === 'zh' ? `表头：${span(g.headerRows, lang)}` : `header: ${span(g.headerRows, lang)}`
  if (!g.dataRows)
    return head
  return lang === 'zh' ? `${head}；数据：${span(g.dataRows, lang)}` : `${head}; data: ${span(g.dataRows, lang)}`
}

const SHOWN_LABELS = 3

function tableName(t: string, lang: Lang): string {
  const spec = TABLE_BY_NAME[t as keyof typeof TABLE_BY_NAME]
  if (!spec)
    return t
  return lang === 'zh' ? `${spec.title.zh}（${t}）` : `${spec.title.en} (${t})`
}

/** Why this table: "按列识别：评价编号、被评价部门、评价时间…", or the tables it could not choose between. */
export function describeChoice(g: Pick<GridReport, 'recognisedBy' | 'labels' | 'candidates' | 'sheet' | 'fileName' | 'table'>, lang: Lang): string {
  const zh = lang === 'zh'
  if (g.candidates?.length)
    return zh ? `列名同样符合：${g.candidates.map(t => tableName(t, lang)).join('、')}，请选择` : `the columns fit equally: ${g.candidates.map(t => tableName(t, lang)).join(', ')}; choose one`
  const labels = g.labels ?? []
  const list = `${labels.slice(0, SHOWN_LABELS).join(zh ? '、' : ', ')}${labels.length > SHOWN_LABELS ? '…' : ''}`
  switch (g.recognisedBy) {
    case 'columns':
      return zh ? `按列识别：${list}` : `by its columns: ${list}`
    case 'file_name':
      if (labels.length)
        return zh ? `列名同样符合多张表，按名称「${g.sheet ?? g.fileName}」选定：${list}` : `the columns fit several tables; the name "${g.sheet ?? g.fileName}" chose: ${list}`
      return zh ? `按名称「${g.sheet ?? g.fileName}」识别（列名不全）` : `by the name "${g.sheet ?? g.fileName}" (columns incomplete)`
    case 'mapping':
    case 'forced':
      return zh ? '按指定的表' : 'as chosen'
    case 'remembered':
      return zh ? '按记住的映射' : 'by a remembered mapping'
    default:
      return g.table === null ? (zh ? '未识别' : 'not recognised') : ''
  }
}

/** One line per table: rows, choice, skipped rows. */
export function describeGrid(g: GridReport, lang: Lang): string {
  const parts = [describeRows(g, lang), describeChoice(g, lang)]
  if (skippedTotal(g.skippedRows) > 0)
    parts.push(describeSkipped(g.skippedRows, lang))
  return parts.filter(Boolean).join(' · ')
}

export type RefusalKind = 'unreadable' | 'empty' | 'lost' | 'ambiguous' | 'unknown'

export interface Refusal {
  file: string
  sheet?: string
  kind: RefusalKind
  detail?: string
}

/**
 * Files whose figures cannot be trusted: unreadable, without a single data row, a recognised
 * table that lost every row (or a required column), columns several tables fit, or a lone
 * table nobody recognised. A figure computed without them would be another figure, so
 * `duban metrics` and `duban report` refuse them by name.
 */
export function refusals(files: FileImport[]): Refusal[] {
  const out: Refusal[] = []
  for (const f of files) {
    const issues = f.loaded.flatMap(l => l.result.issues)
    const unreadable = issues.find(i => i.code === 'unreadable' && i.severity === 'error')
    if (unreadable) {
      out.push({ file: f.name, kind: 'unreadable', ...(unreadable.detail ? { detail: unreadable.detail } : {}) })
      continue
    }
    const before = out.length
    for (const g of f.grids) {
      const where = { file: f.name, ...(g.sheet !== undefined ? { sheet: g.sheet } : {}) }
      if (g.candidates?.length && !g.choice)
        out.push({ ...where, kind: 'ambiguous', detail: g.candidates.join('|') })
      else if (g.table === null && !g.skipped && issues.some(i => i.code === 'unknown_table'))
        out.push({ ...where, kind: 'unknown' })
    }
    if (out.length > before)
      continue
    if (f.grids.reduce((n, g) => n + g.goodRows + g.badRows, 0) === 0 && !issues.some(i => i.code === 'missing_column')) {
      out.push({ file: f.name, kind: 'empty' })
      continue
    }
    for (const g of f.grids) {
      if (g.table !== null && !g.skipped && g.goodRows === 0 && (g.badRows > 0 || g.errors > 0))
        out.push({ file: f.name, ...(g.sheet !== undefined ? { sheet: g.sheet } : {}), kind: 'lost' })
    }
  }
  return out
}

const REFUSAL_TEXT: Record<Lang, Record<RefusalKind, string>> = {
  zh: {
    unreadable: '无法读取',
    empty: '没有数据行',
    lost: '已识别的表没有一行可用（缺少必填列或每行都有错误）',
    ambiguous: '列名同样符合多张表，请用 --table 文件名=表名 指定',
    unknown: '无法识别是哪张表，请用 --table 文件名=表名 指定',
  },
  en: {
    unreadable: 'cannot be read',
    empty: 'has no data rows',
    lost: 'a recognised table lost every row (a required column is missing or every row has an error)',
    ambiguous: 'the columns fit several tables equally; choose with --table FILE=TABLE',
    unknown: 'cannot tell which table this is; choose with --table FILE=TABLE',
  },
}

export function describeRefusal(r: Refusal, lang: Lang): string {
  const where = r.sheet !== undefined ? (lang === 'zh' ? `${r.file} 工作表「${r.sheet}」` : `${r.file}, sheet "${r.sheet}"`) : r.file
  const extra = !r.detail
    ? ''
    : r.kind === 'ambiguous'
      ? (lang === 'zh' ? `（${r.detail.split('|').join('、')}）` : ` (${r.detail.split('|').join(', ')})`)
      : (lang === 'zh' ? `：${detailIn(r.detail, lang)}` : `: ${detailIn(r.detail, lang)}`)
  return `${where}${lang === 'zh' ? '：' : ': '}${REFUSAL_TEXT[lang][r.kind]}${extra}`
}
