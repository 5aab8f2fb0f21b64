import type { MetricsResult, ScheduleTask, TaskStatus } from '../../src/metrics/types'
import type { OpenCase } from '../../src/report/notices/model'
import { describe, expect, it } from 'vitest'
import { buildReport } from '../../src/report/build'
import { buildNotices, noticeFileNames } from '../../src/report/notices/model'
import { noticeHtml, noticeText } from '../../src/report/notices/render'
import { reportInput, sampleAnalysis } from './helpers'

function task(id: string, status: TaskStatus, lead: string[], extra: Partial<ScheduleTask> = {}): ScheduleTask {
  return {
    task_id: id, section: null, goal: null, task: `任务${id}`, deadline_text: '6月底前', lead_dept: lead.join('、'), resp_depts: null,
    origin: 'tasks', bundle_name: null, due_date: '2024-06-30', deadline_kind: 'date', precision: 'month_end',
    interpretation_zh: '2024年6月30日前（月底）', interpretation_en: 'by 30 June 2024', status, done_date: null,
    last_report_date: null, reported_in_month: false, wd_overdue: status === 'overdue' ? 3 : status === 'due_soon' ? -2 : null,
    wd_late: null, lead_units: lead, coop_units: [], ...extra,
  }
}

function metrics(tasks: ScheduleTask[]): MetricsResult {
  return { as_of: '2024-07-03', month: null, dept: null, settings: { warningWd: 5, contactDays: 1, rectifyDays: 5, complexDays: 15, dayKind: 'working' }, schedule: { tasks } } as unknown as MetricsResult
}

function open(id: string, dept: string, wd: number, o: Partial<OpenCase> = {}): OpenCase {
  return { eval_id: id, dept, matter_name: '事项', channel: '网上', is_complex: false, rated_date: '2024-06-28', contact_limit: '2024-07-01', case_limit: '2024-07-05', contacted_date: '2024-07-01', open_overdue: wd < 0, wd_remaining: wd, ...o }
}

describe('buildNotices', () => {
  const m = metrics([
    task('1', 'overdue', ['甲局', '乙局']),
    task('2', 'due_soon', ['甲局']),
    task('3', 'ongoing_unreported', ['乙局'], { deadline_kind: 'ongoing', due_date: null, deadline_text: '长期坚持' }),
    task('4', 'on_track', ['丙局']),
    task('5', 'done_late', ['丁局']),
  ])
  const cases = [open('E1', '甲局', -2), open('E2', '丙局', 2, { contacted_date: null }), open('E3', '丙局', 9), open('E4', '乙局', 0, { is_complex: true })]

  it('gives each lead unit its red, yellow and blue items, a multi-unit task to each of its leads', () => {
    const set = buildNotices(m, cases)
    const by = new Map(set.notices.map(n => [n.unit, n]))
    expect([...by.keys()]).toEqual(['甲局', '乙局', '丙局'])
    expect(by.get('甲局')!.tasks.map(t => [t.task_id, t.level])).toEqual([['1', 'red'], ['2', 'blue']])
    expect(by.get('甲局')!.tasks[0]!.other_leads).toEqual(['乙局'])
    expect(by.get('甲局')!.cases.map(c => [c.eval_id, c.level, c.step])).toEqual([['E1', 'red', 'rectify']])
    expect(by.get('乙局')!.tasks.map(t => [t.task_id, t.level])).toEqual([['1', 'red'], ['3', 'yellow']])
    expect(by.get('乙局')!.cases.map(c => [c.eval_id, c.level, c.step, c.limit_days])).toEqual([['E4', 'blue', 'complex', 15]])
    // A case far from its limit is not on the notice; one not yet contacted is due on contact.
    expect(by.get('丙局')!.cases.map(c => [c.eval_id, c.step, c.limit_date])).toEqual([['E2', 'contact', '2024-07-01']])
    expect(by.get('丙局')!.level).toBe('blue')
    expect(by.get('甲局')!.counts).toEqual({ red: 2, yellow: 0, blue: 1 })
    expect(set.quiet).toEqual(['丁局'])
  })

  it('narrows to the department filter', () => {
    const set = buildNotices(m, cases, { dept: '乙局' })
    expect(set.notices.map(n => n.unit)).toEqual(['乙局'])
  })

  it('escapes and masks every data string on the page and in the text', async () => {
    const evil = metrics([task('<b>1</b>', 'overdue', ['<script>x</script>局'], { task: '联系 13912345678 <img src=x>' })])
    const set = buildNotices(evil, [])
    const n = set.notices[0]!
    const o = { lang: 'zh' as const, issuer: '办公室', generatedAt: '2024-07-03T02:00:00Z', watermark: '内部资料 <i>注意保密</i>' }
    const page = await noticeHtml(set, n, o)
    expect(page).not.toContain('<script>x')
    expect(page).not.toContain('<img src=x>')
    expect(page).not.toContain('<i>注意保密')
    expect(page).toContain('&lt;script&gt;x&lt;/script&gt;局')
    expect(page).toContain('139****5678')
    expect(page).not.toContain('13912345678')
    expect(page).toContain('class="watermark"')
    expect(noticeText(set, n, o)).toContain('139****5678')
    expect(noticeText(set, n, o)).not.toContain('13912345678')
    expect([...noticeFileNames(set).values()]).toEqual(['_script_x__script_局'])
  })
})

describe('the bulletin\'s watermark', () => {
  it('is a fixed layer of escaped text only when set', async () => {
    const { analysis } = await sampleAnalysis()
    const input = await reportInput(analysis)
    const plain = await buildReport(input)
    expect(plain.html).not.toContain('class="watermark"')
    const marked = await buildReport({ ...input, watermark: '内部资料 注意保密 <b>区</b> 2024-10-16' })
    expect(marked.html).toContain('<div class="watermark" aria-hidden="true"><div><span>内部资料 注意保密 &lt;b&gt;区&lt;/b&gt; 2024-10-16</span>')
    expect(marked.html).toMatch(/\.watermark\{position:fixed/)
  })
})
