import type { CliIO } from './main'
import type { OutputFormat } from '../tools/generate/node/write'
import { parseArgs } from 'node:util'
import { CalendarCoverageError, WorkCalendar } from '../domain/calendar'
import { Generation } from '../tools/generate'
import { DEFAULT_PLAN, PlanNotFoundError, readPlan, SEEDS_DIR } from '../tools/generate/node/plan-dir'
import { writeGeneration } from '../tools/generate/node/write'

// Same numbers as EXIT in main.ts; not imported from there, as main.ts imports this module.
const OK = 0
const USAGE_ERROR = 2

export const GENERATE_USAGE = `duban generate --out DIR [--scale N] [--seed S] [--plan ID] [--from YYYY-MM --to YYYY-MM]
               [--format parquet|csv] [--bad-range LO-HI] [--id ID] [--seeds DIR]
  写出合成数据集 / write a realistic synthetic data set
  --scale      办件数 / number of applications (default 50000)
  --seed       随机种子，同一种子得到相同文件 / same seed, same files (default 1)
  --plan       种子计划 / seed plan under seeds/ (default ${DEFAULT_PLAN})
  --from --to  月份范围 / months covered (default 2024-01 … 2024-12)
  --format     parquet (default) or csv (UTF-8 with BOM)
  --bad-range  差评占比范围（%） / share of bad reviews, percent (default 1-3)
`

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

function usage(io: CliIO, message: string): number {
  io.stderr(`${message}\n\n${GENERATE_USAGE}`)
  return USAGE_ERROR
}

/** `duban generate …`: exit 0 when written, 2 on a usage error (bad option, unknown plan, month outside the calendar). */
export async function generateCommand(args: string[], io: CliIO): Promise<number> {
  let values
  try {
    values = parseArgs({
      args,
      options: {
        'out': { type: 'string' },
        'scale': { type: 'string', default: '50000' },
        'seed': { type: 'string', default: '1' },
        'plan': { type: 'string', default: DEFAULT_PLAN },
        'seeds': { type: 'string', default: SEEDS_DIR },
        'from': { type: 'string', default: '2024-01' },
        'to': { type: 'string', default: '2024-12' },
        'format': { type: 'string', default: 'parquet' },
        'bad-range': { type: 'string', default: '1-3' },
        'id': { type: 'string' },
      },
    }).values
  }
  catch (e) {
    return usage(io, (e as Error).message)
  }
  if (!values.out)
    return usage(io, '缺少 --out / --out is required')
  const scale = Number(values.scale)
  if (!/^\d+$/.test(values.scale) || !Number.isSafeInteger(scale) || scale < 1)
    return usage(io, `--scale 应为正整数 / --scale must be a positive integer: ${values.scale}`)
  if (!MONTH.test(values.from) || !MONTH.test(values.to) || values.from > values.to)
    return usage(io, `--from/--to 应为 YYYY-MM 且 from ≤ to / --from and --to must be YYYY-MM with from ≤ to: ${values.from} ${values.to}`)
  if (values.format !== 'parquet' && values.format !== 'csv')
    return usage(io, `--format 应为 parquet 或 csv / --format must be parquet or csv: ${values.format}`)
  const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)%?$/.exec(values['bad-range'])
  const lo = Number(range?.[1]) / 100
  const hi = Number(range?.[2]) / 100
  if (!range || !(lo <= hi) || hi > 0.5)
    return usage(io, `--bad-range 应为百分比范围，如 1-3 / --bad-range must be a percent range such as 1-3: ${values['bad-range']}`)

  let plan
  try {
    plan = await readPlan(values.plan, values.seeds)
  }
  catch (e) {
    if (e instanceof PlanNotFoundError)
      return usage(io, e.message)
    throw e
  }
  const started = performance.now()
  let gen: Generation
  try {
    gen = new Generation(plan, { seed: values.seed, scale, from: values.from, to: values.to, badRange: [lo, hi], ...(values.id ? { id: values.id } : {}) }, new WorkCalendar())
  }
  catch (e) {
    if (e instanceof CalendarCoverageError || e instanceof RangeError)
      return usage(io, e.message)
    throw e
  }
  const files = await writeGeneration(gen, values.out, values.format as OutputFormat)
  const seconds = (performance.now() - started) / 1000
  const c = gen.counts
  const total = files.reduce((s, f) => s + f.bytes, 0)
  io.stdout(`${values.out}: ${files.map(f => f.table).join(', ')} + dataset.json\n`)
  io.stdout(`办件 applications ${c.applications} · 评价 evaluations ${c.evaluations} · 差评 bad ${c.bad} (${c.evaluations ? (c.bad / c.evaluations * 100).toFixed(2) : '—'}%)\n`)
  io.stdout(`${(total / 1e6).toFixed(1)} MB · ${seconds.toFixed(1)} s\n`)
  return OK
}
