import type { AppChannelRow, AppTrendRow } from '../../../src/components/applications/types'
import type { BreakdownRow } from '../../../src/components/evaluations/types'
import type { ScheduleTask, TaskStatus } from '../../../src/metrics/types'

/** A data string that would run script if a tooltip wrote it as HTML. */
export const XSS = '<img src=x onerror=alert(1)>'
export const XSS_ESCAPED = '&lt;img src=x onerror=alert(1)&gt;'

export function task(id: string, status: TaskStatus, lead: string[], extra: Partial<ScheduleTask> = {}): ScheduleTask {
  return {
    task_id: id,
    section: null,
    goal: null,
    task: `任务${id}`,
    deadline_text: '2024年10月底前',
    lead_dept: lead.join('、') || null,
    resp_depts: null,
    origin: 'tasks',
    bundle_name: null,
    due_date: '2024-10-31',
    deadline_kind: 'date',
    precision: 'day',
    interpretation_zh: '2024年10月31日前',
    interpretation_en: 'by 31 Oct 2024',
    status,
    done_date: null,
    last_report_date: null,
    reported_in_month: false,
    wd_overdue: null,
    wd_late: null,
    lead_units: lead,
    coop_units: [],
    ...extra,
  }
}

export function breakdown(key: string | null, counts: Partial<BreakdownRow> = {}): BreakdownRow {
  return {
    pt: 0,
    dim: 'dept',
    key,
    total: 0,
    good: 0,
    bad: 0,
    contact_due: 0,
    contact_on_time: 0,
    rectify_due: 0,
    rectify_on_time: 0,
    complex_due: 0,
    complex_on_time: 0,
    open_overdue: 0,
    excluded: 0,
    carried_over: 0,
    contact_pending: 0,
    rectify_pending: 0,
    complex_pending: 0,
    pending_years: null,
    ...counts,
  }
}

const APP_COUNTS = { total: 0, accept_due: 0, accepted_1wd: 0, completion_due: 0, on_time: 0, overdue: 0 }

export function appMonth(month: string, counts: Partial<AppTrendRow> = {}): AppTrendRow {
  return { ...APP_COUNTS, month, online: 0, ...counts }
}

export function appChannel(channel: string | null, isOnline: boolean, counts: Partial<AppChannelRow> = {}): AppChannelRow {
  return { ...APP_COUNTS, channel, is_online: isOnline, ...counts }
}
