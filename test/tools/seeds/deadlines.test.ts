// The deadline texts of the seed tables, read by the project's deadline parser.

import { describe, expect, it } from 'vitest'
import { parseDeadline } from '../../../src/domain/deadline/index'
import { bundles, groupBundles, tasks } from './helpers'

describe('seed deadlines', () => {
  it('hedong-2021: every 配档表 deadline parses against plan year 2021', () => {
    for (const t of tasks('000_')) {
      const d = parseDeadline(t.deadline_text, { planYear: 2021 })
      expect(d.kind, `${t.task_id} ${t.deadline_text}`).not.toBe('unparsed')
      if (d.dueDate)
        expect(d.dueDate.slice(0, 4)).toBe('2021')
    }
    expect(parseDeadline(tasks('000_')[3]!.deadline_text, { planYear: 2021 })).toMatchObject({ kind: 'date_then_ongoing', dueDate: '2021-06-30' })
  })

  it('liaoning-2023: the 8 key tasks are due in 2023', () => {
    const due = tasks('002_').map(t => parseDeadline(t.deadline_text, { planYear: 2023 }))
    expect(due.map(d => d.kind)).toEqual(Array.from({ length: 8 }, () => 'date'))
    expect(due.map(d => d.dueDate)).toEqual(['2023-04-30', '2023-05-31', '2023-06-30', '2023-09-30', '2023-09-30', '2023-09-30', '2023-09-30', '2023-10-31'])
  })

  it('xinxiang-2024: 13 bundles are due 2024-10-31 and 8 wait for the province', () => {
    const due = [...groupBundles(bundles('004_')).values()].map(rows => parseDeadline(rows[0]!.deadline_text, { planYear: 2024 }))
    expect(due.filter(d => d.kind === 'date' && d.dueDate === '2024-10-31')).toHaveLength(13)
    expect(due.filter(d => d.kind === 'external')).toHaveLength(8)
  })

  it('xuecheng-2021: the body milestones parse against plan year 2021', () => {
    for (const t of tasks('001_'))
      expect(parseDeadline(t.deadline_text, { planYear: 2021 }).kind, t.deadline_text).toBe('date')
  })
})
