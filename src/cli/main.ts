import type { Lang } from '../ingest/table/issues'
import { parseArgs } from 'node:util'
import { CalendarCoverageError } from '../domain/calendar'
import { formatIssue } from '../ingest/table/issues'
import { describeGrid } from '../ingest/import/describe'
import { DataDirError, ingestDataFiles } from '../ingest/node/load-dir'
import { DATA_OPTIONS, DATA_USAGE, parseTableOption } from './data'
import { formatMetricsTable } from './format'
import { CALENDAR_OPTION_USAGE, CalendarFileError } from './calendar'
import { AGGREGATE_USAGE, aggregateCommand } from './aggregate'
import { GENERATE_USAGE, generateCommand } from './generate'
import { NOTICES_USAGE, noticesCommand } from './notices'
import { REPORT_USAGE, reportCommand } from './report'
import { FIGURE_OPTIONS, openReview } from './figures'

/** What the command line may touch; tests pass their own to capture output. */
export interface CliIO {
  stdout: (s: string) => void
  stderr: (s: string) => void
  now: () => Date
  env: Record<string, string | undefined>
}

export const EXIT = { ok: 0, invalid: 1, usage: 2, data: 3 } as const

const USAGE = `duban — 督办 command line

  duban validate FILE…                 检查文件是否符合数据规范 / check files against the data contract
  duban metrics --data DIR [--as-of YYYY-MM-DD] [--month YYYY-MM] [--dept NAME]
                [--bundle NAME] [--region NAME] [--channel 窗口|网上|掌上|自助终端|邮寄]
                [--format table|json] [--lang zh|en] [--calendar FILE]…
${DATA_USAGE}
                                       计算指标 / compute the review's figures
${CALENDAR_OPTION_USAGE}

${GENERATE_USAGE}
${REPORT_USAGE}${NOTICES_USAGE}
${AGGREGATE_USAGE}
  --table FILE=TABLE     这个文件按哪张表读取 / read every table of FILE as TABLE
  --skip-unreadable      跳过无法读取、没有数据行或整表丢失的文件并继续 / leave such files out and go on

Exit codes: 0 ok · 1 invalid data · 2 usage error · 3 data cannot be read or is outside the calendar
            (metrics/report: a file in --data unreadable, without data rows, losing every row of its
            table, or fitting several tables — each named) · 4 PDF asked for but no Chromium
`

function langOf(v: unknown, env: CliIO['env']): Lang {
  if (v === 'en' || v === 'zh')
    return v
  return (env.DUBAN_LANG ?? '').startsWith('en') ? 'en' : 'zh'
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [cmd, ...rest] = argv
  try {
    switch (cmd) {
      case 'validate':
        return await validate(rest, io)
      case 'metrics':
        return await metrics(rest, io)
      case 'generate':
        return await generateCommand(rest, io)
      case 'report':
        return await reportCommand(rest, io)
      case 'notices':
        return await noticesCommand(rest, io)
      case 'aggregate':
        return await aggregateCommand(rest, io)
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE)
        return cmd === undefined ? EXIT.usage : EXIT.ok
      default:
        io.stderr(`未知命令 / unknown command: ${cmd}\n\n${USAGE}`)
        return EXIT.usage
    }
  }
  catch (e) {
    if (e instanceof CalendarFileError) {
      io.stderr(`${e.message}\n`)
      return EXIT.invalid
    }
    if (e instanceof CalendarCoverageError || e instanceof DataDirError) {
      io.stderr(`${e.message}\n`)
      return EXIT.data
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${e.message}\n\n${USAGE}`)
      return EXIT.usage
    }
    throw e
  }
}

async function validate(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { lang: { type: 'string' }, table: DATA_OPTIONS.table } })
  const lang = langOf(values.lang, io.env)
  const tables = parseTableOption(values.table)
  if (positionals.length === 0 || typeof tables === 'string') {
    io.stderr(typeof tables === 'string' ? tables : USAGE)
    return EXIT.usage
  }
  const { files, dataset: ds } = await ingestDataFiles(positionals, () => io.now().toISOString(), { tables })
  // One line per table as before, then how it was read: header and data rows, why this table, rows left out.
  const layout = new Map(files.flatMap(f => f.grids.map(g => [g.sheet !== undefined ? `${g.fileName} [${g.sheet}]` : g.fileName, g] as const)))
  for (const f of ds.files) {
    const table = f.table ?? (lang === 'zh' ? '未识别' : 'unrecognised')
    io.stdout(`${f.name}: ${table} · ${lang === 'zh' ? '有效行' : 'good rows'} ${f.goodRows} · ${lang === 'zh' ? '问题行' : 'bad rows'} ${f.badRows}${f.encoding ? ` · ${f.encoding}` : ''}\n`)
    const g = layout.get(f.name)
    if (g)
      io.stdout(`  ${describeGrid(g, lang)}\n`)
  }
  for (const i of ds.issues)
    io.stdout(`${formatIssue(i, lang)}\n`)
  return ds.issues.some(i => i.severity === 'error') ? EXIT.invalid : EXIT.ok
}

async function metrics(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      bundle: { type: 'string' },
      region: { type: 'string' },
      channel: { type: 'string' },
      format: { type: 'string', default: 'table' },
      ...FIGURE_OPTIONS,
    },
  })
  const lang = langOf(values.lang, io.env)
  if (!values.data || !['table', 'json'].includes(values.format ?? '')) {
    io.stderr(USAGE)
    return EXIT.usage
  }
  if (values.month && !/^\d{4}-(?:0[1-9]|1[0-2])$/.test(values.month)) {
    io.stderr(`--month 应为 YYYY-MM / --month must be YYYY-MM: ${values.month}\n`)
    return EXIT.usage
  }
  if (values['as-of'] && !/^\d{4}-\d{2}-\d{2}$/.test(values['as-of'])) {
    io.stderr(`--as-of 应为 YYYY-MM-DD / --as-of must be YYYY-MM-DD: ${values['as-of']}\n`)
    return EXIT.usage
  }
  const review = await openReview({ data: values.data, month: values.month, asOf: values['as-of'], calendar: values.calendar, table: values.table, skipUnreadable: values['skip-unreadable'] }, io, lang)
  if (typeof review === 'number')
    return review
  const { analysis, asOf } = review
  try {
    const m = await analysis.metrics({ asOf, month: values.month ?? null, dept: values.dept ?? null, bundle: values.bundle ?? null, region: values.region ?? null, channel: values.channel ?? null })
    io.stdout(values.format === 'json' ? `${JSON.stringify(m, null, 2)}\n` : formatMetricsTable(m, lang))
    return EXIT.ok
  }
  finally {
    await review.close()
  }
}
