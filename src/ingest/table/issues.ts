import type { TableName } from '../../domain/contract/tables'
import { TABLE_BY_NAME } from '../../domain/contract/tables'

/**
 * Problems found while loading, as data: the UI and the command line render them in the
 * user's language, and tests assert on codes rather than on wording.
 */
export type IssueCode
  = | 'unreadable'
    | 'empty_file'
    | 'unknown_table'
    | 'ambiguous_table'
    | 'missing_column'
    | 'duplicate_header'
    | 'csv_syntax'
    | 'required_empty'
    | 'bad_date'
    | 'bad_datetime'
    | 'bad_number'
    | 'bad_level'
    | 'bad_bool'
    | 'bad_verdict'
    | 'bad_status'
    | 'duplicate_id'
    | 'dangling_ref'
    | 'calendar_coverage'
    | 'calendar_year_ignored'

export interface LoadIssue {
  severity: 'error' | 'warning'
  code: IssueCode
  file: string
  sheet?: string
  /** Spreadsheet row: the header is row 1, the first data row is row 2. */
  row?: number
  /** The column as the file's own header spells it. */
  column?: string
  value?: string
  detail?: string
  /** Rows the issue stands for, when one issue sums up many (the first is `row`). */
  count?: number
}

export type Lang = 'zh' | 'en'

/** A duplicate's detail: the first row, "12", or the first row in another file, "12@a.xlsx [好差评]". */
function firstSeen(detail: string | undefined): { row: string, file?: string } | null {
  const m = detail ? /^(\d+)(?:@(.+))?$/.exec(detail) : null
  return m ? { row: m[1]!, ...(m[2] ? { file: m[2] } : {}) } : null
}

/** "配档表（tasks）、进展报送（task_progress）" from an issue detail "tasks|task_progress". */
function tableList(detail: string | undefined, lang: Lang): string {
  return (detail ?? '').split('|').map((n) => {
    const spec = TABLE_BY_NAME[n as TableName]
    return spec ? (lang === 'zh' ? `${spec.title.zh}（${n}）` : `${spec.title.en} (${n})`) : n
  }).join(lang === 'zh' ? '、' : ', ')
}

const zh: Record<IssueCode, (i: LoadIssue) => string> = {
  unreadable: i => `无法读取文件${i.detail ? `：${i.detail}` : ''}`,
  empty_file: () => '文件没有数据行',
  unknown_table: () => '无法识别这是哪张表（文件名和列名都不匹配数据规范），请按数据规范命名文件或列',
  ambiguous_table: i => `列名同样符合以下几张表：${tableList(i.detail, 'zh')}，请选择（命令行用 --table 文件名=表名）`,
  missing_column: i => `缺少必填列「${i.column}」`,
  duplicate_header: i => `列名「${i.column}」重复，只使用第一列`,
  csv_syntax: i => `CSV 格式错误：${i.detail ?? ''}`,
  required_empty: () => '必填值为空',
  bad_date: i => `无法识别的日期「${i.value}」（应为 2024-10-31、2024/10/31 或 2024年10月31日）`,
  bad_datetime: i => `无法识别的时间「${i.value}」（应为 2024-10-31 14:05 或带时区的 ISO 时间）`,
  bad_number: i => `不是有效的数字「${i.value}」`,
  bad_level: i => `评价等级「${i.value}」不在五级评价范围内（非常满意、满意、基本满意、不满意、非常不满意，或 5–1）`,
  bad_bool: i => `无法识别的是/否值「${i.value}」`,
  bad_verdict: i => `核实结果「${i.value}」应为 属实、不属实、误评 或 恶意差评`,
  bad_status: i => `进展状态「${i.value}」应为 未启动、推进中、已完成 或 滞后`,
  duplicate_id: (i) => {
    const first = firstSeen(i.detail)
    const where = first ? `${first.file ? `${first.file} ` : ''}第 ${first.row} 行` : ''
    return i.severity === 'warning'
      ? `编号「${i.value}」与${where ? ` ${where}` : '前面'}是同一条记录，只计一次`
      : `编号「${i.value}」重复${where ? `（首次出现在${first!.file ? ' ' : ''}${where}）` : ''}`
  },
  dangling_ref: i => `引用的编号「${i.value}」不存在${i.detail ? `于${i.detail}` : ''}`,
  calendar_year_ignored: i => `${i.value} 年已由内置节假日日历（chinese-days）覆盖，以内置日历为准，未使用载入的安排`,
  calendar_coverage: i => `日期「${i.value}」${(i.count ?? 1) > 1 ? `等 ${i.count} 行` : ''}在 ${i.value?.slice(0, 4)} 年，节假日日历未覆盖该年${i.detail ? `（已覆盖 ${i.detail} 年）` : ''}：依赖该年工作日的期限记为“待定（节假日安排未载入）”。请在“设置 → 节假日安排”中载入 ${i.value?.slice(0, 4)} 年安排（命令行：--calendar 文件）`,
}

