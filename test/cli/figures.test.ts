import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main'
import { capturingIO } from '../helpers/cli-io'

// metrics, report and notices read --data, --calendar and the review date one way
// (src/cli/figures.ts): the same folder gets the same answer from each.
const CAL = 'test/fixtures/calendar'
const tmp = mkdtempSync(join(tmpdir(), 'duban-figures-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const COMMANDS = {
  metrics: (data: string, extra: string[]) => ['metrics', '--data', data, '--format', 'json', ...extra],
  report: (data: string, extra: string[]) => ['report', '--data', data, '--month', '2027-01', '--out', join(tmp, 'report'), ...extra],
  notices: (data: string, extra: string[]) => ['notices', '--data', data, '--out', join(tmp, 'notices'), ...extra],
}

async function run(argv: string[]) {
  const c = capturingIO({}, new Date('2027-01-20T02:00:00Z'))
  const code = await runCli(argv, c.io)
  return { code, err: c.err() }
}

describe('every figure command reads the data folder the same way', () => {
  for (const [name, argv] of Object.entries(COMMANDS)) {
    it(`${name}: a folder with no data file is refused (exit 3)`, async () => {
      const empty = mkdtempSync(join(tmp, 'empty-'))
      const r = await run(argv(empty, []))
      expect(r.code).toBe(3)
      expect(r.err).toContain('没有可读取的数据文件')
    })

    it(`${name}: a January 2027 review needs the 2027 holidays, and works with --calendar`, async () => {
      const data = `${CAL}/newyear-2026`
      const without = await run(argv(data, ['--as-of', '2027-01-15']))
      expect(without.code).toBe(3)
      expect(without.err).toContain('--calendar')
      const added = await run(argv(data, ['--as-of', '2027-01-15', '--calendar', `${CAL}/notice-2027.txt`]))
      expect(added.code, added.err).toBe(0)
    })
  }
})
