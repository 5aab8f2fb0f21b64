import type { Page } from 'playwright-core'
import type { Session } from './browser'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { SLICE_MIN_BYTES } from '../../src/app/import/share'
import { openNativeDb } from '../../src/engine/node/native'
import { offOrigin, openSession, screenMetrics, SHOTS, storedNames } from './browser'
import { cliMetrics } from './cli'

const FIX = 'test/fixtures/import'
const GOOD = readdirSync(`${FIX}/good`).sort().map(n => `${FIX}/good/${n}`)
const AS_OF = '2024-10-16'
const tmp = mkdtempSync(join(tmpdir(), 'duban-import-e2e-'))

/** 100k applications as a CSV: the size a district's month of 办件 reaches. */
function bigCsv(rows: number): string {
  const lines = ['办件编号,一件事名称,承办部门,申报渠道,申请时间,受理时间,办结时间,承诺时限,办件状态']
  const depts = ['区市场监管局', '区人社局', '区卫健局', '区医保局']
  for (let i = 0; i < rows; i++) {
    const d = 1 + (i % 28)
    lines.push(`B${i},企业开办一件事,${depts[i % 4]},${i % 3 ? '网上' : '窗口'},2024-10-${String(d).padStart(2, '0')} 09:00,2024-10-${String(d).padStart(2, '0')} 10:00,,3,在办`)
  }
  return `${lines.join('\n')}\n`
}

/** The data page reads `files`; the import workers the page started, once the report shows. */
async function importCountingWorkers(page: Page, base: string, files: string[]): Promise<string[]> {
  const workers: string[] = []
  const onWorker = (w: { url: () => string }) => {
    if (/import\.worker/.test(w.url()))
      workers.push(w.url())
  }
  page.on('worker', onWorker)
  try {
    await page.goto(`${base}#/data`)
    await page.getByTestId('import-drop').waitFor()
    await page.getByTestId('import-input').setInputFiles(files)
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 })
    return workers
  }
  finally {
    page.off('worker', onWorker)
  }
}