const en: Record<IssueCode, (i: LoadIssue) => string> = {
  unreadable: i => `cannot read the file${i.detail ? `: ${i.detail}` : ''}`,
  empty_file: () => 'the file has no data rows',
  unknown_table: () => 'cannot tell which table this is (neither the file name nor the columns match the data contract)',
  ambiguous_table: i => `the columns fit several tables equally: ${tableList(i.detail, 'en')}; choose one (on the command line: --table FILE=TABLE)`,
  missing_column: i => `required column "${i.column}" is missing`,
  duplicate_header: i => `column "${i.column}" appears twice; the first is used`,
  csv_syntax: i => `CSV syntax error: ${i.detail ?? ''}`,
  required_empty: () => 'a required value is empty',
  bad_date: i => `"${i.value}" is not a date (expected 2024-10-31, 2024/10/31 or 2024年10月31日)`,
  bad_datetime: i => `"${i.value}" is not a date-time (expected 2024-10-31 14:05 or ISO 8601 with an offset)`,
  bad_number: i => `"${i.value}" is not a number`,
  bad_level: i => `rating "${i.value}" is outside the five-level scale (非常满意 … 非常不满意, or 5–1)`,
  bad_bool: i => `"${i.value}" is not a yes/no value`,
  bad_verdict: i => `verdict "${i.value}" must be 属实, 不属实, 误评 or 恶意差评`,
  bad_status: i => `progress status "${i.value}" must be 未启动, 推进中, 已完成 or 滞后`,
  duplicate_id: (i) => {
    const first = firstSeen(i.detail)
    const where = first ? `${first.file ? `${first.file}, ` : ''}row ${first.row}` : ''
    return i.severity === 'warning'
      ? `id "${i.value}" is the same record as ${where || 'an earlier row'}; counted once`
      : `id "${i.value}" is duplicated${where ? ` (first seen ${first!.file ? 'in ' : 'on '}${where})` : ''}`
  },
  dangling_ref: i => `referenced id "${i.value}" does not exist${i.detail ? ` in ${i.detail}` : ''}`,
  calendar_year_ignored: i => `${i.value} is already covered by the built-in holiday calendar (chinese-days), which is used; the added schedule is not`,
  calendar_coverage: i => `date "${i.value}"${(i.count ?? 1) > 1 ? ` (and ${(i.count ?? 1) - 1} more rows)` : ''} is in ${i.value?.slice(0, 4)}, a year the holiday calendar does not cover${i.detail ? ` (it covers ${i.detail})` : ''}: limits that depend on that year are counted as pending. Add the ${i.value?.slice(0, 4)} holiday schedule under Settings → Holiday schedule (command line: --calendar FILE)`,
}

export function issueLocation(i: LoadIssue, lang: Lang): string {
  const parts: string[] = [i.file]
  if (i.sheet)
    parts.push(lang === 'zh' ? `工作表「${i.sheet}」` : `sheet "${i.sheet}"`)
  if (i.row !== undefined)
    parts.push(lang === 'zh' ? `第 ${i.row} 行` : `row ${i.row}`)
  if (i.column !== undefined && i.code !== 'missing_column' && i.code !== 'duplicate_header')
    parts.push(lang === 'zh' ? `「${i.column}」列` : `column "${i.column}"`)
  return parts.join(lang === 'zh' ? ' ' : ', ')
}

export function formatIssue(i: LoadIssue, lang: Lang = 'zh'): string {
  const what = (lang === 'zh' ? zh : en)[i.code](i)
  const level = i.severity === 'error' ? (lang === 'zh' ? '错误' : 'error') : (lang === 'zh' ? '提示' : 'warning')
  return `${issueLocation(i, lang)}${lang === 'zh' ? '：' : ': '}${what} [${level}]`
}
