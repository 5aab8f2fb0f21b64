import type { DeadlineKind, DeadlineOptions, DeadlinePrecision } from '../../../src/core/deadline/index.ts'
import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDeadline } from '../../../src/core/deadline/index.ts'

// [text, planYear, kind, dueDate, precision]
type Row = [string, number, DeadlineKind, string | null, DeadlinePrecision]

function check([text, planYear, kind, dueDate, precision]: Row, extra: Partial<DeadlineOptions> = {}) {
  const r = parseDeadline(text, { planYear, ...extra })
  expect(r.text).toBe(text)
  expect({ kind: r.kind, dueDate: r.dueDate, precision: r.precision }).toEqual({ kind, dueDate, precision })
}

// Every distinct deadline expression in the five seed documents, with the seed's year.
const SEED_000: Row[] = [
  // att. 3 任务配档表, 完成时限 column (plan year 2021)
  ['6月中旬前', 2021, 'date', '2021-06-20', 'xun'],
  ['6月底前', 2021, 'date', '2021-06-30', 'month'],
  ['6月底前完成并长期坚持', 2021, 'date_then_ongoing', '2021-06-30', 'month'],
  ['7月底前', 2021, 'date', '2021-07-31', 'month'],
  ['8月底前', 2021, 'date', '2021-08-31', 'month'],
  ['9月底前', 2021, 'date', '2021-09-30', 'month'],
  ['12月底前', 2021, 'date', '2021-12-31', 'month'],
  ['长期推进', 2021, 'ongoing', null, 'none'],
  // body text milestones
  ['2021年底前', 2021, 'date', '2021-12-31', 'year'],
  ['7月中旬前', 2021, 'date', '2021-07-20', 'xun'],
  ['6月底前,组织区直部门单位根据事项办理和集成服务需要,形成数据共享需求清单。9月底前,建立以场景应用授权为基础的数据共享机制', 2021, 'date', '2021-09-30', 'month'],
]

const SEED_001: Row[] = [
  // body text milestones (plan year 2021)
  ['2021年6月底前', 2021, 'date', '2021-06-30', 'month'],
  ['6月底前', 2021, 'date', '2021-06-30', 'month'],
  ['7月底前', 2021, 'date', '2021-07-31', 'month'],
  ['9月底前', 2021, 'date', '2021-09-30', 'month'],
  ['12月底前', 2021, 'date', '2021-12-31', 'month'],
  ['2021年6月底前，以事项为基础优化场景集成服务，实行“一套材料、一次告知、一表申请”；9月底前，在“政务服务一网通办”总门户、“爱山东·枣庄”掌上服务等平台设置政务服务专区，线上实现“一网通办”，线下实行“一窗受理”；12月底前，各推出100项高频事项极简办、集成办、全域办。', 2021, 'date', '2021-12-31', 'month'],
  ['6月底前建立数据共享应用清单；12月底前按照清单需求，通过省一体化大数据平台推动国家部委、省市区数据资源跨级共享应用', 2021, 'date', '2021-12-31', 'month'],
]

const SEED_002: Row[] = [
  // inline "(责任部门:…;完成时限:…)" (plan year 2023)
  ['2023年4月底前', 2023, 'date', '2023-04-30', 'month'],
  ['2023年5月底前', 2023, 'date', '2023-05-31', 'month'],
  ['2023年6月底前', 2023, 'date', '2023-06-30', 'month'],
  ['2023年9月底前', 2023, 'date', '2023-09-30', 'month'],
  ['2023年10月底前', 2023, 'date', '2023-10-31', 'month'],
  ['(责任部门:省直各有关部门;完成时限:2023年4月底前)', 2023, 'date', '2023-04-30', 'month'],
  ['(责任部门:省营商局;完成时限:2023年5月底前)', 2023, 'date', '2023-05-31', 'month'],
  // body text
  ['2023年底前', 2023, 'date', '2023-12-31', 'year'],
]

const SEED_003: Row[] = [
  // att. 1/2 have no 完成时限 column; body text milestones (plan year 2023)
  ['2023年年底前', 2023, 'date', '2023-12-31', 'year'],
  ['2025年年底前', 2023, 'date', '2025-12-31', 'year'],
]

