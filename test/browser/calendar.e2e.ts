import type { Session } from './browser'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { offOrigin, openSession, screenMetrics, SHOTS } from './browser'

const NOTICE_2027 = readFileSync(new URL('../fixtures/calendar/notice-2027.txt', import.meta.url), 'utf8')

describe('设置 → 节假日安排', () => {
  const base = inject('baseUrl')
  let s: Session
  beforeAll(async () => {
    s = await openSession({ width: 1280, height: 900 })
  })
  afterAll(() => s.close())

  it('refuses a mistyped notice naming the line, then adds 2027 after the month grids are confirmed', async () => {
    await s.page.goto(`${base}#/settings?data=sample-2024-10&asOf=2024-10-16`)
    const section = s.page.getByTestId('holiday-schedule')
    await section.waitFor({ timeout: 60_000 })
    expect(await s.page.getByTestId('holiday-years').innerText()).toContain('2004–2026')

    await s.page.getByTestId('notice-text').fill(NOTICE_2027.replace('1月31日（周日）', '1月31日（周一）'))
    await s.page.getByTestId('notice-parse').click()
    expect(await s.page.getByTestId('notice-refusal').innerText()).toContain('第 7 行：2027-01-31 是星期日，通知写的是“周一”')

    await s.page.getByTestId('notice-text').fill(NOTICE_2027)
    await s.page.getByTestId('notice-parse').click()
    const preview = s.page.getByTestId('year-preview')
    await preview.waitFor()
    expect(await preview.locator('table.month').count()).toBe(12)
    // Marked by a character as well as colour: 29 days off and 6 working weekends.
    expect(await preview.locator('td.off small').count()).toBe(29)
    expect(await preview.locator('td.work small').allInnerTexts()).toEqual(['班', '班', '班', '班', '班', '班'])
    await s.page.screenshot({ path: `${SHOTS}/settings-holidays-preview.png`, fullPage: true })

    await s.page.getByTestId('notice-confirm').click()
    await s.page.getByTestId('remove-year-2027').waitFor()
    expect(await s.page.getByTestId('holiday-years').innerText()).toContain('国务院通知 粘贴的通知')
    const stored = await s.page.evaluate(() => JSON.parse(localStorage.getItem('duban.calendarYears') ?? '[]') as Array<{ year: number }>)
    expect(stored.map(y => y.year)).toEqual([2027])
    // The analysis was rebuilt on the added year: a 2027 review date is now answered.
    await expect.poll(() => screenMetrics(s.page, '2027-01-08').then(x => x.calendar.to, () => null), { timeout: 60_000 }).toBe('2027-12-31')
    const m = await screenMetrics(s.page, '2027-01-08')
    expect(m.calendar.to).toBe('2027-12-31')
    expect(m.calendar.sources.map(x => x.kind)).toEqual(['package', 'notice'])

    await s.page.getByTestId('remove-year-2027').click()
    await expect.poll(() => s.page.evaluate(() => localStorage.getItem('duban.calendarYears'))).toBe('[]')
    expect(offOrigin(s.requests, base)).toEqual([])
    expect(s.consoleErrors).toEqual([])
  })
})
