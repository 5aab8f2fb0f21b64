// The building blocks on small inputs shaped like the seed texts.

import type { ParsedPlan } from '../../../src/tools/seeds/index'
import { describe, expect, it } from 'vitest'
import { toCsv } from '../../../src/tools/seeds/csv'
import { parseLabels } from '../../../src/tools/seeds/labels'
import { lineCells } from '../../../src/tools/seeds/layouts/lines'
import { groupRows, pipeCells } from '../../../src/tools/seeds/layouts/pipes'
import { tabRows } from '../../../src/tools/seeds/layouts/tabs'
import { datedMilestones, inlineTasks, paragraphs } from '../../../src/tools/seeds/milestones'
import { applyOverrides } from '../../../src/tools/seeds/overrides'
import { leaderName } from '../../../src/tools/seeds/plans/xinxiang'
import { chineseNumber, joinDepts, splitLines, tidy } from '../../../src/domain/text/lines'

describe('pipe layout (PDF)', () => {
  it('reads text cells and runs of empty ones, and groups them by count', () => {
    const lines = splitLines('序号 |\n名称 |\n|\n1 |\n甲 |\n||\n2 |\n乙 |\n||')
    const cells = pipeCells(lines, 1, lines.length + 1)
    expect(cells.map(c => c.text)).toEqual(['序号', '名称', '', '1', '甲', '', '', '2', '乙', '', ''])
    expect(groupRows(cells, 4).map(r => r.map(c => c.text))).toEqual([
      ['序号', '名称', '', '1'],
      ['甲', '', '', '2'],
      ['乙', '', ''],
    ])
    expect(cells[3]!.line).toBe(4)
  })

  it('starts a row early where the extractor dropped trailing empty cells', () => {
    const lines = splitLines('1 |\n甲 |\n2 |\n乙 |\n|')
    const rows = groupRows(pipeCells(lines, 1, 6), 3, c => /^\d+$/.test(c.text))
    expect(rows.map(r => r.map(c => c.text))).toEqual([['1', '甲'], ['2', '乙', '']])
  })
})

describe('tab layout (Word)', () => {
  it('ends a row at a blank line once it is complete, and keeps blank paragraphs inside cells', () => {
    const text = '标题\n\t1\n\t甲\n\t\n\n乙\n\t\n\n\t2\n\t丙\n头\n\t丁\n\t\n'
    const rows = tabRows(splitLines(text), 4)
    expect(rows.map(r => r.cells.map(c => tidy(c.text)))).toEqual([['1', '甲', '乙', ''], ['2', '丙头', '丁', '']])
    expect(rows.map(r => r.line)).toEqual([2, 9])
  })
})

describe('line layout (web page)', () => {
  it('keeps non-blank lines as written, with their numbers', () => {
    expect(lineCells(splitLines('a\n\n\u00A0栋\n\n'), 1, 5)).toEqual([{ text: 'a', line: 1 }, { text: '\u00A0栋', line: 3 }])
  })
})

describe('cell text', () => {
  it('joins wrapped Chinese without spaces and keeps spaces between Latin words', () => {
    expect(tidy('非公司企业法人 设立登记')).toBe('非公司企业法人设立登记')
    expect(tidy('[bookmark: _GoBack]预约银行开户')).toBe('预约银行开户')
    expect(tidy('生育登记\u00A0')).toBe('生育登记')
    expect(tidy('Word 2\nExcel')).toBe('Word 2 Excel')
  })

  it('reads department cells: page-break doubles, two wrapped departments, a broken name', () => {
    expect(joinDepts('区行政审批服务局 区行政审批服务局')).toBe('区行政审批服务局')
    expect(joinDepts('省营商局 省卫生健康委')).toBe('省营商局、省卫生健康委')
    expect(joinDepts('市医保局\n市税务局')).toBe('市医保局、市税务局')
    expect(joinDepts('市审批服 务局、市市场监管局')).toBe('市审批服务局、市市场监管局')
    expect(joinDepts('市人力资源和\n社会保障局')).toBe('市人力资源和社会保障局')
    expect(joinDepts('枣庄供电公司、\n市能源局')).toBe('枣庄供电公司、市能源局')
    expect(joinDepts('市卫生健康委\n员会')).toBe('市卫生健康委员会')
  })

  it('reads stage and scenario labels', () => {
    expect(parseLabels('2 企业准营 2 企业准营 2 企业准营')).toEqual(['2 企业准营'])
    expect(parseLabels('10养老 10养老')).toEqual(['10 养老'])
    expect(parseLabels('3.2 3.3')).toEqual(['3.2', '3.3'])
    expect(parseLabels('4.2规划许可')).toEqual(['4.2 规划许可'])
    expect(parseLabels('5.3 租赁 住房')).toEqual(['5.3 租赁住房'])
    expect(parseLabels('1.1 业 开 办 办')).toEqual(['1.1'])
  })

  it('reads Chinese numbers and leaders\' names', () => {
    expect([chineseNumber('三'), chineseNumber('十'), chineseNumber('十二'), chineseNumber('二十一'), chineseNumber('甲')]).toEqual([3, 10, 12, 21, Number.NaN])
    expect(leaderName('祁文华')).toBe('祁文华')
    expect(leaderName('\u00A0栋')).toBe('□栋')
  })
})