const SEED_004: Row[] = [
  // att. 1 完成时限 column (plan year 2024)
  ['10月底前', 2024, 'date', '2024-10-31', 'month'],
  ['按照省级安排统筹推进', 2024, 'external', null, 'none'],
  // body text milestones
  ['2024年10月底前', 2024, 'date', '2024-10-31', 'month'],
  ['2024年', 2024, 'date', '2024-12-31', 'year'],
  ['到2027年', 2024, 'date', '2027-12-31', 'year'],
]

// domain.md §2 table
const DOMAIN: Row[] = [
  ['6月上旬前', 2021, 'date', '2021-06-10', 'xun'],
  ['6月中旬前', 2021, 'date', '2021-06-20', 'xun'],
  ['6月下旬前', 2021, 'date', '2021-06-30', 'xun'],
  ['6月底前', 2021, 'date', '2021-06-30', 'month'],
  ['6月末', 2021, 'date', '2021-06-30', 'month'],
  ['6月份', 2021, 'date', '2021-06-30', 'month'],
  ['2023年4月底前', 2021, 'date', '2023-04-30', 'month'],
  ['2023年年底前', 2021, 'date', '2023-12-31', 'year'],
  ['年底前', 2021, 'date', '2021-12-31', 'year'],
  ['年内', 2021, 'date', '2021-12-31', 'year'],
  ['上半年', 2021, 'date', '2021-06-30', 'half_year'],
  ['一季度末', 2021, 'date', '2021-03-31', 'quarter'],
  ['三季度', 2021, 'date', '2021-09-30', 'quarter'],
  ['10月15日前', 2021, 'date', '2021-10-15', 'day'],
  ['6月底前完成并长期坚持', 2021, 'date_then_ongoing', '2021-06-30', 'month'],
  ['长期推进', 2021, 'ongoing', null, 'none'],
  ['长期坚持', 2021, 'ongoing', null, 'none'],
  ['持续推进', 2021, 'ongoing', null, 'none'],
  ['按照省级安排统筹推进', 2021, 'external', null, 'none'],
]

const FORMS: Row[] = [
  ['6月', 2021, 'date', '2021-06-30', 'month'],
  ['6月内', 2021, 'date', '2021-06-30', 'month'],
  ['6月底', 2021, 'date', '2021-06-30', 'month'],
  ['6月底以前', 2021, 'date', '2021-06-30', 'month'],
  ['6月末前', 2021, 'date', '2021-06-30', 'month'],
  ['2023年底前', 2021, 'date', '2023-12-31', 'year'],
  ['今年年底前', 2021, 'date', '2021-12-31', 'year'],
  ['今年底前', 2021, 'date', '2021-12-31', 'year'],
  ['2024年内', 2021, 'date', '2024-12-31', 'year'],
  ['年末', 2021, 'date', '2021-12-31', 'year'],
  ['12月31日前', 2021, 'date', '2021-12-31', 'day'],
  ['下半年', 2021, 'date', '2021-12-31', 'half_year'],
  ['2022年上半年', 2021, 'date', '2022-06-30', 'half_year'],
  ['一季度', 2021, 'date', '2021-03-31', 'quarter'],
  ['第一季度', 2021, 'date', '2021-03-31', 'quarter'],
  ['第二季度末', 2021, 'date', '2021-06-30', 'quarter'],
  ['4季度', 2021, 'date', '2021-12-31', 'quarter'],
  ['Q3', 2021, 'date', '2021-09-30', 'quarter'],
  ['2024Q1', 2021, 'date', '2024-03-31', 'quarter'],
  ['2024年10月15日', 2021, 'date', '2024-10-15', 'day'],
  ['2024-10-15', 2021, 'date', '2024-10-15', 'day'],
  ['2024.10.15', 2021, 'date', '2024-10-15', 'day'],
  ['2024/10/15前', 2021, 'date', '2024-10-15', 'day'],
  ['2024-10-15 18:00', 2021, 'date', '2024-10-15', 'day'],
  ['2024.10', 2021, 'date', '2024-10-31', 'month'],
  ['10月15号', 2021, 'date', '2021-10-15', 'day'],
  ['2022年3月底前', 2021, 'date', '2022-03-31', 'month'],
  ['次年3月底前', 2021, 'date', '2022-03-31', 'month'],
  ['明年6月底前', 2021, 'date', '2022-06-30', 'month'],
  ['明年底前', 2021, 'date', '2022-12-31', 'year'],
  ['6月底前完成，长期坚持', 2021, 'date_then_ongoing', '2021-06-30', 'month'],
  ['9月底前建成并持续推进', 2021, 'date_then_ongoing', '2021-09-30', 'month'],
  ['年底前完成，常态化推进', 2021, 'date_then_ongoing', '2021-12-31', 'year'],
  ['6月底前完成，此后每月报送进展', 2021, 'date_then_ongoing', '2021-06-30', 'month'],
  ['8月底前建立常态化机制', 2021, 'date', '2021-08-31', 'month'],
  ['长期', 2021, 'ongoing', null, 'none'],
  ['常态化推进', 2021, 'ongoing', null, 'none'],
  ['持续开展', 2021, 'ongoing', null, 'none'],
  ['长期坚持，按月报送进展', 2021, 'ongoing', null, 'none'],
  ['按省级部署', 2021, 'external', null, 'none'],
  ['根据国家/省统一安排', 2021, 'external', null, 'none'],
  ['按上级要求', 2021, 'external', null, 'none'],
  ['按照国家和省统一部署推进', 2021, 'external', null, 'none'],
  ['与省同步推进', 2021, 'external', null, 'none'],
  ['6月底前完成试点，12月底前全面推开', 2021, 'date', '2021-12-31', 'month'],
  ['2021年9月底前完成主体建设；2021年12月底前投入使用', 2021, 'date', '2021-12-31', 'month'],
  ['6月底前完成试点，年底前全面推开', 2021, 'date', '2021-12-31', 'year'],
  ['2021年12月底前完成；2022年3月底前验收', 2021, 'date', '2022-03-31', 'month'],
  ['持续推进，12月底前全面完成', 2021, 'date', '2021-12-31', 'month'],
  ['6月至9月', 2021, 'date', '2021-09-30', 'month'],
]

