import type { MetricsResult } from '../../src/metrics/types'
import type { Session } from './browser'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { offOrigin, openSession, SHOTS } from './browser'
import { cliMetrics } from './cli'

const SECTIONS = ['closed', 'newlyOverdue', 'stillOverdue', 'casesClosed', 'casesNewlyOverdue', 'repeatRed']

/** Task@unit lines overdue at both reviews, from the command line's figures. */
function stillOverdue(before: MetricsResult, after: MetricsResult): number {
  const was = new Map(before.schedule.tasks.map(t => [t.task_id, t.status]))
  return after.schedule.tasks.filter(t => t.status === 'overdue' && was.get(t.task_id) === 'overdue').reduce((n, t) => n + Math.max(1, t.lead_units.length), 0)
}

describe('督办台账 on the demo data', () => {
  const base = inject('baseUrl')
  let s: Session
  beforeAll(async () => {
    s = await openSession({ width: 1366, height: 900 })
  })
  afterAll(() => s.close())

  it('compares the last two month ends, keeps a note across a reload, in Chinese and English', async () => {
    const [nov, dec] = await Promise.all([
      cliMetrics(['--data', 'data/demo', '--as-of', '2024-11-30']),
      cliMetrics(['--data', 'data/demo', '--as-of', '2024-12-31']),
    ])
    const page = s.page
    await page.goto(`${base}#/?data=demo`)
    await page.getByTestId('nav-ledger').click()
    await page.getByTestId('ledger-summary').waitFor({ timeout: 120_000 })
    // The month ends of the data are suggested; the last two are compared.
    expect(await page.getByTestId('review-dates').locator('.el-tag').count()).toBe(12)
    expect(await page.getByTestId('ledger-from').innerText()).toContain('2024-11-30')
    expect(await page.getByTestId('ledger-to').innerText()).toContain('2024-12-31')
    for (const id of SECTIONS)
      await expect.poll(() => page.getByTestId(`ledger-${id}`).isVisible()).toBe(true)
    expect(await page.getByTestId('ledger-stillOverdue').innerText()).toContain('持续逾期')
    const rows = page.getByTestId('table-stillOverdue').locator('tbody tr')
    expect(await rows.count()).toBe(stillOverdue(nov, dec))

    // A note and a responsible person on the first item still overdue; saved when the field is left.
    const note = rows.first().locator('textarea')
    const testid = (await note.getAttribute('data-testid'))!
    expect(testid).toMatch(/^note-task:/)
    const text = '<b>已约谈</b> 承诺12月底前完成'
    // A task led by several units has a line per unit: the note is the item's, on each line.
    await note.fill(text)
    await note.press('Tab')
    const person = rows.first().locator('input')
    await person.fill('王科长')
    await person.press('Tab')
    await page.screenshot({ path: `${SHOTS}/ledger-zh-1366.png`, fullPage: true })

    await page.reload()
    await page.getByTestId('ledger-summary').waitFor({ timeout: 120_000 })
    await expect.poll(() => page.getByTestId(testid).first().inputValue(), { timeout: 60_000 }).toBe(text)
    // Text stays text: the angle brackets are in the field, no <b> element was made.
    expect(await page.getByTestId('ledger-page').locator('b:has-text("已约谈")').count()).toBe(0)
    expect(await page.getByTestId(testid.replace('note-', 'person-')).first().inputValue()).toBe('王科长')

    // In English, the same sections and the same note.
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.getByTestId('ledger-stillOverdue').innerText()).toContain('Still overdue')
    expect(await page.getByTestId('ledger-casesNewlyOverdue').innerText()).toContain('Bad reviews newly overdue')
    expect(await page.getByTestId('ledger-repeatRed').innerText()).toContain('Units red in consecutive reviews')
    expect(await page.getByTestId(testid).first().inputValue()).toBe(text)
    await page.reload()
    await page.getByTestId('ledger-summary').waitFor({ timeout: 120_000 })
    await expect.poll(() => page.getByTestId(testid).first().inputValue(), { timeout: 60_000 }).toBe(text)
    expect(await page.getByTestId('ledger-summary').innerText()).toMatch(/still overdue/)
    await page.screenshot({ path: `${SHOTS}/ledger-en-1366.png` })
    expect(offOrigin(s.requests, base)).toEqual([])
  }, 360_000)
})
