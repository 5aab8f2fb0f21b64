import { describe, expect, it } from 'vitest'
import { at, bundles, groupBundles, plan, tasks } from './helpers'

const P = '004_'
const F = '004_5690f3f071573681.txt'

describe('xinxiang-2024 (004, web page with one cell per line)', () => {
  it('reads every table cell without warnings', () => {
    expect(plan(P).warnings).toEqual([])
    expect(plan(P).meta).toMatchObject({ id: 'xinxiang-2024', issuer: '新乡市人民政府', doc_number: null, date: '2024-10-10', plan_year: 2024 })
  })

  it('has 21 bundles: 13 due 10月底前 and 8 按照省级安排统筹推进', () => {
    const byBundle = groupBundles(bundles(P))
    expect([...byBundle.keys()]).toEqual(Array.from({ length: 21 }, (_, i) => `#${i + 1}`))
    const deadlines = [...byBundle.values()].map(rows => rows[0]!.deadline_text)
    expect(deadlines).toEqual([...Array.from({ length: 13 }, () => '10月底前'), ...Array.from({ length: 8 }, () => '按照省级安排统筹推进')])
    for (const rows of byBundle.values())
      expect(new Set(rows.map(r => r.deadline_text)).size).toBe(1)
  })

  it('names each bundle\'s leading official, and its deputy from 附件2', () => {
    const leaders = [...groupBundles(bundles(P)).values()].map(rows => rows[0]!.leader)
    expect(leaders).toEqual([
      '祁文华', '陈红阳', '祁文华', '陈红阳', '□栋', '□栋', '□栋', '祁文华', '朱东亚', '朱东亚', '□栋',
      '陈颖颖', '□栋', '祁文华', '祁文华', '陈红阳', '朱东亚', '陈红阳', '陈红阳', '□栋', '朱东亚',
    ])
    const deputies = [...groupBundles(bundles(P)).values()].map(rows => rows[0]!.deputy_leader)
    expect(deputies.slice(0, 7)).toEqual(['董文鸣', '□珂', '董文鸣', '王志文', '王洪伟', '王洪伟、李新', '□新'])
  })

  it('reads a bundle\'s first row', () => {
    expect(at(bundles(P), 108)).toEqual({
      bundle_name: '企业信息变更“一件事”',
      category: '',
      lead_dept: '市市场监管局',
      member_matter: '企业变更登记',
      member_dept: '市市场监管局',
      level: '',
      deadline_text: '10月底前',
      leader: '祁文华',
      tier: '',
      note: '',
      seq: '1',
      deputy_leader: '董文鸣',
      source: `${F}:108`,
    })
  })

  it('continues a bundle repeated at a page break instead of starting a new one', () => {
    const byBundle = groupBundles(bundles(P))
    expect(byBundle.get('#6')).toHaveLength(18)
    expect(byBundle.get('#14')).toHaveLength(8)
    expect(byBundle.get('#20')).toHaveLength(11)
    expect(at(bundles(P), 306)).toMatchObject({ seq: '6', member_matter: '企业知识产权领域无违法违规信息核查', member_dept: '市市场监管局', lead_dept: '市发改委、行政审批和政务信息管理局' })
  })

  it('joins wrapped names and department lists, and inherits a merged 联办部门', () => {
    expect(at(bundles(P), 570)).toMatchObject({ seq: '14', bundle_name: '企业迁移登记', member_matter: '企业迁入申请', member_dept: '迁入地市场监管局' })
    expect(at(bundles(P), 704)).toMatchObject({ seq: '18', bundle_name: '住房公积金个人住房贷款购房', lead_dept: '市住房公积金管理中心、不动产登记和交易中心' })
    expect(at(bundles(P), 624)).toMatchObject({ seq: '15', member_matter: '市场监管年报填报', member_dept: '市市场监管局、税务局、统计局' })
    expect(at(bundles(P), 468)).toMatchObject({ seq: '10', member_matter: '居住证', member_dept: '市公安局' })
    expect(at(bundles(P), 208)).toMatchObject({ seq: '4', member_matter: '供排水报装', member_dept: '市城管局' })
  })

  it('has no body task: its dated target names no lead, and is reported', () => {
    expect(tasks(P)).toEqual([])
    expect(plan(P).skipped.map(s => s.source)).toEqual([`${F}:28`])
  })
})
