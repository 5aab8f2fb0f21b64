import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT, runCli } from '../../src/cli/main'
import { capturingIO } from '../helpers/cli-io'

const DATA = 'test/fixtures/calendar/newyear-2026'
const NOTICE = 'test/fixtures/calendar/notice-2027.txt'

async function run(argv: string[]): Promise<{ code: number, out: string, err: string }> {
  const c = capturingIO()
  const code = await runCli(argv, c.io)
  return { code, out: c.out(), err: c.err() }
}

describe('duban metrics at the year boundary (domain §4a)', () => {
  it('rated 30 Dec, rectified 31 Dec 2026: on time at review 31 Dec without the 2027 holidays', async () => {
    const r = await run(['metrics', '--data', DATA, '--as-of', '2026-12-31', '--format', 'json'])
    expect(r.code).toBe(EXIT.ok)
    const m = JSON.parse(r.out)
    expect(m.evaluations.rule_1_5_15).toMatchObject({ rectify_due: 1, rectify_on_time: 1, contact_due: 2, contact_on_time: 2, open_overdue: 0 })
    expect(m.evaluations.rule_1_5_15.pending_calendar).toEqual({ contact: 0, rectify: 0, complex: 0, years: [] })
    expect(m.applications.pending_calendar).toEqual({ accept: 0, completion: 0, years: [] })
    expect(m.schedule.pending_calendar).toEqual({ tasks: 1, years: [2027] })
    expect(m.calendar.sources).toEqual([{ from_year: 2004, to_year: 2026, kind: 'package', label: 'chinese-days' }])
    // The 2027 dates are kept, with a warning naming the year and where to add it.
    expect(r.err).toContain('2027 年')
    expect(r.err).toContain('--calendar')
  })
  it('the readable table says what is pending and which year to add', async () => {
    const r = await run(['metrics', '--data', DATA, '--as-of', '2026-12-31'])
    expect(r.out).toContain('1 项任务是否临期取决于2027年节假日安排，记为待定；请载入2027年节假日安排')
    const en = await run(['metrics', '--data', DATA, '--as-of', '2026-12-31', '--lang', 'en'])
    expect(en.out).toContain('1 tasks may or may not be due soon depending on the 2027 holidays')
  })
  it('a January 2027 review fails with the coverage error naming how to add the year', async () => {
    const r = await run(['metrics', '--data', DATA, '--as-of', '2027-01-08', '--format', 'json'])
    expect(r.code).toBe(EXIT.data)
    expect(r.out).toBe('')
    expect(r.err).toContain('2027-01-08')
    expect(r.err).toContain('设置 → 节假日安排')
    expect(r.err).toContain('--calendar')
  })
  it('works with --calendar notice-2027.txt, on that calendar', async () => {
    const r = await run(['metrics', '--data', DATA, '--as-of', '2027-01-08', '--format', 'json', '--calendar', NOTICE])
    expect(r.code).toBe(EXIT.ok)
    const m = JSON.parse(r.out)
    // N2's rectify limit is 7 Jan (1–3 Jan off in the added year): open and overdue on 8 Jan.
    expect(m.evaluations.rule_1_5_15).toMatchObject({ contact_due: 3, contact_on_time: 3, rectify_due: 3, rectify_on_time: 2, open_overdue: 1 })
    expect(m.calendar.to).toBe('2027-12-31')
    expect(m.calendar.sources[1]).toEqual({ from_year: 2027, to_year: 2027, kind: 'notice', label: 'notice-2027.txt', added_at: '2024-10-16' })
    expect(m.schedule.pending_calendar).toEqual({ tasks: 0, years: [] })
  })
  it('takes a table of the year\'s days as well, and refuses a bad notice naming file and line', async () => {
    const table = join(tmpdir(), `duban-2027-${process.pid}.csv`)
    writeFileSync(table, '日期,是否工作日,说明\n2027-01-01,否,元旦\n2027-01-02,否,元旦\n2027-01-03,否,元旦\n')
    const r = await run(['metrics', '--data', DATA, '--as-of', '2027-01-08', '--format', 'json', '--calendar', table])
    expect(r.code).toBe(EXIT.ok)
    expect(JSON.parse(r.out).calendar.sources[1]).toMatchObject({ kind: 'table', from_year: 2027 })
    const bad = join(tmpdir(), `duban-notice-${process.pid}.txt`)
    writeFileSync(bad, '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周四）至3日（周日）放假，共3天。\n')
    const b = await run(['metrics', '--data', DATA, '--as-of', '2027-01-08', '--calendar', bad])
    expect(b.code).toBe(EXIT.invalid)
    expect(b.err).toContain(`${bad}: 第 2 行：2027-01-01 是星期五，通知写的是“周四”`)
  })
})

describe('duban report at the year boundary', () => {
  it('names the calendar sources and the pending tasks in the bulletin; --calendar works there too', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs')
    const out = mkdtempSync(join(tmpdir(), 'duban-cal-'))
    try {
      const r = await run(['report', '--data', DATA, '--month', '2026-12', '--out', out])
      expect(r.code).toBe(0)
      const page = readFileSync(join(out, '2026-12', 'index.html'), 'utf8')
      expect(page).toContain('2004–2026 年：内置日历 chinese-days')
      expect(page).toContain('1 项任务是否临期取决于2027年节假日安排，记为待定')
      expect(page).toContain('待定（节假日安排未载入）') // N2 and N3: open, limits in 2027

      const j = await run(['report', '--data', DATA, '--month', '2027-01', '--as-of', '2027-01-08', '--out', out, '--calendar', NOTICE])
      expect(j.code).toBe(0)
      const jan = readFileSync(join(out, '2027-01', 'index.html'), 'utf8')
      expect(jan).toContain('2027 年：用户载入的国务院通知 notice-2027.txt（2024-10-16 载入）')
      expect(jan).not.toContain('记为待定')
    }
    finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})
