import type { Session } from './browser'
import { readFile } from 'node:fs/promises'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { offOrigin, openSession, SHOTS } from './browser'
import { cliMetrics } from './cli'

const D = '2024-06-25'

describe('the 督办单 page on the demo data', () => {
  const base = inject('baseUrl')
  let s: Session
  beforeAll(async () => {
    s = await openSession({ width: 1400, height: 1000 })
    // Every load starts in Chinese (a retry must not inherit the English of the run before).
    await s.context.addInitScript(() => {
      // Sandboxed frames (the preview) have no storage.
      if (window === window.top)
        localStorage.setItem('duban.locale', 'zh-CN')
    })
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin })
  })
  afterAll(() => s.close())

  it('picks a unit, shows its red items with their word, copies its text, in Chinese and English', async () => {
    const cli = await cliMetrics(['--data', 'data/demo', '--as-of', D])
    // The unit leading the most overdue tasks, and those tasks.
    const red = new Map<string, string[]>()
    for (const t of cli.schedule.tasks.filter(t => t.status === 'overdue')) {
      for (const u of t.lead_units)
        red.set(u, [...(red.get(u) ?? []), t.task_id])
    }
    const [unit, ids] = [...red.entries()].sort((a, b) => b[1].length - a[1].length)[0]!
    expect(ids.length).toBeGreaterThan(0)

    await s.page.goto(`${base}#/notices?data=demo&asOf=${D}`)
    const button = s.page.locator(`[data-testid=notice-units] button[data-unit="${unit}"]`)
    await button.waitFor({ timeout: 120_000 })
    expect(await button.getAttribute('data-level')).toBe('red')
    expect(await button.innerText()).toContain('红色·逾期')
    await button.click()

    const frame = s.page.frameLocator('[data-testid=notice-frame]')
    await expect.poll(() => frame.locator('body').innerText().catch(() => ''), { timeout: 30_000 }).toContain(unit)
    // The preview's document is replaced when the notice is rendered again (language, watermark):
    // read its laid-out text once it has settled, not the text of a document still loading.
    for (const id of ids)
      await expect.poll(() => frame.locator('#tasks').innerText().catch(() => ''), { timeout: 30_000 }).toMatch(new RegExp(`红色·逾期\\s+${id}\\s`))
    expect(await s.page.getByTestId('notice-frame').getAttribute('sandbox')).toBe('')
    await s.page.screenshot({ path: `${SHOTS}/notices-zh.png` })

    await s.page.getByTestId('notice-copy').click()
    await s.page.getByTestId('notices-notice').waitFor()
    const copied = await s.page.evaluate(() => navigator.clipboard.readText())
    expect(copied.split('\n')[0]).toBe(`【红色督办单】${unit}`)
    for (const id of ids)
      expect(copied).toContain(`[红色·逾期] ${id} `)

    // English: the same unit, the same items, in English words.
    await s.page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => frame.locator('body').innerText().catch(() => ''), { timeout: 30_000 }).toContain('Red · overdue')
    const en = await frame.locator('#tasks').innerText()
    for (const id of ids)
      expect(en).toMatch(new RegExp(`Red · overdue\\s+${id}\\s`))
    await s.page.getByTestId('notice-copy').click()
    await expect.poll(() => s.page.evaluate(() => navigator.clipboard.readText())).toContain('Red supervision notice')
    const copiedEn = await s.page.evaluate(() => navigator.clipboard.readText())
    expect(copiedEn.split('\n')[0]).toBe(`【Red supervision notice】${unit}`)
    await s.page.screenshot({ path: `${SHOTS}/notices-en.png` })

    // A watermark set on 设置 reaches the notice.
    await s.page.goto(`${base}#/settings?data=demo&asOf=${D}`)
    await s.page.getByTestId('watermark').fill('内部资料 注意保密 2024-06-25')
    await s.page.screenshot({ path: `${SHOTS}/settings-watermark.png` })
    await s.page.goto(`${base}#/notices?data=demo&asOf=${D}`)
    await button.click({ timeout: 120_000 })
    await expect.poll(() => frame.locator('.watermark').first().innerText().catch(() => ''), { timeout: 30_000 }).toContain('内部资料 注意保密 2024-06-25')

    expect(offOrigin(s.requests, base)).toEqual([])
    expect(s.consoleErrors).toEqual([])
  })
})

describe('the report page\'s Word download', () => {
  const base = inject('baseUrl')
  let s: Session
  beforeAll(async () => {
    s = await openSession({ width: 1400, height: 1000 })
  })
  afterAll(() => s.close())

  it('downloads the bulletin as .docx with the charts drawn as PNG and the watermark from the settings', async () => {
    await s.context.addInitScript(() => {
      if (window === window.top)
        localStorage.setItem('duban.watermark', '内部资料 注意保密')
    })
    await s.page.goto(`${base}#/report?data=sample-2024-10&asOf=2024-10-16`)
    const word = s.page.getByTestId('report-word')
    await word.waitFor()
    await s.page.waitForFunction(() => !document.querySelector('[data-testid=report-word]')?.hasAttribute('disabled'), null, { timeout: 90_000 })
    const download = s.page.waitForEvent('download', { timeout: 120_000 })
    await word.click()
    const file = await download
    expect(file.suggestedFilename()).toBe('duban-report-2024-10.docx')
    const zip = await JSZip.loadAsync(await readFile(await file.path()))
    const doc = await zip.file('word/document.xml')!.async('string')
    expect(doc).toContain('关于2024年10月政务服务改革工作推进情况的通报')
    expect(doc).toContain('<pic:pic')
    expect(Object.keys(zip.files).filter(f => /^word\/media\/.*\.png$/.test(f)).length).toBeGreaterThanOrEqual(3)
    expect(doc).not.toContain('13912345678')
    const headers = await Promise.all(Object.keys(zip.files).filter(f => /^word\/header\d*\.xml$/.test(f)).map(f => zip.file(f)!.async('string')))
    expect(headers.join('')).toContain('内部资料 注意保密')
    await expect.poll(() => s.page.getByTestId('report-notice').innerText()).toContain('duban-report-2024-10.docx')
    expect(offOrigin(s.requests, base)).toEqual([])
    expect(s.consoleErrors).toEqual([])
  })
})
