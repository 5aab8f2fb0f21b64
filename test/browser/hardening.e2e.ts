import type { Page } from 'playwright-core'
import type { Session } from './browser'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from '@e965/xlsx'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { hasUnmaskedNumber } from '../../src/domain/text/mask'
import { hostileDataset, XSS_PAYLOADS } from '../hardening/xss-corpus'
import { offOrigin, openSession, screenMetrics, SHOTS, storedNames } from './browser'

// Issue 10 through the real app: hostile text imported with the Data page's file input, file
// and sheet names as payloads, the size guard, a full browser storage and masked exports.

const AS_OF = '2024-10-16'
const PAGES = ['/', '/schedule', '/reduction', '/evaluations', '/applications', '/departments', '/data', '/report', '/settings']
const tmp = mkdtempSync(join(tmpdir(), 'duban-hardening-e2e-'))
const HOSTILE = hostileDataset()
const PHONES = [...new Set([...Object.values(HOSTILE).join('\n').matchAll(/(?<!\d)1[3-9]\d{9}(?!\d)/g)].map(m => m[0]))]
const ID_NUMBER = '110101199003071234'
const PERSON_PHONE = '13712345670'
// Elements and attributes that would only be in the page if a payload had become markup.
const INJECTED = 'img[src="x"], iframe:not([data-testid="report-frame"]), object, embed, marquee, isindex, keygen, x, '
  + '[onerror], [onload], [onfocus], [onclick], [onmouseover], [ontoggle], [onbegin], [onstart]'

async function pwned(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __pwnedCalls: number[] }).__pwnedCalls)
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)
}

async function injected(page: Page): Promise<number> {
  return page.evaluate(sel => document.querySelectorAll(sel).length, INJECTED)
}

/** Waits until no load is in progress and the page's text has stopped changing (queries are async). */
async function settle(page: Page) {
  await page.locator('.el-main').waitFor()
  await page.waitForFunction(() => !document.querySelector('.progress[role=status]'), undefined, { timeout: 90_000 })
  let last = ''
  for (let stable = 0, i = 0; stable < 3 && i < 60; i++) {
    await page.waitForTimeout(400)
    const now = await page.locator('.el-main').innerText()
    stable = now === last ? stable + 1 : 0
    last = now
  }
}

async function importFiles(page: Page, files: Parameters<Page['setInputFiles']>[1]) {
  await page.getByTestId('import-input').setInputFiles(files)
  await page.getByTestId('import-report').waitFor({ timeout: 60_000 })
}

async function loadStaged(page: Page) {
  await page.getByTestId('import-load').click()
  await page.getByTestId('notice-imported').waitFor({ timeout: 90_000 })
}