const TOLERANCE: Row[] = [
  ['６月底前', 2021, 'date', '2021-06-30', 'month'],
  ['２０２３年１０月１５日前', 2021, 'date', '2023-10-15', 'day'],
  ['十月底前', 2021, 'date', '2021-10-31', 'month'],
  ['十二月底前', 2021, 'date', '2021-12-31', 'month'],
  ['十一月中旬前', 2021, 'date', '2021-11-20', 'xun'],
  ['二〇二三年三月底前', 2021, 'date', '2023-03-31', 'month'],
  ['十月十五日前', 2021, 'date', '2021-10-15', 'day'],
  ['  6月底前  ', 2021, 'date', '2021-06-30', 'month'],
  ['6 月底前', 2021, 'date', '2021-06-30', 'month'],
  ['\t2023 年 4 月底前\n', 2021, 'date', '2023-04-30', 'month'],
  ['（6月底前）', 2021, 'date', '2021-06-30', 'month'],
  ['6月底前。', 2021, 'date', '2021-06-30', 'month'],
  ['完成时限：6月底前', 2021, 'date', '2021-06-30', 'month'],
  ['完成时限:2023年4月底前', 2021, 'date', '2023-04-30', 'month'],
  ['完成时限：长期推进', 2021, 'ongoing', null, 'none'],
  ['（完成时限：按照省级安排统筹推进）', 2021, 'external', null, 'none'],
  ['长期推进；', 2021, 'ongoing', null, 'none'],
  ['ｑ２', 2021, 'date', '2021-06-30', 'quarter'],
]

const EDGES: Row[] = [
  ['2月底前', 2024, 'date', '2024-02-29', 'month'],
  ['2月底前', 2023, 'date', '2023-02-28', 'month'],
  ['2月下旬前', 2024, 'date', '2024-02-29', 'xun'],
  ['2月下旬前', 2100, 'date', '2100-02-28', 'xun'],
  ['2月29日前', 2024, 'date', '2024-02-29', 'day'],
  ['9月下旬前', 2021, 'date', '2021-09-30', 'xun'],
  ['10月下旬前', 2021, 'date', '2021-10-31', 'xun'],
  ['2025年6月底前', 2021, 'date', '2025-06-30', 'month'],
  ['2020年12月31日', 2021, 'date', '2020-12-31', 'day'],
  // the conservative readings of "X前" without 底/末 (see README)
  ['6月前', 2021, 'date', '2021-05-31', 'month'],
  ['6月份前', 2021, 'date', '2021-05-31', 'month'],
  ['1月前', 2021, 'date', '2020-12-31', 'month'],
  ['三季度前', 2021, 'date', '2021-06-30', 'quarter'],
  ['2024年前', 2021, 'date', '2023-12-31', 'year'],
  ['年中', 2021, 'date', '2021-06-30', 'half_year'],
]

