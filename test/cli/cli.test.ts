import { execFile } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { EXIT, runCli } from '../../src/cli/main'
import { capturingIO } from '../helpers/cli-io'

const GOLDEN = new URL('./golden/', import.meta.url).pathname

async function run(argv: string[]): Promise<{ code: number, out: string, err: string }> {
  const c = capturingIO()
  const code = await runCli(argv, c.io)
  return { code, out: c.out(), err: c.err() }
}

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it (review the diff before committing). */
function golden(name: string, actual: string) {
  const path = `${GOLDEN}${name}`
  if (process.env.UPDATE_GOLDEN || !existsSync(path))
    writeFileSync(path, actual)
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

describe('duban metrics', () => {
  it('prints every key of the contract as JSON (golden)', async () => {
    const r = await run(['metrics', '--data', 'data/sample-2024-10', '--as-of', '2024-10-16', '--format', 'json'])
    expect(r.code).toBe(EXIT.ok)
    const m = JSON.parse(r.out)
    expect(Object.keys(m)).toEqual(expect.arrayContaining(['tables', 'bundles_count', 'schedule', 'evaluations', 'reduction', 'applications']))
    expect(Object.keys(m.evaluations.rule_1_5_15)).toEqual(expect.arrayContaining(['contact_due', 'contact_on_time', 'rectify_due', 'rectify_on_time', 'complex_due', 'complex_on_time', 'open_overdue', 'excluded']))
    expect(m.schedule.tasks[0]).toEqual(expect.objectContaining({ task_id: '1', deadline_text: '9月底前', due_date: '2024-09-30', deadline_kind: 'date', status: 'done_on_time' }))
    expect(m.tables).toMatchObject({ tasks: 11, task_progress: 9, evaluations: 21, rectifications: 7, reform_baselines: 3, applications: 6, bundles: 4 })
    expect(m.bundles_count).toBe(3)
    golden('sample-2024-10.metrics.json', r.out)
  })

  it('prints a readable table by default, in Chinese (golden)', async () => {
    const r = await run(['metrics', '--data', 'data/sample-2024-10', '--as-of', '2024-10-16'])
    expect(r.code).toBe(EXIT.ok)
    expect(r.out).toContain('1个工作日内联系 62.5% (5/8)')
    golden('sample-2024-10.metrics.zh.txt', r.out)
  })

  it('speaks English when asked', async () => {
    const r = await run(['metrics', '--data', 'data/sample-2024-10', '--as-of', '2024-10-16', '--lang', 'en'])
    expect(r.out).toContain('contacted ≤1 WD 62.5% (5/8)')
  })

  it('shows "—" for an empty denominator and null in JSON', async () => {
    const r = await run(['metrics', '--data', 'data/sample-2024-10', '--as-of', '2024-10-16', '--dept', '区卫健局', '--format', 'json'])
    const m = JSON.parse(r.out)
    expect(m.evaluations.good_rate).toBeNull()
    expect(m.evaluations.rule_1_5_15.contact_rate).toBeNull()
    const t = await run(['metrics', '--data', 'data/sample-2024-10', '--as-of', '2024-10-16', '--dept', '区卫健局'])
    expect(t.out).toContain('好评率 —（无到期）')
  })

  it('defaults the review date to the end of --month', async () => {
    const m = JSON.parse((await run(['metrics', '--data', 'data/sample-2024-10', '--month', '2024-09', '--format', 'json'])).out)
    expect([m.as_of, m.month]).toEqual(['2024-09-30', '2024-09'])
  })

  it('exits 2 on usage errors and 3 on unreadable data or a date outside the calendar', async () => {
    expect((await run(['metrics'])).code).toBe(EXIT.usage)
    expect((await run(['metrics', '--data', 'x', '--month', '2024-13'])).code).toBe(EXIT.usage)
    expect((await run(['frobnicate'])).code).toBe(EXIT.usage)
    expect((await run(['metrics', '--data', 'no/such/dir'])).code).toBe(EXIT.data)
    const r = await run(['metrics', '--data', 'data/sample-2024-10', '--as-of', '2027-01-04'])
    expect(r.code).toBe(EXIT.data)
    expect(r.err).toContain('2027-01-04')
  })
})

describe('duban validate', () => {
  it('exits 0 for good files and lists what it recognised', async () => {
    const r = await run(['validate', 'data/sample-2024-10/好差评.csv', 'data/sample-2024-10/配档表.csv'])
    expect(r.code).toBe(EXIT.ok)
    expect(r.out).toContain('好差评.csv: evaluations · 有效行 21 · 问题行 0 · gb18030')
  })
  it('exits 1 with row-level messages for bad files', async () => {
    const dir = `${process.env.TMPDIR ?? '/tmp'}/duban-validate-${process.pid}`
    const { mkdirSync } = await import('node:fs')
    mkdirSync(dir, { recursive: true })
    writeFileSync(`${dir}/好差评.csv`, '评价编号,被评价部门,评价时间,评价等级\nE1,A,2024-10-08,满意\nE2,A,2024-02-30,满意\nE3,A,2024-10-08,好\n')
    const r = await run(['validate', `${dir}/好差评.csv`])
    expect(r.code).toBe(EXIT.invalid)
    expect(r.out).toContain('好差评.csv 第 3 行 「评价时间」列：无法识别的时间「2024-02-30」')
    expect(r.out).toContain('好差评.csv 第 4 行 「评价等级」列')
    const en = await run(['validate', '--lang', 'en', `${dir}/好差评.csv`])
    expect(en.out).toContain('好差评.csv, row 3, column "评价时间"')
  })
})

describe('npx duban (the real binary)', () => {
  it('runs through bin/duban.mjs with data on stdout and exit codes', async () => {
    const exec = promisify(execFile)
    const { stdout } = await exec('node', ['bin/duban.mjs', 'metrics', '--data', 'data/sample-2024-10', '--as-of', '2024-10-16', '--format', 'json'])
    expect(JSON.parse(stdout).evaluations.rule_1_5_15.contact_on_time).toBe(5)
    await expect(exec('node', ['bin/duban.mjs', 'metrics'])).rejects.toMatchObject({ code: 2 })
  })
})

describe('duban metrics on the seed plans', () => {
  it.each([
    ['hedong-2021', { matters: 296, tasks: 19 }, 0, 19],
    ['xuecheng-2021', { matters: 307, tasks: 8 }, 0, 8],
    ['liaoning-2023', { bundles: 139, tasks: 8 }, 35, 8],
    ['sanmenxia-2023', { bundles: 255 }, 53, 0],
    ['xinxiang-2024', { bundles: 143 }, 21, 21],
  ] as const)('loads seeds/%s', async (plan, tables, bundles, scheduled) => {
    const r = await run(['metrics', '--data', `seeds/${plan}`, '--as-of', '2024-11-01', '--format', 'json'])
    expect(r.code).toBe(EXIT.ok)
    expect(r.err).toBe('')
    const m = JSON.parse(r.out)
    expect(m.tables).toMatchObject(tables)
    expect(m.bundles_count).toBe(bundles)
    expect(m.schedule.tasks).toHaveLength(scheduled)
    expect(m.schedule.counts.unparsed).toBe(0)
    if (plan === 'xinxiang-2024')
      expect([m.schedule.counts.overdue, m.schedule.counts.awaiting_schedule]).toEqual([13, 8])
  })
})