describe('hardening in the browser', () => {
  const base = inject('baseUrl')
  let s: Session
  const dialogs: string[] = []
  beforeAll(async () => {
    s = await openSession()
    // Any payload that runs calls this; it only records.
    // The page's CSP already blocks inline handlers, so a payload turned into markup would
    // show up as a CSP violation (or injected elements) before it could call this.
    await s.context.addInitScript(() => {
      const w = window as unknown as { __pwnedCalls: number[], __pwned: (n: number) => void, __cspViolations: string[] }
      w.__pwnedCalls = []
      w.__cspViolations = []
      w.__pwned = (n: number) => {
        w.__pwnedCalls.push(n)
      }
      document.addEventListener('securitypolicyviolation', e => w.__cspViolations.push(`${e.violatedDirective} ${e.sample}`))
    })
    s.page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
  })
  afterAll(async () => {
    await s.close()
    rmSync(tmp, { recursive: true, force: true })
  })

  it('a hostile data set imported through the file input executes nothing on any page', async () => {
    const { page } = s
    const paths = Object.entries(HOSTILE).map(([name, text]) => {
      const p = join(tmp, name)
      writeFileSync(p, text)
      return p
    })
    await page.goto(`${base}#/data?data=sample-2024-10&asOf=${AS_OF}`)
    await page.getByTestId('import-drop').waitFor()
    await settle(page)
    // A retry starts from an empty store, as the first attempt did.
    if ((await storedNames(page)).length) {
      await page.getByTestId('stored-clear').click()
      await page.getByTestId('confirm-clear').click()
      await page.getByTestId('notice-cleared').waitFor()
    }
    await importFiles(page, paths)
    expect((await page.getByTestId('import-summary').innerText()).replace(/\s+/g, '')).toMatch(/错误0条/)
    await loadStaged(page)
    await expect.poll(async () => (await screenMetrics(page, AS_OF)).evaluations.total, { timeout: 60_000 }).toBe(XSS_PAYLOADS.length)

    const dept = XSS_PAYLOADS[7]!
    const seen = new Set<string>()
    for (const [filters, label] of [[`month=2024-10&dept=${encodeURIComponent(dept)}`, 'dept'], ['month=2024-10', 'month']] as const) {
      for (const p of PAGES) {
        await page.goto(`${base}#${p}?data=user&asOf=${AS_OF}&${filters}`)
        await settle(page)
        const text = await page.locator('body').innerText()
        for (const x of XSS_PAYLOADS) {
          if (text.includes(x))
            seen.add(x)
        }
        expect(await pwned(page), `${p} (${label})`).toEqual([])
        expect(await violations(page), `${p} (${label})`).toEqual([])
        expect(await injected(page), `${p} (${label})`).toBe(0)
      }
    }
    // The department filter itself shows the payload as its value.
    expect(seen.has(dept)).toBe(true)
    expect(seen.size).toBeGreaterThan(5)

    // Chart labels and tooltips: hover across the department chart, whose axis labels are payloads.
    await page.goto(`${base}#/?data=user&asOf=${AS_OF}`)
    await settle(page)
    const chart = page.getByTestId('echart').first()
    await chart.scrollIntoViewIfNeeded()
    const box = (await chart.boundingBox())!
    let tooltip = ''
    for (let y = box.y + 40; y < box.y + box.height - 10; y += 18) {
      await page.mouse.move(box.x + box.width * 0.6, y)
      await page.waitForTimeout(60)
      // ECharts' tooltip is the absolutely placed div with its very high z-index.
      tooltip += await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('div[style*="z-index: 9999999"]')].map(d => d.innerText).join('\n'))
    }
    expect(XSS_PAYLOADS.slice(7, 12).some(x => tooltip.includes(x)), tooltip).toBe(true)
    await page.screenshot({ path: `${SHOTS}/hardening-tooltip-1280x720.png` })
    await page.getByTestId('provenance').click()
    await page.waitForTimeout(300)

    // The bulletin preview, built from the same rows.
    await page.goto(`${base}#/report?data=user&asOf=${AS_OF}`)
    await settle(page)
    await page.getByTestId('report-preview').click()
    await page.getByTestId('report-frame').waitFor({ timeout: 60_000 })
    await page.waitForTimeout(1000)
    const frame = page.frameLocator('[data-testid=report-frame]')
    expect(await frame.locator('body').innerText()).toContain(XSS_PAYLOADS[7]!)
    expect(await frame.locator(INJECTED).count()).toBe(0)

    expect(await pwned(page)).toEqual([])
    expect(await violations(page)).toEqual([])
    expect(await injected(page)).toBe(0)
    expect(dialogs).toEqual([])
    expect(offOrigin(s.requests, base)).toEqual([])

    // The traps work: the same payload made markup on purpose is caught by both.
    await page.evaluate((p) => {
      const d = document.createElement('div')
      d.id = 'control'
      d.innerHTML = p
      document.body.append(d)
    }, XSS_PAYLOADS[1]!)
    await expect.poll(() => violations(page)).not.toEqual([])
    expect(await injected(page)).toBeGreaterThan(0)
    await page.evaluate(() => {
      document.getElementById('control')!.remove();
      (window as unknown as { __cspViolations: string[] }).__cspViolations.length = 0
    })
  })

  it('file names and sheet names that are payloads show as text in the validation report', async () => {
    const { page } = s
    await page.goto(`${base}#/data?data=user&asOf=${AS_OF}`)
    await settle(page)
    const csvNames = [XSS_PAYLOADS[1]!, XSS_PAYLOADS[12]!, XSS_PAYLOADS[42]!].map(p => `${p}.csv`)
    const csv = (id: string) => Buffer.from(`评价编号,被评价部门,评价时间,评价等级\n${id},区人社局,2024-10-09 10:00,满意\n`)
    // Excel forbids : \ / ? * [ ] and more than 31 characters in a sheet name: the payloads that fit.
    const sheetNames = XSS_PAYLOADS.filter(p => p.length <= 31 && !/[:\\/?*[\]]/.test(p) && !/^'|'$/.test(p)).slice(0, 4)
    expect(sheetNames.length).toBe(4)
    const wb = XLSX.utils.book_new()
    sheetNames.forEach((name, i) => XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['评价编号', '被评价部门', '评价时间', '评价等级'], [`S${i}`, '区人社局', '2024-10-09 11:00', '不满意']]), name))
    const xlsx = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    const xlsxName = `${XSS_PAYLOADS[2]!}.xlsx`
    await importFiles(page, [
      ...csvNames.map((name, i) => ({ name, mimeType: 'text/csv', buffer: csv(`F${i}`) })),
      { name: xlsxName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx },
    ])
    const grids = await page.getByTestId('import-grids').innerText()
    for (const n of [...csvNames, xlsxName, ...sheetNames])
      expect(grids, n).toContain(n)
    expect(await pwned(page)).toEqual([])
    expect(await injected(page)).toBe(0)
    await page.screenshot({ path: `${SHOTS}/hardening-file-names-1280x720.png`, fullPage: true })
    await loadStaged(page)
    const names = await storedNames(page)
    for (const n of [...csvNames, xlsxName])
      expect(names).toContain(n)
    await page.getByTestId('provenance').click()
    await page.waitForTimeout(300)
    expect(await pwned(page)).toEqual([])
    expect(await violations(page)).toEqual([])
    expect(await injected(page)).toBe(0)
    expect(dialogs).toEqual([])
  })

  it('exports mask personal data by default; unmasked only after the explicit choice', async () => {
    const { page } = s
    await page.goto(`${base}#/data?data=user&asOf=${AS_OF}`)
    await settle(page)
    await importFiles(page, [{ name: '好差评-实名.csv', mimeType: 'text/csv', buffer: Buffer.from(`评价编号,被评价部门,评价时间,评价等级,评价内容,联系电话,评价人,身份证号\nP1,区人社局,2024-10-10 09:00,不满意,"请回电 ${PERSON_PHONE}",${PERSON_PHONE},张三丰,${ID_NUMBER}\n`) }])
    await loadStaged(page)
    const exported = async () => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()])
      const path = join(tmp, `export-${Date.now()}.zip`)
      await dl.saveAs(path)
      const zip = await JSZip.loadAsync(readFileSync(path))
      const csvs = await Promise.all(Object.values(zip.files).filter(f => f.name.endsWith('.csv')).map(f => f.async('string')))
      return { text: csvs.join('\n'), manifest: JSON.parse(await zip.file('manifest.json')!.async('string')) as { personal: string } }
    }
    expect(await page.getByTestId('export-include-personal').locator('input').isChecked()).toBe(false)
    const masked = await exported()
    expect(masked.manifest.personal).toBe('masked')
    expect(masked.text).toContain('P1,')
    for (const secret of [...PHONES, PERSON_PHONE, ID_NUMBER, '张三丰'])
      expect(masked.text, secret).not.toContain(secret)
    expect(hasUnmaskedNumber(masked.text)).toBe(false)
    expect(masked.text).toContain('137****5670')

    await page.getByTestId('export-include-personal').click()
    await page.getByTestId('export-personal-warning').waitFor()
    await page.getByTestId('export-personal-warning').scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/hardening-export-personal-1280x720.png` })
    const full = await exported()
    expect(full.manifest.personal).toBe('included')
    expect(full.text).toContain(PERSON_PHONE)
    expect(full.text).toContain(ID_NUMBER)
    await page.getByTestId('export-include-personal').click()
  })

  it('refuses a file or data set over the size budget with a message, keeping the data shown', async () => {
    const { page } = s
    await page.goto(`${base}#/data?data=user&asOf=${AS_OF}`)
    await settle(page)
    const names = await storedNames(page)
    const figures = await screenMetrics(page, AS_OF)
    try {
      // A small budget rather than a giant file: the same guard, a test-sized limit.
      await page.evaluate(() => localStorage.setItem('duban.budget', JSON.stringify({ warnRows: 200, refuseRows: 400, warnBytes: 2e6, refuseBytes: 4e6 })))
      const rows = Array.from({ length: 500 }, (_, i) => `Z${i},区人社局,2024-10-09 10:00,满意`).join('\n')
      await page.getByTestId('import-input').setInputFiles({ name: '好差评-全年.csv', mimeType: 'text/csv', buffer: Buffer.from(`评价编号,被评价部门,评价时间,评价等级\n${rows}\n`) })
      const notice = page.getByTestId('notice-tooLarge')
      await notice.waitFor({ timeout: 30_000 })
      const text = (await notice.innerText()).replace(/\s+/g, ' ')
      expect(text).toContain('未导入「好差评-全年.csv」：共 500 行')
      expect(text).toContain('上限（400 行')
      expect(text).toContain('duban aggregate')
      expect(await page.getByTestId('import-report').count()).toBe(0)
      expect(await storedNames(page)).toEqual(names)
      expect(await screenMetrics(page, AS_OF)).toEqual(figures)
      await notice.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${SHOTS}/hardening-too-large-1280x720.png` })
      await page.getByRole('button', { name: 'English' }).click()
      await expect.poll(async () => (await notice.innerText()).replace(/\s+/g, ' ')).toContain('Not imported: "好差评-全年.csv" has 500 rows')
      await page.getByRole('button', { name: '中文' }).click()

      // An embedded data set over the budget: refused before parsing, the user's data stays.
      await page.evaluate(() => localStorage.setItem('duban.budget', JSON.stringify({ refuseRows: 10 })))
      await page.goto(`${base}#/?data=sample-2024-10&asOf=${AS_OF}`)
      const refused = page.getByTestId('budget-refused')
      await refused.waitFor({ timeout: 60_000 })
      expect(await refused.innerText()).toMatch(/未载入数据集「.+」：[共约] [\d,]+ 行/)
      expect(await refused.innerText()).toContain('duban aggregate')
      await page.getByTestId('kpi-overdue').waitFor({ timeout: 60_000 })
      // The selector and the URL go back to the data set shown.
      await expect.poll(() => new URL(page.url().replace('#/', '')).searchParams.get('data')).toBe('user')
      await settle(page)
      expect(await refused.isVisible()).toBe(true)
      await page.screenshot({ path: `${SHOTS}/hardening-dataset-refused-1280x720.png` })
      expect(await screenMetrics(page, AS_OF)).toEqual(figures)
    }
    finally {
      // Later tests (and a retry) must not inherit the small budget.
      await page.evaluate(() => localStorage.removeItem('duban.budget'))
    }
  })

  it('a full storage keeps the data and the user\'s changes and says so', async () => {
    const { page } = s
    await page.goto(`${base}#/data?data=user&asOf=${AS_OF}`)
    await settle(page)
    const names = await storedNames(page)
    const figures = await screenMetrics(page, AS_OF)

    // localStorage filled to its quota: the theme and a setting still apply, with a message.
    const filled = await page.evaluate(() => {
      // The theme's key goes first, so that turning dark needs a new byte (overwriting "light"
      // with "dark" would fit); then halving chunks down to one character fill every byte.
      localStorage.removeItem('duban.theme')
      let n = 0
      for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
        try {
          for (;;)
            localStorage.setItem(`fill-${n++}`, 'x'.repeat(size))
        }
        catch {
          // Full at this size: try the next smaller one.
        }
      }
      return n
    })
    expect(filled).toBeGreaterThan(0)
    await page.locator('.el-switch').click()
    const problem = page.getByTestId('storage-problem')
    await problem.waitFor()
    expect(await problem.innerText()).toContain('浏览器存储空间已满')
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true)
    await page.screenshot({ path: `${SHOTS}/hardening-storage-full-1280x720.png` })
    await page.locator('.el-switch').click()
    await page.goto(`${base}#/settings?data=user&asOf=${AS_OF}`)
    const input = page.getByTestId('warning-wd').locator('input')
    await input.waitFor()
    // A value different from the one shown, so that there is something to write.
    const next = (await input.inputValue()) === '4' ? '3' : '4'
    await input.fill(next)
    await input.press('Enter')
    await expect.poll(() => problem.innerText()).toContain('规则设置')
    expect(await input.inputValue()).toBe(next)
    // The rule change applies (figures may move); the data itself is all there.
    await expect.poll(async () => (await screenMetrics(page, AS_OF)).tables, { timeout: 60_000 }).toEqual(figures.tables)

    // IndexedDB refuses the new file for quota: a clear message, nothing stored or shown changes.
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        if (typeof key === 'string' && key.startsWith('blob:'))
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        return put.call(this, value, key)
      }
    })
    await page.goto(`${base}#/data?data=user&asOf=${AS_OF}`)
    await importFiles(page, [{ name: '好差评-12月.csv', mimeType: 'text/csv', buffer: Buffer.from('评价编号,被评价部门,评价时间,评价等级\nQ1,区人社局,2024-10-11 09:00,满意\n') }])
    await page.getByTestId('import-load').click()
    const quota = page.getByTestId('notice-quotaExceeded')
    await quota.waitFor({ timeout: 60_000 })
    expect(await quota.innerText()).toContain('浏览器存储空间已满')
    expect(await storedNames(page)).toEqual(names)
    await expect.poll(async () => (await screenMetrics(page, AS_OF)).tables, { timeout: 60_000 }).toEqual(figures.tables)
    await page.evaluate(() => {
      for (const k of Object.keys(localStorage).filter(k => k.startsWith('fill-')))
        localStorage.removeItem(k)
    })
    expect(await pwned(page)).toEqual([])
    expect(dialogs).toEqual([])
    expect(offOrigin(s.requests, base)).toEqual([])
  })
})