describe('tasks in body text', () => {
  it('takes dated milestones with the lead named in the closing brackets', () => {
    const lines = splitLines([
      '一、工作目标',
      '2021年6月底前,完成甲。',
      '二、重点任务',
      '(一)推进乙。6月底前建立清单;12月底前完成对接。(区大数据局牵头,区直有关部门配合)',
    ].join('\n'))
    const { tasks, skipped } = datedMilestones(paragraphs(lines, 1, lines.length + 1), 'x.txt')
    expect(tasks.map(t => [t.heading, t.deadline_text, t.task, t.lead_dept, t.resp_depts, t.line])).toEqual([
      ['推进乙', '6月底前', '6月底前建立清单;', '区大数据局', '区直有关部门', 4],
      ['推进乙', '12月底前', '12月底前完成对接。', '区大数据局', '区直有关部门', 4],
    ])
    expect(skipped).toEqual([{ source: 'x.txt:2', text: '2021年6月底前,完成甲。', reason: 'dated milestone (2021年6月底前) with no lead named in its paragraph' }])
  })

  it('reads inline tasks with their department and deadline', () => {
    const lines = splitLines('二、重点任务\n(三)配置指南。依托平台配置。(责任部门:省直各有关部门;完成时限:2023年6月底前)')
    expect(inlineTasks(paragraphs(lines, 1, 3))).toEqual([
      { chapter: '二、重点任务', number: 3, heading: '配置指南', task: '依托平台配置。', dept: '省直各有关部门', deadline_text: '2023年6月底前', line: 2 },
    ])
  })
})

describe('csv', () => {
  it('quotes only fields that need it', () => {
    expect(toCsv<{ a: string, b: string | number }>(['a', 'b'], [{ a: '甲,乙', b: 1 }, { a: 'say "hi"', b: '' }, { a: 'x\ny', b: 'z' }]))
      .toBe('a,b\n"甲,乙",1\n"say ""hi""",\n"x\ny",z\n')
  })
})

describe('overrides', () => {
  const parsed = (): ParsedPlan => ({
    meta: { id: 'p', issuer: '', doc_number: null, date: '', plan_year: 2021, title: '', source_file: 'x.txt' },
    tasks: { columns: ['task_id', 'source'], rows: [{ task_id: '1', section: '', goal: '', task: '', deadline_text: '年底', lead_dept: '', resp_depts: '', note: '', plan_year: 2021, source: 'x.txt:3' }] },
    skipped: [],
    warnings: [],
  })

  it('fixes the one row it names and refuses a stale fix', () => {
    const p = parsed()
    applyOverrides(p, [{ plan: 'p', table: 'tasks', source: 'x.txt:3', expect: { deadline_text: '年底' }, set: { deadline_text: '年底前' }, why: 'test' }])
    expect(p.tasks!.rows[0]!.deadline_text).toBe('年底前')
    expect(() => applyOverrides(parsed(), [{ plan: 'p', table: 'tasks', source: 'x.txt:3', expect: { deadline_text: '6月' }, set: {}, why: 'test' }]))
      .toThrow(/matches 0 rows/)
  })
})
