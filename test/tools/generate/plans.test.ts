import type { Row } from './helpers'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateCommand } from '../../../src/cli/generate'
import { runCli } from '../../../src/cli/main'
import { captureIo, cleanTempDirs, FIXTURE_SEEDS, generate, readCsv, tempDir } from './helpers'

afterAll(cleanTempDirs)

const bad = (rows: Row[]) => rows.filter(e => e.level === '不满意' || e.level === '非常不满意').length / rows.length

describe('other plans and options', () => {
  it('supervises bundles with a deadline under their derived task ids, re-based to the period', async () => {
    const dir = await generate(['--seeds', FIXTURE_SEEDS, '--plan', 'tiny-2023', '--scale', '2000', '--from', '2025-03', '--to', '2026-02', '--format', 'csv'])
    const meta = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) as Record<string, unknown>
    expect(meta).toMatchObject({ as_of: '2026-02-28', plan_year: 2025, generated: { scale: 2000, from: '2025-03', to: '2026-02' } })
    const bundles = readCsv(join(dir, 'bundles.csv'))
    expect(bundles.find(b => b.bundle_name === '企业开办')).toMatchObject({ deadline_text: '2025年6月底前', note: '原文完成时限：2023年6月底前' })
    expect(readCsv(join(dir, 'tasks.csv')).map(x => [x.deadline_text, x.plan_year])).toContainEqual(['2025年4月底前', '2025'])
    const ids = new Set(readCsv(join(dir, 'task_progress.csv')).map(p => p.task_id))
    expect([...ids].some(id => id?.startsWith('一件事:'))).toBe(true)

    const c = captureIo()
    expect(await runCli(['metrics', '--data', dir, '--format', 'json', '--as-of', '2026-02-28'], c.io)).toBe(0)
    const m = JSON.parse(c.out.join('')) as { schedule: { tasks: Array<{ task_id: string, deadline_kind: string }> } }
    expect(m.schedule.tasks.map(x => x.task_id)).toEqual(['1', '2', '3', '4', '5', '6', '一件事:企业开办@区市场监管局', '一件事:新生儿出生@区卫健局'])
    expect(new Set(m.schedule.tasks.map(x => x.deadline_kind))).toEqual(new Set(['date', 'date_then_ongoing', 'ongoing', 'external']))
    // Every reference resolves: nothing was dropped or flagged as dangling.
    expect(c.err.join('')).toBe('')
  })

  it('keeps the bad-review share inside a configured range', async () => {
    const dir = await generate(['--seeds', FIXTURE_SEEDS, '--plan', 'tiny-2023', '--scale', '3000', '--bad-range', '5-8', '--format', 'csv'])
    const share = bad(readCsv(join(dir, 'evaluations.csv')))
    expect(share).toBeGreaterThanOrEqual(0.05)
    expect(share).toBeLessThanOrEqual(0.08)
  })

  it('works for a plan that lists only matters', async () => {
    const dir = await generate(['--plan', 'hedong-2021', '--scale', '1000', '--format', 'csv'])
    const apps = readCsv(join(dir, 'applications.csv'))
    const matters = new Set(readCsv(join(dir, 'matters.csv')).map(m => m.matter_name))
    expect(apps).toHaveLength(1000)
    expect(apps.every(a => a.bundle_name === '' && matters.has(a.matter_name!))).toBe(true)
    expect(apps.some(a => ['九曲街道', '郑旺镇'].includes(a.region!))).toBe(true)
  })
})

describe('writing into a folder', () => {
  it('replaces an earlier generated data set instead of mixing with it', async () => {
    const dir = await generate(['--plan', 'hedong-2021', '--scale', '300', '--format', 'csv'])
    const c = captureIo()
    expect(await generateCommand(['--out', dir, '--scale', '300'], c.io)).toBe(0)
    expect(readdirSync(dir).filter(n => !n.startsWith('.')).sort()).toEqual([
      'applications.parquet', 'bundles.parquet', 'dataset.json', 'evaluations.parquet', 'rectifications.parquet',
      'reform_baselines.parquet', 'task_progress.parquet', 'tasks.parquet',
    ])
    expect(c.out.join('')).toContain('applications 300')
  })

  it('leaves files it did not write alone in a folder that is not a generated data set', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'matters.csv'), 'matter_name,lead_dept\n甲,乙\n')
    expect(await generateCommand(['--out', dir, '--scale', '200', '--format', 'csv'], captureIo().io)).toBe(0)
    expect(readdirSync(dir)).toContain('matters.csv')
  })
})

describe('duban generate usage', () => {
  it.each([
    [[]],
    [['--out']],
    [['--out', 'x', '--scale', '0']],
    [['--out', 'x', '--scale', 'many']],
    [['--out', 'x', '--from', '2024-13']],
    [['--out', 'x', '--from', '2024-06', '--to', '2024-01']],
    [['--out', 'x', '--from', '2030-01', '--to', '2030-02']],
    [['--out', 'x', '--format', 'xlsx']],
    [['--out', 'x', '--bad-range', '3-1']],
    [['--out', 'x', '--plan', 'no-such-plan']],
    [['--out', 'x', '--plan', '../etc']],
    [['--out', 'x', '--unknown']],
  ])('exits 2 for %j', async (args) => {
    const c = captureIo()
    expect(await generateCommand(args, c.io)).toBe(2)
    expect(c.err.join('')).toContain('duban generate')
  })
})
