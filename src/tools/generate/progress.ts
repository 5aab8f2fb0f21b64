// Progress reports (进展报送) on the schedule: the plan's tasks and every bundle with a landing
// deadline. Each item gets a fate by quota — done on time, done late, never done, never
// reported — so that even an eight-task plan shows every colour of the review, and each
// department reports monthly in its own habit (first working days, or the month's end).

import type { WorkCalendar } from '../../domain/calendar'
import type { TextTable } from './plan'
import type { World } from './world'
import { fromDayNumber, toDayNumber } from '../../domain/dates'
import { parseDeadline } from '../../domain/deadline'
import { bundleTaskId } from '../../ingest/dataset/dataset'
import { csvField } from './columns'
import { firstDept, shiftDeadlineYears } from './plan'
import { Rng } from './prng'
import { DAY } from './time'

export interface ScheduleEntry {
  taskId: string
  deadlineText: string
  leadDept: string
}

type Fate = 'on_time' | 'late' | 'overdue' | 'never'
const FATES: Fate[] = ['on_time', 'late', 'overdue', 'on_time', 'on_time', 'never', 'late', 'on_time', 'overdue', 'on_time']

const NOTES = {
  未启动: ['尚未启动，正在研究方案', '待上级部署后启动'],
  推进中: ['按计划推进', '方案已起草，正在征求相关部门意见', '已完成系统对接测试', '已在试点区域运行', '正在梳理事项要素和办事指南', '已召开专题推进会'],
  滞后: ['受系统对接影响，进度滞后', '部门间数据共享尚未打通，进度滞后', '人员调整，进度滞后，已制定赶进度计划'],
  已完成: ['已完成并印发实施', '已上线运行', '已全面落地', '已完成验收'],
}

function cell(t: TextTable, row: string[], name: string): string {
  const i = t.columns.indexOf(name)
  return i >= 0 ? (row[i] ?? '').trim() : ''
}

/** Schedule items in the order the metrics list them: tasks, then bundles with a deadline. */
export function scheduleEntries(world: World): ScheduleEntry[] {
  const out: ScheduleEntry[] = []
  const delta = world.year - planYearOf(world)
  const t = world.plan.tasks
  if (t) {
    for (const row of t.rows) {
      const id = cell(t, row, 'task_id')
      const text = cell(t, row, 'deadline_text')
      if (id && text)
        out.push({ taskId: id, deadlineText: shiftDeadlineYears(text, delta), leadDept: cell(t, row, 'lead_dept') })
    }
  }
  const b = world.plan.bundles
  if (b) {
    const seen = new Set<string>()
    for (const row of b.rows) {
      const text = cell(b, row, 'deadline_text')
      if (!text)
        continue
      const lead = cell(b, row, 'lead_dept')
      const id = bundleTaskId(cell(b, row, 'bundle_name'), lead || null)
      if (!seen.has(id)) {
        seen.add(id)
        out.push({ taskId: id, deadlineText: shiftDeadlineYears(text, delta), leadDept: lead })
      }
    }
  }
  return out
}

/** The year the plan's own deadlines are read against (its 年度, else its document's year). */
export function planYearOf(world: World): number {
  const m = world.plan.meta
  return m.plan_year ?? (m.date ? Number(m.date.slice(0, 4)) : world.year)
}

function workdaysOfMonth(cal: WorkCalendar, month: string): string[] {
  const out: string[] = []
  for (let d = `${month}-01`; d.slice(0, 7) === month; d = cal.addDays(d, 1)) {
    if (cal.isWorkday(d))
      out.push(d)
  }
  return out
}

/** task_progress rows as CSV lines (no header). */
export function progressLines(world: World): string[] {
  const rng = new Rng(world.opts.seed, 'progress')
  const cal = world.calendar
  const entries = scheduleEntries(world)
  const order = rng.shuffle(entries.map((_, i) => i))
  const lines: string[] = []
  const lastDate = world.axis.dates[Math.floor(world.end / DAY)]!
  const firstDate = world.axis.dates[0]!
  const day = (d: string) => toDayNumber(d)!

  entries.forEach((e, i) => {
    const fate = FATES[order.indexOf(i) % FATES.length]!
    if (fate === 'never')
      return
    const parsed = parseDeadline(e.deadlineText, { planYear: world.year })
    const dated = parsed.dueDate !== null && (parsed.kind === 'date' || parsed.kind === 'date_then_ongoing')
    const keptUp = parsed.kind === 'date_then_ongoing'
    const reporter = firstDept(e.leadDept)
    const earlyHabit = rng.chance(0.5)
    const skip = fate === 'overdue' ? 0.4 : 0.12
    let due = 0
    let start = 0
    let done = Number.POSITIVE_INFINITY
    if (dated) {
      due = day(parsed.dueDate!)
      start = due - rng.int(60, 200)
      if (fate === 'on_time')
        done = Math.max(start + 10, due - rng.int(0, 30))
      else if (fate === 'late')
        done = due + rng.int(5, 75)
    }
    let reportedDone = false
    for (const m of world.months) {
      if (reportedDone && !keptUp)
        break
      if (rng.chance(skip))
        continue
      const wds = workdaysOfMonth(cal, m.key)
      const date = earlyHabit ? wds[rng.int(0, Math.min(2, wds.length - 1))]! : wds[Math.max(0, wds.length - 1 - rng.int(0, 2))]!
      if (date > lastDate || date < firstDate)
        continue
      const d = day(date)
      let status: keyof typeof NOTES = '推进中'
      let doneDate = ''
      if (dated) {
        if (done <= d && !reportedDone) {
          status = '已完成'
          doneDate = fromDayNumber(done)
          reportedDone = true
        }
        else if (reportedDone) {
          status = '推进中'
        }
        else if (d < start) {
          status = '未启动'
        }
        else if (d > due || (fate !== 'on_time' && d > due - 30 && rng.chance(0.5))) {
          status = '滞后'
        }
      }
      const note = reportedDone && status === '推进中' ? '已完成，持续巩固提升' : rng.pick(NOTES[status])
      lines.push([csvField(e.taskId), date, status, doneDate, csvField(note), csvField(reporter)].join(','))
    }
  })
  return lines
}
