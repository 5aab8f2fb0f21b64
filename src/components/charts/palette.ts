import type { TaskStatus } from '../../core/metrics/types'

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
