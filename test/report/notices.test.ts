import type { MetricsResult } from '../../src/metrics/types'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main'
import { hasUnmaskedNumber } from '../../src/domain/text/mask'
import { capturingIO } from '../helpers/cli-io'

// A review date on the demo data with overdue, due-soon and unreported tasks and open bad reviews.
const D = '2024-06-25'

interface Listed { red: string[], yellow: string[], blue: string[], redCases: number }

/** Reads a notice's plain text back: the task ids by colour, and the bad reviews past a limit. */
function readText(txt: string): Listed {
  const [tasks = '', cases = ''] = txt.split(/^二、/m)
  const ids = (part: string, word: string) => [...part.matchAll(new RegExp(`^\\d+\\. \\[${word}\\] (\\S+) `, 'gm'))].map(m => m[1]!).sort()
  return { red: ids(tasks, '红色·逾期'), yellow: ids(tasks, '黄色·滞后'), blue: ids(tasks, '蓝色·提醒'), redCases: ids(cases, '红色·逾期').length }
}

describe('duban notices on the demo data', () => {
  it('gives each lead unit exactly its red, yellow and due-soon tasks and its open overdue bad reviews', async () => {
    const json = capturingIO()
    expect(await runCli(['metrics', '--data', 'data/demo', '--as-of', D, '--format', 'json'], json.io)).toBe(0)
    const m = JSON.parse(json.out()) as MetricsResult
    // Independently of the notice code: each lead unit's tasks by status, its open overdue count.
    const expected = new Map<string, Listed>()
    const of = (u: string) => {
      if (!expected.has(u))
        expected.set(u, { red: [], yellow: [], blue: [], redCases: 0 })
      return expected.get(u)!
    }
    for (const t of m.schedule.tasks) {
      for (const u of t.lead_units) {
        if (t.status === 'overdue')
          of(u).red.push(t.task_id)
        if (t.status === 'ongoing_unreported')
          of(u).yellow.push(t.task_id)
        if (t.status === 'due_soon')
          of(u).blue.push(t.task_id)
      }
    }
    for (const d of m.evaluations.by_dept) {
      if (d.rule_1_5_15.open_overdue)
        of(d.dept).redCases = d.rule_1_5_15.open_overdue
    }
    for (const e of expected.values()) {
      e.red.sort()
      e.yellow.sort()
      e.blue.sort()
    }
    // The date is chosen so the comparison means something.
    expect(m.schedule.counts.overdue).toBeGreaterThan(0)
    expect(m.schedule.counts.due_soon).toBeGreaterThan(0)
    expect(m.evaluations.rule_1_5_15.open_overdue).toBeGreaterThan(0)

    const out = mkdtempSync(join(tmpdir(), 'duban-notices-'))
    const cli = capturingIO()
    expect(await runCli(['notices', '--data', 'data/demo', '--as-of', D, '--out', out, '--watermark', '内部资料 注意保密'], cli.io)).toBe(0)
    const files = readdirSync(out)
    expect(files).toContain('all.docx')
    const units = files.filter(f => f.endsWith('.txt')).map(f => f.slice(0, -4)).sort()
    const withItems = [...expected.entries()].filter(([, e]) => e.red.length + e.yellow.length + e.redCases > 0).map(([u]) => u)
    // Every unit with something red or yellow has a notice (units with only reminders may too).
    for (const u of withItems)
      expect(units).toContain(u)
    for (const u of units) {
      expect(files).toEqual(expect.arrayContaining([`${u}.html`, `${u}.docx`]))
      const txt = readFileSync(join(out, `${u}.txt`), 'utf8')
      const got = readText(txt)
      // A unit may have only a bad review near its limit (a blue reminder): nothing red or yellow.
      const want = expected.get(u) ?? { red: [], yellow: [], blue: [], redCases: 0 }
      if (!expected.has(u))
        expect(txt).toMatch(/\[蓝色·提醒\]/)
      expect({ unit: u, ...got }).toEqual({ unit: u, ...want })
      expect(hasUnmaskedNumber(txt)).toBe(false)
      const html = readFileSync(join(out, `${u}.html`), 'utf8')
      expect(html).not.toMatch(/<script/i)
      expect(html).toContain('class="watermark"')
      expect(html).toContain('内部资料 注意保密')
      // Colour always comes with its word.
      for (const id of want.red)
        expect(html).toContain(`<td>${id}</td>`)
      if (want.red.length)
        expect(html).toContain('红色·逾期')
    }
    expect(units.length).toBeGreaterThan(0)
  }, 240_000)
})
