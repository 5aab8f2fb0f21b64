import type { CliIO } from './main'
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { checkBudget } from '../ingest/dataset/budget'
import { aggregate } from '../tools/aggregate/partition'
import { findSources } from '../tools/aggregate/sources'

// Same numbers as EXIT in main.ts; not imported from there, as main.ts imports this module.
const OK = 0
const USAGE_ERROR = 2
const DATA_ERROR = 3

export const AGGREGATE_USAGE = `duban aggregate --data DIR --out DIR [--months YYYY-MM,…] [--by month|month,region]
                [--threads N] [--memory-limit 8GB]
  把大数据集按月拆分为浏览器可加载的文件夹 / split a data set too large for the browser into month folders
  --data       原始 Parquet 文件夹（可含 month=…/region=… 子文件夹）/ raw Parquet folder (sub-folders such as month=…/region=… allowed)
  --out        每月一个文件夹：OUT/YYYY-MM / one folder per month: OUT/YYYY-MM
  --months     只写这些月份 / only these months
  --by         month,region: 每月的办件按地区分文件 / also one applications file per region in each month
`

const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/

function usage(io: CliIO, message: string): number {
  io.stderr(`${message}\n\n${AGGREGATE_USAGE}`)
  return USAGE_ERROR
}

/**
 * `duban aggregate`: native DuckDB splits a raw Parquet data set (100M rows and more) into
 * month folders, each a complete data folder with the review month and the month before.
 * Exit codes: 0 written, 2 usage error, 3 the data folder holds no readable table.
 */
export async function aggregateCommand(args: string[], io: CliIO): Promise<number> {
  let values
  try {
    values = parseArgs({
      args,
      options: {
        'data': { type: 'string' },
        'out': { type: 'string' },
        'months': { type: 'string' },
        'by': { type: 'string', default: 'month' },
        'threads': { type: 'string' },
        'memory-limit': { type: 'string' },
      },
    }).values
  }
  catch (e) {
    return usage(io, (e as Error).message)
  }
  if (!values.data || !values.out)
    return usage(io, '需要 --data 和 --out / --data and --out are required')
  const months = values.months?.split(',').map(m => m.trim()).filter(Boolean)
  if (months?.some(m => !MONTH.test(m)))
    return usage(io, `--months 应为 YYYY-MM / --months must be YYYY-MM: ${values.months}`)
  if (values.by !== 'month' && values.by !== 'month,region')
    return usage(io, `--by 应为 month 或 month,region / --by must be month or month,region: ${values.by}`)
  const threads = values.threads ? Number(values.threads) : undefined
  if (threads !== undefined && !(Number.isInteger(threads) && threads > 0))
    return usage(io, `--threads 应为正整数 / --threads must be a positive integer: ${values.threads}`)
  const data = resolve(values.data)
  const out = resolve(values.out)
  if (!existsSync(data) || !statSync(data).isDirectory()) {
    io.stderr(`无法读取数据文件夹 / cannot read the data folder: ${values.data}\n`)
    return DATA_ERROR
  }
  if (out === data || out.startsWith(`${data}/`))
    return usage(io, '--out 不能在 --data 之内 / --out must not lie inside --data')
  const { tables, unknown } = await findSources(data)
  for (const f of unknown)
    io.stderr(`跳过（无法识别的表）/ skipped (no known table): ${f}\n`)
  if (!tables.some(t => t.table === 'applications' || t.table === 'evaluations')) {
    io.stderr(`文件夹中没有办件或评价的 Parquet 文件 / no applications or evaluations Parquet files in ${values.data}\n`)
    return DATA_ERROR
  }
  const r = await aggregate(data, tables, {
    out,
    ...(months ? { months } : {}),
    byRegion: values.by === 'month,region',
    ...(threads ? { threads } : {}),
    ...(values['memory-limit'] ? { memoryLimit: values['memory-limit'] } : {}),
    log: s => io.stderr(`${s}\n`),
  })
  const total = (rows: Record<string, number | undefined>) => Object.values(rows).reduce<number>((s, n) => s + (n ?? 0), 0)
  io.stdout(`${values.out}: ${r.months.length} 个月 / months · 源数据 / source ${total(r.sourceRows).toLocaleString('en')} 行 / rows · ${r.seconds.toFixed(1)} s\n`)
  for (const m of r.months) {
    const verdict = checkBudget(Object.entries(m.rows).map(([name, rows]) => ({ name: `${name}.parquet`, bytes: 0, rows: rows ?? 0 }))).verdict
    io.stdout(`  ${m.month}: ${total(m.rows).toLocaleString('en')} 行 / rows · ${(m.bytes / 1e6).toFixed(1)} MB${verdict === 'ok' ? '' : ` · ${verdict === 'warn' ? '浏览器加载较慢 / slow in a browser' : '仍超出浏览器上限，请用 --by month,region 并只加载部分地区 / still too large for a browser: use --by month,region and load some regions'}`}\n`)
  }
  for (const [t, n] of Object.entries(r.undated))
    io.stderr(`${t}: ${n} 行日期无法识别，未写入任何月份 / rows with no readable date, in no month folder\n`)
  return OK
}