describe('bring your own data', () => {
  const base = inject('baseUrl')
  let s: Session
  beforeAll(async () => {
    s = await openSession()
  })
  afterAll(async () => {
    await s.close()
    rmSync(tmp, { recursive: true, force: true })
  })

  it('imports every format through a real file input, reports, loads, and keeps it across a reload', async () => {
    const { page } = s
    await page.goto(`${base}#/data`)
    await page.getByTestId('import-drop').waitFor()
    await page.getByTestId('import-input').setInputFiles(GOOD)
    const report = page.getByTestId('import-report')
    await report.waitFor({ timeout: 60_000 })
    const grids = page.getByTestId('import-grids')
    const gridText = await grids.innerText()
    for (const name of ['配档表-WPS.xlsx', '一件事清单.docx', 'applications.parquet', '事项清单.json', '差评整改.jsonl', '本地日历调整.txt', '好差评-Excel另存.csv'])
      expect(gridText).toContain(name)
    expect(gridText).toContain('填表说明')
    expect(gridText).toContain('已跳过')
    expect((await page.getByTestId('import-summary').innerText()).replace(/\s+/g, '')).toBe('有效行31，问题行0；错误0条，提示1条')
    await page.screenshot({ path: `${SHOTS}/data-import-report-1280x720.png` })

    await page.getByTestId('import-load').click()
    await page.getByTestId('notice-imported').waitFor({ timeout: 60_000 })
    expect(new URL(page.url().replace('#/', '')).searchParams.get('data')).toBe('user')
    expect(await storedNames(page)).toEqual(GOOD.map(p => p.split('/').pop()))
    const shas = (await page.getByTestId('stored-sha').allInnerTexts()).map(x => x.trim())
    expect(shas).toEqual(GOOD.map(p => createHash('sha256').update(readFileSync(p)).digest('hex')))
    const cli = await cliMetrics(['--data', `${FIX}/good`, '--as-of', AS_OF])
    expect(await screenMetrics(page, AS_OF)).toEqual(cli)
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: `${SHOTS}/data-page-1280x720.png` })

    await page.reload()
    await expect.poll(() => storedNames(page), { timeout: 30_000 }).toEqual(GOOD.map(p => p.split('/').pop()))
    await expect.poll(() => page.evaluate(() => Boolean((globalThis as { __duban?: unknown }).__duban)), { timeout: 60_000 }).toBe(true)
    await expect.poll(async () => (await screenMetrics(page, AS_OF)).tables, { timeout: 60_000 }).toEqual(cli.tables)
    expect(await screenMetrics(page, AS_OF)).toEqual(cli)

    // Reopening the app with no data set in the URL shows the imported data again, labelled as such.
    await page.goto('about:blank')
    await page.goto(`${base}#/`)
    await page.getByTestId('imported-label').waitFor({ timeout: 60_000 })
    await expect.poll(() => new URL(page.url().replace('#/', '')).searchParams.get('data'), { timeout: 30_000 }).toBe('user')
    await expect.poll(async () => (await screenMetrics(page, AS_OF)).tables, { timeout: 60_000 }).toEqual(cli.tables)
    // One click back to the sample data, which says it is sample data.
    await page.getByTestId('switch-dataset').click()
    await page.getByTestId('sample-label').waitFor({ timeout: 90_000 })
    expect(new URL(page.url().replace('#/', '')).searchParams.get('data')).toBe('demo')
    expect(offOrigin(s.requests, base)).toEqual([])

    // The next steps go on from the data page with the imported data shown.
    await page.goto(`${base}#/data?data=user`)
    await page.getByTestId('imported-label').waitFor({ timeout: 90_000 })
    await page.getByTestId('import-drop').waitFor()
    await expect.poll(async () => (await screenMetrics(page, AS_OF)).tables, { timeout: 60_000 }).toEqual(cli.tables)
  })

  /**
   * Picks an option of an Element Plus select, in that select's own list (another may still
   * be fading out), and checks that it took: a click during the list's opening animation is
   * sometimes lost, so it is tried again.
   */
  async function pickOption(page: Page, testid: string, text: string) {
    const select = page.getByTestId(testid)
    for (let attempt = 0; attempt < 3; attempt++) {
      await select.click()
      const list = page.locator(`[id="${await select.locator('input').getAttribute('aria-controls')}"]`)
      await list.waitFor()
      await page.waitForTimeout(150)
      await list.locator('.el-select-dropdown__item').filter({ hasText: text }).first().click()
      await list.waitFor({ state: 'hidden', timeout: 3000 }).catch(() => page.keyboard.press('Escape'))
      await list.waitFor({ state: 'hidden' })
      if ((await select.innerText()).includes(text.trim()))
        return
    }
    throw new Error(`could not pick "${text}" in ${testid}`)
  }

  it('asks for a column mapping where unsure, and remembers it for a file of the same shape', async () => {
    const { page } = s
    const before = await storedNames(page)
    await page.getByTestId('import-input').setInputFiles(`${FIX}/mapping/平台导出-202410.csv`)
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('import-grids').innerText()).toContain('需要设置列对应')
    expect(await page.getByTestId('import-load').isDisabled()).toBe(true)
    await page.getByTestId('map-button').click()
    const dialog = page.getByTestId('mapping-dialog')
    await dialog.waitFor()
    // The columns with their sample values, as the user decides on them.
    expect(await page.getByTestId('mapping-columns').innerText()).toContain('P01 · P02')
    await pickOption(page, 'mapping-table', '(evaluations)')
    for (const [i, field] of [[0, ' eval_id'], [1, ' dept'], [2, ' rated_at'], [3, ' level'], [4, ' comment']] as const)
      await pickOption(page, `mapping-target-${i}`, field)
    await page.waitForTimeout(400)
    await page.screenshot({ path: `${SHOTS}/data-mapping-1280x720.png` })
    await page.getByTestId('mapping-apply').click()
    await expect.poll(() => page.getByTestId('import-grids').innerText(), { timeout: 30_000 }).toContain('可载入')
    expect((await page.getByTestId('import-summary').innerText()).replace(/\s+/g, '')).toMatch(/^有效行2，问题行0/)
    await page.getByTestId('import-load').click()
    await page.getByTestId('notice-imported').waitFor({ timeout: 60_000 })
    await expect.poll(() => storedNames(page)).toEqual([...before, '平台导出-202410.csv'])

    // Next month's export, dropped on the page: same columns in another order, recognised by the remembered mapping.
    await page.getByTestId('import-drop').evaluate((zone) => {
      const dt = new DataTransfer()
      dt.items.add(new File(['满意度,单号,评价日期时间,评价部门名称,意见\n非常满意,P03,2024-11-01 09:00,区人社局,\n'], '平台导出-202411.csv', { type: 'text/csv' }))
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
    })
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 })
    const grids = await page.getByTestId('import-grids').innerText()
    expect(grids).toContain('已记住的对应')
    expect(grids).toContain('可载入')
    await page.getByTestId('import-discard').click()
    await page.getByTestId('import-report').waitFor({ state: 'detached' })
    expect(await storedNames(page)).toEqual([...before, '平台导出-202410.csv'])
  })

  it('shows how office files were read: header and data rows, the table and why, the rows left out; asks when columns fit two tables', async () => {
    const { page } = s
    await page.goto(`${base}#/data`)
    await page.getByTestId('import-drop').waitFor()
    const office = ['好差评-两行表头.xlsx', '好差评-小计合计.xlsx', '改革前后对比-合计.et'].map(n => `test/fixtures/office/files/${n}`)
    await page.getByTestId('import-input').setInputFiles(office)
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 })
    const grids = (await page.getByTestId('import-grids').innerText()).replace(/[ \t]+/g, ' ')
    expect(grids).toContain('表头：第3–4行；数据：第5–25行')
    expect(grids).toContain('按列识别：评价编号、被评价部门、评价时间…')
    expect(grids).toContain('跳过 7 行：小计 2、合计 1、注 2、签名栏 1、空行 1')
    expect(grids).toContain('表头：第2–3行；数据：第4–6行')
    await page.screenshot({ path: `${SHOTS}/data-office-layouts-1280x720.png`, fullPage: true })
    await page.getByTestId('import-discard').click()
    await page.getByTestId('import-report').waitFor({ state: 'detached' })

    const tie = join(tmp, '导出.csv')
    writeFileSync(tie, '序号,具体任务,完成时限,牵头部门,报送日期,状态,完成日期\n1,梳理清单,9月底前,区数据局,2024-09-25,已完成,2024-09-20\n')
    await page.getByTestId('import-input').setInputFiles(tie)
    await page.getByTestId('mapping-dialog').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('mapping-candidates').innerText()).toContain('列名同样符合：配档表（tasks）、进展报送（task_progress），请选择')
    await page.screenshot({ path: `${SHOTS}/data-ambiguous-1280x720.png` })
    await page.getByTestId('mapping-dialog').getByRole('button', { name: '取消', exact: true }).click()
    await page.getByTestId('import-discard').click()
    await page.getByTestId('import-report').waitFor({ state: 'detached' })
  })

  it('reports damaged and invalid files with file, sheet, row and column, in Chinese and English', async () => {
    const { page } = s
    const before = await storedNames(page)
    const bad = readdirSync(`${FIX}/malformed`).sort().map(n => `${FIX}/malformed/${n}`)
    await page.getByTestId('import-input').setInputFiles(bad)
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 })
    const zh = await page.getByTestId('import-issues').innerText()
    expect(zh).toContain('截断.xlsx')
    expect(zh).toContain('不是有效的 Excel 工作簿')
    expect(zh).toContain('不是有效的 Word 文档')
    expect(zh).toContain('不是有效的 Parquet 文件')
    expect(zh).toContain('JSON 格式错误')
    expect(zh).toContain('坏值.xlsx 工作表「好差评」 第 3 行 「评价时间」列')
    // G01 is already loaded (好差评-Excel另存.csv): a duplicate id across files.
    expect(zh).toMatch(/坏值\.csv 第 2 行 「评价编号」列\s+编号「G01」重复/)
    await page.screenshot({ path: `${SHOTS}/data-malformed-1280x720.png` })
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.getByTestId('import-issues').innerText()).toContain('not a valid Excel workbook')
    const en = await page.getByTestId('import-issues').innerText()
    expect(en).toContain('坏值.xlsx, sheet "好差评", row 3, column "评价时间"')
    expect(en).not.toContain('不是有效的 Excel 工作簿')
    await page.getByRole('button', { name: '中文' }).click()
    await page.getByTestId('import-discard').click()
    expect(await storedNames(page)).toEqual(before)
  })

  it('a cancelled, interrupted or failing import leaves the earlier data exactly as it was', async () => {
    const { page } = s
    const names = await storedNames(page)
    const figures = await screenMetrics(page, AS_OF)
    const big = join(tmp, '办件-10月.csv')
    writeFileSync(big, bigCsv(100_000))

    // Cancel while reading.
    await page.getByTestId('import-input').setInputFiles(big)
    await page.getByTestId('import-cancel').click({ timeout: 30_000 })
    await page.getByTestId('notice-cancelled').waitFor()
    expect(await page.getByTestId('import-report').count()).toBe(0)
    expect(await storedNames(page)).toEqual(names)
    expect(await screenMetrics(page, AS_OF)).toEqual(figures)

    // The tab is reloaded in the middle of reading.
    await page.getByTestId('import-input').setInputFiles(big)
    await page.getByTestId('import-progress').waitFor()
    await page.reload()
    await expect.poll(() => storedNames(page), { timeout: 30_000 }).toEqual(names)
    await expect.poll(async () => (await screenMetrics(page, AS_OF).catch(() => null))?.tables ?? null, { timeout: 60_000 }).toEqual(figures.tables)
    expect(await screenMetrics(page, AS_OF)).toEqual(figures)

    // Storage refuses the new manifest after the new data set was already on screen.
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        if (key === 'manifest')
          throw new DOMException('injected failure', 'QuotaExceededError')
        return put.call(this, value, key)
      }
    })
    const extra = join(tmp, '好差评-11月.csv')
    writeFileSync(extra, '评价编号,被评价部门,评价时间,评价等级\nG10,区人社局,2024-10-15 09:00,不满意\n')
    await page.getByTestId('import-input').setInputFiles(extra)
    await page.getByTestId('import-load').click({ timeout: 60_000 })
    // A quota error gets the advice for a full storage rather than the raw DOMException text.
    await page.getByTestId('notice-quotaExceeded').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('notice-quotaExceeded').innerText()).toContain('浏览器存储空间已满')
    expect(await storedNames(page)).toEqual(names)
    await expect.poll(async () => (await screenMetrics(page, AS_OF)).evaluations.total, { timeout: 60_000 }).toBe(figures.evaluations.total)
    expect(await screenMetrics(page, AS_OF)).toEqual(figures)
    await page.reload()
    await expect.poll(() => storedNames(page), { timeout: 30_000 }).toEqual(names)
    await expect.poll(async () => (await screenMetrics(page, AS_OF).catch(() => null))?.tables ?? null, { timeout: 60_000 }).toEqual(figures.tables)
    expect(await screenMetrics(page, AS_OF)).toEqual(figures)
    // Nothing of the failed import is left in storage.
    const keys = await page.evaluate(() => new Promise<string[]>((resolve) => {
      const req = indexedDB.open('duban')
      req.onsuccess = () => {
        const all = req.result.transaction('imports').objectStore('imports').getAllKeys()
        all.onsuccess = () => resolve(all.result.map(String))
      }
    }))
    expect(keys.filter(k => k.startsWith('meta:'))).toHaveLength(names.length)
  })

  it('reads 100,000 rows off the main thread with a progress bar, then removes them on request', async () => {
    const { page } = s
    const names = await storedNames(page)
    const big = join(tmp, '办件-10月.csv')
    // Long tasks on the main thread while the worker reads: what a user would feel as a frozen page.
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] }
      w.__longTasks = []
      new PerformanceObserver(list => w.__longTasks.push(...list.getEntries().map(e => e.duration))).observe({ type: 'longtask' })
    })
    const t0 = Date.now()
    await page.getByTestId('import-input').setInputFiles(big)
    await page.getByTestId('import-progress').waitFor()
    const fractions: number[] = []
    let slowestAnswer = 0
    while (await page.getByTestId('import-report').count() === 0) {
      const txt = await page.getByTestId('import-progress').innerText().catch(() => '')
      const m = /（(\d+)%）/.exec(txt)
      if (m)
        fractions.push(Number(m[1]))
      // The page answers while the file is read.
      const ping = Date.now()
      await page.evaluate(() => new Promise(requestAnimationFrame))
      slowestAnswer = Math.max(slowestAnswer, Date.now() - ping)
      await page.waitForTimeout(100)
    }
    expect(slowestAnswer).toBeLessThan(1000)
    const read = Date.now() - t0
    expect((await page.getByTestId('import-summary').innerText()).replace(/\s+/g, '')).toMatch(/^有效行100,000，问题行0/)
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks)
    const t1 = Date.now()
    await page.getByTestId('import-load').click()
    await page.getByTestId('notice-imported').waitFor({ timeout: 120_000 })
    const load = Date.now() - t1
    await expect.poll(async () => (await screenMetrics(page, AS_OF)).tables.applications, { timeout: 60_000 }).toBe(100_004)
    const t2 = Date.now()
    await page.reload()
    await expect.poll(async () => (await screenMetrics(page, AS_OF).catch(() => null))?.tables.applications ?? 0, { timeout: 120_000, interval: 250 }).toBe(100_004)
    const restore = Date.now() - t2
    const timings = { rows: 100_000, bytes: readFileSync(big).byteLength, readAndValidateMs: read, loadAndSaveMs: load, reloadToFiguresMs: restore, longestMainThreadTaskMs: Math.max(0, ...longTasks), slowestFrameWhileReadingMs: slowestAnswer, progressSeen: fractions }
    console.log('import timings', JSON.stringify(timings))
    writeFileSync('test-results/import-timings.json', `${JSON.stringify(timings, null, 2)}\n`)
    expect(fractions.length).toBeGreaterThan(0)

    const row = page.getByTestId('stored-files').locator('tbody tr').filter({ hasText: '办件-10月.csv' })
    await row.getByTestId('stored-remove').click()
    await page.locator('.el-popconfirm:visible').getByRole('button', { name: '确定' }).click()
    await page.getByTestId('notice-removed').waitFor({ timeout: 60_000 })
    expect(await storedNames(page)).toEqual(names)
    await expect.poll(async () => (await screenMetrics(page, AS_OF)).tables.applications, { timeout: 60_000 }).toBe(4)
  })

  it('replaces one file, keeping the others', async () => {
    const { page } = s
    const names = await storedNames(page)
    const replacement = join(tmp, '好差评-更正.csv')
    writeFileSync(replacement, '评价编号,被评价部门,评价时间,评价等级\nG01,区市场监管局,2024-10-08 09:30,满意\nG02,区人社局,2024-10-09 10:05,不满意\n')
    const row = page.getByTestId('stored-files').locator('tbody tr').filter({ hasText: '好差评-Excel另存.csv' })
    await row.getByTestId('stored-replace').click()
    await page.getByTestId('replace-input').setInputFiles(replacement)
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('import-report').innerText()).toContain('将替换「好差评-Excel另存.csv」')
    await page.getByTestId('import-load').click()
    await page.getByTestId('notice-imported').waitFor({ timeout: 60_000 })
    expect(await storedNames(page)).toEqual([...names.filter(n => n !== '好差评-Excel另存.csv'), '好差评-更正.csv'])
    await expect.poll(async () => (await screenMetrics(page, AS_OF)).evaluations.total, { timeout: 60_000 }).toBe(4)
  })

  it('exports everything as one zip that reads back to the same figures; "clear all" asks first', async () => {
    const { page } = s
    const figures = await screenMetrics(page, AS_OF)
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()])
    expect(dl.suggestedFilename()).toMatch(/^duban-数据-\d{12}\.zip$/)
    const zipPath = join(tmp, dl.suggestedFilename())
    await dl.saveAs(zipPath)

    await page.getByTestId('stored-clear').click()
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click()
    expect((await storedNames(page)).length).toBeGreaterThan(0)
    await page.getByTestId('stored-clear').click()
    await page.getByTestId('confirm-clear').click()
    await page.getByTestId('notice-cleared').waitFor()
    expect(await storedNames(page)).toEqual([])
    expect(new URL(page.url().replace('#/', '')).searchParams.get('data')).toBeNull()

    await page.getByTestId('import-input').setInputFiles(zipPath)
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 })
    await page.getByTestId('import-load').click()
    await page.getByTestId('notice-imported').waitFor({ timeout: 60_000 })
    await expect.poll(async () => (await screenMetrics(page, AS_OF)).tables, { timeout: 60_000 }).toEqual(figures.tables)
    expect(await screenMetrics(page, AS_OF)).toEqual(figures)
    expect(s.consoleErrors.filter(e => !/injected failure/.test(e))).toEqual([])
  })

  it('recovers from a damaged store: a bad manifest is rebuilt, a bad file is dropped, the rest is kept', async () => {
    const { page } = s
    await page.getByTestId('import-input').setInputFiles(`${FIX}/good/事项清单.json`)
    await page.getByTestId('import-load').click({ timeout: 60_000 })
    await page.getByTestId('notice-imported').waitFor({ timeout: 60_000 })
    const names = await storedNames(page)
    expect(names).toHaveLength(2)
    const idb = (action: 'manifest' | 'blob') => page.evaluate(action => new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('duban')
      req.onsuccess = () => {
        const store = req.result.transaction('imports', 'readwrite').objectStore('imports')
        if (action === 'manifest') {
          store.put('{not json', 'manifest').onsuccess = () => resolve()
          return
        }
        const keys = store.getAllKeys()
        keys.onsuccess = () => {
          const blob = keys.result.map(String).filter(k => k.startsWith('blob:')).sort()[0]!
          store.put(new Uint8Array([1, 2, 3]), blob).onsuccess = () => resolve()
        }
      }
      req.onerror = () => reject(req.error)
    }), action)

    await idb('manifest')
    await page.reload()
    await page.getByTestId('notice-manifestCorrupt').waitFor({ timeout: 30_000 })
    expect((await storedNames(page)).sort()).toEqual([...names].sort())

    await idb('blob')
    await page.reload()
    await page.getByTestId('notice-fileCorrupt').waitFor({ timeout: 60_000 })
    await expect.poll(async () => (await storedNames(page)).length, { timeout: 30_000 }).toBe(names.length - 1)
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: `${SHOTS}/data-recovered-1280x720.png` })
  })

  it('reads two big files in two workers, reports them in their order, and loads the command line\'s figures', async () => {
    // A session of its own: the store is empty, so the screen shows these two files alone.
    const fresh = await openSession()
    const { page } = fresh
    const dir = mkdtempSync(join(tmp, 'two-workers-'))
    const files = [join(dir, '办件-10月.csv'), join(dir, '好差评-10月.csv')]
    writeFileSync(files[0]!, bigCsv(12_000))
    writeFileSync(files[1]!, ['评价编号,被评价部门,评价时间,评价等级', ...Array.from({ length: 25_000 }, (_, i) => `E${i},${['区市场监管局', '区人社局'][i % 2]},2024-10-${String(1 + (i % 15)).padStart(2, '0')} 09:00,${i % 9 ? '满意' : '不满意'}`)].join('\n') + '\n')
    try {
      // About 1 MB each: shared between two workers (src/app/import/share.ts).
      expect(await importCountingWorkers(page, base, files)).toHaveLength(2)
      const grids = await page.getByTestId('import-grids').innerText()
      expect(grids.indexOf('办件-10月.csv')).toBeGreaterThanOrEqual(0)
      expect(grids.indexOf('办件-10月.csv')).toBeLessThan(grids.indexOf('好差评-10月.csv'))
      expect((await page.getByTestId('import-summary').innerText()).replace(/\s+/g, '')).toMatch(/^有效行37,?000，问题行0/)
      await page.getByTestId('import-load').click()
      await page.getByTestId('notice-imported').waitFor({ timeout: 60_000 })
      expect(await storedNames(page)).toEqual(['办件-10月.csv', '好差评-10月.csv'])
      expect(await screenMetrics(page, AS_OF)).toEqual(await cliMetrics(['--data', dir, '--as-of', AS_OF]))
    }
    finally {
      await fresh.close()
    }
  })

  it('reads a large Parquet file in both workers, a part of its row groups each, and loads the command line\'s figures', async () => {
    const fresh = await openSession()
    const { page } = fresh
    const dir = mkdtempSync(join(tmp, 'parquet-parts-'))
    const file = join(dir, '办件-10月.parquet')
    // Ids and applicants that do not compress: ~9 MB in row groups of 20k rows, past SLICE_MIN_BYTES.
    const db = await openNativeDb()
    await db.exec(`SET preserve_insertion_order = true; COPY (SELECT 'P' || i AS 办件编号, '企业开办一件事' AS 一件事名称, ['区市场监管局', '区人社局', '区卫健局', '区医保局'][1 + i % 4] AS 承办部门, CASE WHEN i % 3 = 0 THEN '窗口' ELSE '网上' END AS 申报渠道, TIMESTAMP '2024-10-01 09:00:00' + to_seconds(i * 13) AS 申请时间, TIMESTAMP '2024-10-01 10:00:00' + to_seconds(i * 13) AS 受理时间, 3 AS 承诺时限, '在办' AS 办件状态, md5(i::VARCHAR) AS 申请人, md5((i + 7)::VARCHAR) AS 联系电话 FROM range(140000) t(i)) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 20480)`)
    await db.close()
    expect(readFileSync(file).byteLength).toBeGreaterThan(SLICE_MIN_BYTES)
    try {
      // One file, two workers, and no third reading it again whole: the parts were joined.
      expect(await importCountingWorkers(page, base, [file])).toHaveLength(2)
      expect((await page.getByTestId('import-summary').innerText()).replace(/\s+/g, '')).toMatch(/^有效行140,?000，问题行0/)
      await page.getByTestId('import-load').click()
      await page.getByTestId('notice-imported').waitFor({ timeout: 60_000 })
      expect(await screenMetrics(page, AS_OF)).toEqual(await cliMetrics(['--data', dir, '--as-of', AS_OF]))
    }
    finally {
      await fresh.close()
    }
  }, 120_000)
})
