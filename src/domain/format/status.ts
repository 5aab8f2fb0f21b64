/** A 配档表 task's light at a review date (task_status.sql decides it). */
export type TaskStatus
  = | 'done_on_time' | 'done_late' | 'overdue' | 'due_soon' | 'on_track'
    | 'ongoing_reported' | 'ongoing_unreported' | 'awaiting_schedule' | 'unparsed'
    /** The warning window runs into a year the calendar does not cover and the answer depends on it. */
    | 'pending_calendar'

export const TASK_STATUSES: TaskStatus[] = [
  'overdue',
  'due_soon',
  'on_track',
  'done_on_time',
  'done_late',
  'ongoing_reported',
  'ongoing_unreported',
  'awaiting_schedule',
  'unparsed',
  'pending_calendar',
]

/** Status names for text outputs (CLI, bulletin, 督办单). */
export const STATUS_LABEL: Record<TaskStatus, { zh: string, en: string }> = {
  overdue: { zh: '逾期未完成', en: 'overdue' },
  due_soon: { zh: '临期预警', en: 'due soon' },
  on_track: { zh: '正常推进', en: 'on track' },
  done_on_time: { zh: '按期完成', en: 'done on time' },
  done_late: { zh: '逾期完成', en: 'done late' },
  ongoing_reported: { zh: '长期·已报送', en: 'ongoing, reported' },
  ongoing_unreported: { zh: '长期·未报送', en: 'ongoing, not reported' },
  awaiting_schedule: { zh: '待上级安排', en: 'awaiting schedule' },
  unparsed: { zh: '时限待设定', en: 'deadline to set' },
  pending_calendar: { zh: '待定（节假日安排未载入）', en: 'pending (holiday schedule not loaded)' },
}

/** Status lights: red overdue, yellow due soon, green on track or done, grey ongoing or awaiting. */
export const STATUS_STYLE: Record<TaskStatus, { color: string, bg: string, text: string, icon: string }> = {
  overdue: { color: '#d93026', bg: '#fde8e6', text: '#a8071a', icon: '✖' },
  done_late: { color: '#e8743b', bg: '#fff1e6', text: '#ad4e00', icon: '◆' },
  due_soon: { color: '#e6a700', bg: '#fff8e1', text: '#7c5c00', icon: '▲' },
  on_track: { color: '#2e9d57', bg: '#e8f6ed', text: '#1f6b3a', icon: '●' },
  done_on_time: { color: '#1f7a45', bg: '#e3f2e8', text: '#135230', icon: '✔' },
  ongoing_reported: { color: '#6b7785', bg: '#eef0f2', text: '#3d4650', icon: '↻' },
  ongoing_unreported: { color: '#9aa4af', bg: '#f3f4f6', text: '#4d5560', icon: '○' },
  awaiting_schedule: { color: '#b0b7bf', bg: '#f5f6f7', text: '#4d5560', icon: '…' },
  unparsed: { color: '#8c6bb1', bg: '#f3eef9', text: '#553c7a', icon: '?' },
  pending_calendar: { color: '#7a8ea3', bg: '#eef2f6', text: '#3d4d5e', icon: '⧗' },
}