const UNPARSED: Row[] = [
  ['2月30日', 2021, 'unparsed', null, 'none'],
  ['2月29日前', 2023, 'unparsed', null, 'none'],
  ['13月底前', 2021, 'unparsed', null, 'none'],
  ['6月31日', 2021, 'unparsed', null, 'none'],
  ['2024-02-30', 2021, 'unparsed', null, 'none'],
  ['', 2021, 'unparsed', null, 'none'],
  ['   ', 2021, 'unparsed', null, 'none'],
  ['待定', 2021, 'unparsed', null, 'none'],
  ['尽快', 2021, 'unparsed', null, 'none'],
  ['年前', 2021, 'unparsed', null, 'none'],
  ['6月初', 2021, 'unparsed', null, 'none'],
  ['6月中', 2021, 'unparsed', null, 'none'],
  ['6月前后', 2021, 'unparsed', null, 'none'],
  ['6月底左右', 2021, 'unparsed', null, 'none'],
  ['3年内', 2021, 'unparsed', null, 'none'],
  ['两年内', 2021, 'unparsed', null, 'none'],
  ['去年底', 2021, 'unparsed', null, 'none'],
  ['去年6月底前', 2021, 'unparsed', null, 'none'],
  ['22年6月底前', 2021, 'unparsed', null, 'none'],
  ['第6月底前', 2021, 'unparsed', null, 'none'],
  ['第二年底前', 2021, 'unparsed', null, 'none'],
  ['每月10日前', 2021, 'unparsed', null, 'none'],
  ['每季度末', 2021, 'unparsed', null, 'none'],
  ['30个工作日内', 2021, 'unparsed', null, 'none'],
  ['6.30前', 2021, 'unparsed', null, 'none'],
  ['6月30前', 2021, 'unparsed', null, 'none'],
  ['Q3 2024', 2021, 'unparsed', null, 'none'],
  ['10月底前完成试点，3月底前全面推开', 2021, 'unparsed', null, 'none'],
  ['长期居住人员', 2021, 'unparsed', null, 'none'],
  ['2024年度', 2021, 'unparsed', null, 'none'],
  ['公众聚集场所投入使用、营业前消防安全检查', 2021, 'unparsed', null, 'none'],
]

const ALL: Array<[string, Row[]]> = [
  ['seed 000 (河东区, 2021)', SEED_000],
  ['seed 001 (薛城区, 2021)', SEED_001],
  ['seed 002 (辽宁省, 2023)', SEED_002],
  ['seed 003 (三门峡市, 2023)', SEED_003],
  ['seed 004 (新乡市, 2024)', SEED_004],
  ['domain §2 table', DOMAIN],
  ['other accepted forms', FORMS],
  ['width, numerals, whitespace, labels', TOLERANCE],
  ['calendar edges and strict readings', EDGES],
  ['not recognised', UNPARSED],
]

describe('parseDeadline table', () => {
  for (const [name, rows] of ALL) {
    describe(name, () => {
      it.each(rows)('%j (plan %i) → %s %s %s', (...row) => check(row as Row))
    })
  }

  it('has at least 60 expressions', () => {
    expect(new Set(ALL.flatMap(([, rows]) => rows.map(r => `${r[0]}|${r[1]}`))).size).toBeGreaterThanOrEqual(60)
  })
})

describe('xun settings', () => {
  it('uses the configured 中旬 day', () => {
    check(['6月中旬前', 2021, 'date', '2021-06-15', 'xun'], { midXunEndDay: 15 })
    check(['6月上旬前', 2021, 'date', '2021-06-05', 'xun'], { earlyXunEndDay: 5 })
  })

  it('caps a 中旬 day past the month end at the month end', () => {
    check(['2月中旬前', 2023, 'date', '2023-02-28', 'xun'], { midXunEndDay: 30 })
  })

  it('ignores an unusable setting', () => {
    check(['6月中旬前', 2021, 'date', '2021-06-20', 'xun'], { midXunEndDay: Number.NaN })
    check(['6月中旬前', 2021, 'date', '2021-06-20', 'xun'], { midXunEndDay: 0 })
  })

  it('reads 上中旬 as the end of 中旬', () => {
    check(['6月上中旬', 2021, 'date', '2021-06-20', 'xun'], { midXunEndDay: 20 })
  })
})

