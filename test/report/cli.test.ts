import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { EXIT_NO_BROWSER, reportCommand } from '../../src/cli/report'
import { DataDirError } from '../../src/ingest/node/load-dir'
import { capturingIO } from '../helpers/cli-io'
import { SAMPLE } from './helpers'

const out = mkdtempSync(join(tmpdir(), 'duban-report-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

async function run(args: string[], env: Record<string, string> = {}) {
  const c = capturingIO(env)
  const code = await reportCommand(args, c.io)
  return { code, stdout: c.out(), stderr: c.err() }
}

describe('duban report', () => {
  it('writes the month\'s page, its metadata and an index of the months present', async () => {
    const r = await run(['--data', SAMPLE, '--month', '2024-10', '--as-of', '2024-10-16', '--out', out, '--issuer', '示例区政务服务管理办公室'])
    expect(r.code).toBe(0)
    const page = readFileSync(join(out, '2024-10', 'index.html'), 'utf8')
    expect(page).toContain('<h2>一、总体情况</h2>')
    expect(page).not.toMatch(/<script/i)
    expect(page).toContain('@font-face{font-family:\'Duban Noto Sans SC\'')
    const meta = JSON.parse(readFileSync(join(out, '2024-10', 'report.json'), 'utf8'))
    expect(meta).toMatchObject({ month: '2024-10', as_of: '2024-10-16', issuer: '示例区政务服务管理办公室', generated_at: '2024-10-16T02:00:00.000Z' })
    expect(r.stdout.trim().split('\n')).toEqual([join(out, '2024-10', 'index.html'), join(out, 'index.html')])

    // A second month: the index lists both, newest first; folders that are not months are ignored.
    expect((await run(['--data', SAMPLE, '--month', '2024-09', '--out', out])).code).toBe(0)
    writeFileSync(join(out, 'notes.txt'), 'x')
    expect((await run(['--data', SAMPLE, '--month', '2024-09', '--out', out])).code).toBe(0)
    const index = readFileSync(join(out, 'index.html'), 'utf8')
    expect(index).toMatch(/href="2024-10\/index.html"[\s\S]*href="2024-09\/index.html"/)
    expect(index).toContain('关于2024年9月政务服务改革工作推进情况的通报')
    expect(index).not.toContain('notes.txt')
    expect(index).not.toMatch(/<script/i)
  })

  it('says clearly when no Chromium is there for --pdf, keeps the HTML and exits 4', async () => {
    const r = await run(['--data', SAMPLE, '--month', '2024-10', '--as-of', '2024-10-16', '--out', out, '--pdf'], { CHROMIUM_PATH: '/no/such/chromium' })
    expect(r.code).toBe(EXIT_NO_BROWSER)
    expect(r.stderr).toContain('未找到 Chromium')
    expect(r.stderr).toContain('Chromium not found at /no/such/chromium')
    expect(existsSync(join(out, '2024-10', 'index.html'))).toBe(true)
    expect(existsSync(join(out, '2024-10', 'report.pdf'))).toBe(false)
  })

  it('removes a PDF left by an earlier run, which would no longer match', async () => {
    writeFileSync(join(out, '2024-10', 'report.pdf'), '%PDF-old')
    const r = await run(['--data', SAMPLE, '--month', '2024-10', '--as-of', '2024-10-16', '--out', out])
    expect(r.code).toBe(0)
    expect(existsSync(join(out, '2024-10', 'report.pdf'))).toBe(false)
  })

  it('exits 2 on usage errors and throws the data error runCli maps to 3', async () => {
    expect((await run(['--data', SAMPLE, '--month', '2024-10'])).code).toBe(2)
    expect((await run(['--data', SAMPLE, '--month', '2024-13', '--out', out])).code).toBe(2)
    expect((await run(['--data', SAMPLE, '--month', '2024-10', '--as-of', '2024-09-30', '--out', out])).code).toBe(2)
    await expect(run(['--data', 'no/such/dir', '--month', '2024-10', '--out', out])).rejects.toBeInstanceOf(DataDirError)
  })
})