describe('interpretation and milestones', () => {
  it('reads a 中旬 date in both languages', () => {
    expect(parseDeadline('6月中旬前', { planYear: 2021 }).interpretation)
      .toEqual({ zh: '2021年6月20日前（中旬末）', en: 'by 20 Jun 2021 (end of mid-month)' })
  })

  it('explains ongoing, external and unparsed', () => {
    expect(parseDeadline('长期推进', { planYear: 2021 }).interpretation.zh).toBe('长期推进：无截止日期，按月报送')
    expect(parseDeadline('按照省级安排统筹推进', { planYear: 2021 }).interpretation.zh).toContain('上级')
    expect(parseDeadline('待定', { planYear: 2021 }).interpretation.zh).toBe('无法识别，需人工设定')
  })

  it('says when "6月前" is read strictly', () => {
    const r = parseDeadline('6月前', { planYear: 2021 })
    expect(r.interpretation.zh).toContain('从严')
    expect(r.interpretation.en).toContain('strictly')
  })

  it('says a kept-up task continues after its date', () => {
    const r = parseDeadline('6月底前完成并长期坚持', { planYear: 2021 })
    expect(r.interpretation.zh).toContain('2021年6月30日')
    expect(r.interpretation.zh).toContain('长期')
    expect(r.interpretation.en).toContain('ongoing')
  })

  it('lists every date in order and is due at the last', () => {
    const r = parseDeadline('6月底前完成试点，12月底前全面推开', { planYear: 2021 })
    expect(r.dueDate).toBe('2021-12-31')
    expect(r.milestones).toEqual([
      { date: '2021-06-30', text: '6月底前完成试点' },
      { date: '2021-12-31', text: '12月底前全面推开' },
    ])
    expect(r.interpretation.zh).toContain('2021年6月30日')
    expect(r.interpretation.zh).toContain('2021年12月31日')
    expect(r.interpretation.en).toContain('30 Jun 2021')
    expect(r.interpretation.en).toContain('31 Dec 2021')
  })

  it('carries an explicit year to the dates written after it (seed 001)', () => {
    const r = parseDeadline('2021年6月底前，…；9月底前，…；12月底前，…', { planYear: 2020 })
    expect(r.milestones?.map(m => m.date)).toEqual(['2021-06-30', '2021-09-30', '2021-12-31'])
  })

  it('quotes milestones from the original text, full-width digits and all', () => {
    const r = parseDeadline('６月底前完成试点；１２月底前全面推开。', { planYear: 2021 })
    expect(r.milestones?.map(m => m.text)).toEqual(['６月底前完成试点', '１２月底前全面推开'])
  })

  it('gives a single date no milestones', () => {
    expect(parseDeadline('6月底前', { planYear: 2021 }).milestones).toBeUndefined()
  })

  it('keeps the text verbatim', () => {
    const text = ' \t（完成时限：６月底前）\n'
    expect(parseDeadline(text, { planYear: 2021 }).text).toBe(text)
  })

  it('does not guess a year when the plan year is unusable', () => {
    expect(parseDeadline('6月底前', { planYear: Number.NaN }).kind).toBe('unparsed')
    expect(parseDeadline('2023年6月底前', { planYear: Number.NaN }).dueDate).toBe('2023-06-30')
    expect(parseDeadline('长期推进', { planYear: Number.NaN }).kind).toBe('ongoing')
  })
})

// Cross-check against the seeds themselves when they are present on this machine.
// The project keeps its own copy of the seed texts (seeds/), so this always runs.
const SEEDS_DIR = new URL('../../../seeds', import.meta.url).pathname
describe('seed 完成时限 columns', () => {
  const file = (prefix: string) => readFileSync(`${SEEDS_DIR}/${readdirSync(SEEDS_DIR).find(f => f.startsWith(prefix))}`, 'utf8')

  it('recognises every 完成时限 cell of 000 att. 3 and 004 att. 1', () => {
    const cells = new Set<string>()
    const s000 = file('000_')
    const table = s000.slice(s000.lastIndexOf('任务配档表'))
    for (const line of table.split('\n')) {
      const cell = line.replace(/\s*\|\s*$/, '').trim()
      if (/(?:月(?:[上中下]旬|底)前|长期推进)/.test(cell) && cell.length < 20)
        cells.add(cell)
    }
    const s004 = file('004_')
    for (const line of s004.split('\n')) {
      const cell = line.trim()
      if (cell === '10月底前' || cell === '按照省级安排统筹推进')
        cells.add(cell)
    }
    expect(cells.size).toBeGreaterThanOrEqual(9)
    for (const cell of cells)
      expect(parseDeadline(cell, { planYear: 2021 }).kind, cell).not.toBe('unparsed')
  })

  it('recognises every inline 完成时限 of 002', () => {
    const found = [...file('002_').matchAll(/完成时限:([^)]*)\)/g)].map(m => m[1] as string)
    expect(found.length).toBe(8)
    for (const t of found)
      expect(parseDeadline(t, { planYear: 2023 }).kind, t).toBe('date')
  })
})

describe('never throws, never guesses a malformed date', () => {
  const fragments = ['月', '底', '前', '旬', '上', '中', '下', '年', '季度', '第', '半', '内', '末', '份', '日', '号', '初', '前后',
    '长期', '持续', '推进', '坚持', '按照', '省级', '安排', '完成', '并', '今年', '明年', '次年', '去年', '年底', '年内', 'Q', 'q',
    '0', '1', '2', '3', '9', '10', '12', '13', '29', '30', '31', '2021', '2024', '9999', '一', '二', '三', '十', '十二', '〇',
    '６', '１２', '－', '-', '.', '/', '，', '；', '。', '、', '（', '）', ':', '：', '完成时限：', ' ', '\t', '至', '每', '左右']
  const fragmentString = fc.array(fc.constantFrom(...fragments), { maxLength: 14 }).map(a => a.join(''))
  const anyString = fc.oneof(fragmentString, fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }))
  const options = fc.record({
    planYear: fc.oneof(fc.integer({ min: 1990, max: 2100 }), fc.constantFrom(Number.NaN, 0, -1, 1e9, 2021.5)),
    midXunEndDay: fc.option(fc.oneof(fc.integer({ min: -5, max: 40 }), fc.constant(Number.NaN)), { nil: undefined }),
  })

  const KINDS = ['date', 'date_then_ongoing', 'ongoing', 'external', 'unparsed']
  const PRECISIONS = ['day', 'xun', 'month', 'quarter', 'half_year', 'year', 'none']

  function validIso(s: string): boolean {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
    if (!m)
      return false
    const y = Number(m[1])
    const mo = Number(m[2])
    const d = Number(m[3])
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
    const dim = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0
    return mo >= 1 && mo <= 12 && d >= 1 && d <= dim
  }

  it('returns a well-formed result for arbitrary strings', () => {
    fc.assert(fc.property(anyString, options, (text, opts) => {
      const r = parseDeadline(text, opts)
      expect(r.text).toBe(text)
      expect(KINDS).toContain(r.kind)
      expect(PRECISIONS).toContain(r.precision)
      expect(typeof r.interpretation.zh).toBe('string')
      expect(typeof r.interpretation.en).toBe('string')
      expect(r.interpretation.zh.length).toBeGreaterThan(0)
      if (r.kind === 'date' || r.kind === 'date_then_ongoing') {
        expect(r.dueDate).not.toBeNull()
        expect(validIso(r.dueDate as string)).toBe(true)
        expect(r.precision).not.toBe('none')
        for (const m of r.milestones ?? []) {
          expect(validIso(m.date)).toBe(true)
          expect(m.date <= (r.dueDate as string)).toBe(true)
          expect(text).toContain(m.text)
        }
        if (r.milestones)
          expect(r.milestones.map(m => m.date)).toContain(r.dueDate)
      }
      else {
        expect(r.dueDate).toBeNull()
        expect(r.precision).toBe('none')
        expect(r.milestones).toBeUndefined()
      }
    }), { numRuns: 4000 })
  })

  it('handles long inputs quickly', () => {
    const long = '6月底前完成'.repeat(2000) + '年'.repeat(5000) + '长期'.repeat(5000)
    const t0 = performance.now()
    const r = parseDeadline(long, { planYear: 2021 })
    expect(r.text).toBe(long)
    expect(performance.now() - t0).toBeLessThan(2000)
  })
})
