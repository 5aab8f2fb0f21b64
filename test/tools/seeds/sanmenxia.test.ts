import { describe, expect, it } from 'vitest'
import { at, bundles, groupBundles, plan, tasks } from './helpers'

const P = '003_'
const F = '003_a0934096c1ec161a.txt'

const tiers = (category: string): Record<string, number> => {
  const out: Record<string, number> = {}
  for (const [key, rows] of groupBundles(bundles(P))) {
    if (key.startsWith(`${category}#`))
      out[rows[0]!.tier || 'none'] = (out[rows[0]!.tier || 'none'] ?? 0) + 1
  }
  return out
}

describe('sanmenxia-2023 (003, web page with one cell per line)', () => {
  it('reads every table cell without warnings', () => {
    expect(plan(P).warnings).toEqual([])
    expect(plan(P).meta).toMatchObject({ id: 'sanmenxia-2023', doc_number: '三政办〔2023〕32号', date: '2023-12-29', plan_year: 2023 })
  })

  it('has 31 enterprise and 22 personal bundles with their tiers', () => {
    const keys = [...groupBundles(bundles(P)).keys()]
    expect(keys).toEqual([
      ...Array.from({ length: 31 }, (_, i) => `企业#${i + 1}`),
      ...Array.from({ length: 22 }, (_, i) => `个人#${i + 1}`),
    ])
    expect(tiers('企业')).toEqual({ national: 5, provincial: 20, none: 6 })
    expect(tiers('个人')).toEqual({ national: 8, provincial: 12, none: 2 })
    for (const r of bundles(P)) {
      for (const v of [r.bundle_name, r.lead_dept, r.member_matter, r.member_dept, r.level])
        expect(v, r.source).not.toBe('')
      expect(r.bundle_name).not.toMatch(/^[*#]/)
    }
  })

  it('reads a bundle\'s first row: tier mark, name, lead, member, 联办部门 and 办理层级', () => {
    expect(at(bundles(P), 107)).toEqual({
      bundle_name: '企业开办',
      category: '企业',
      lead_dept: '市场监管部门',
      member_matter: '企业登记注册',
      member_dept: '市场监管部门',
      level: '市、县级',
      deadline_text: '',
      leader: '',
      tier: 'national',
      note: '',
      seq: '1',
      source: `${F}:107`,
    })
  })

  it('keeps 备注 with its member, and an empty one empty', () => {
    expect(at(bundles(P), 202)).toMatchObject({
      seq: '3',
      bundle_name: '开饭店(餐饮店)',
      member_matter: '公众聚集场所投入使用、营业前消防安全检查',
      member_dept: '消防救援机构',
      level: '市、县级',
      note: '各县(市、区)根据实际确定需要办理该项许可的场所面积',
    })
    expect(at(bundles(P), 210)).toMatchObject({ seq: '3', member_matter: '城镇污水排入排水管网许可', note: '' })
    expect(at(bundles(P), 1131)).toMatchObject({ seq: '29', member_matter: '麻醉药品和第一类精神药品购用许可', level: '市、县级(不含市辖区)' })
    expect(at(bundles(P), 1755)).toMatchObject({ category: '个人', seq: '12', tier: 'national', bundle_name: '扶残助困', lead_dept: '残联', member_dept: '残联', level: '县级' })
  })

  it('joins names broken over two lines', () => {
    expect(at(bundles(P), 557)).toMatchObject({ seq: '13', tier: 'provincial', bundle_name: '开货运公司(不含道路危险货物运输许可)', lead_dept: '交通运输部门' })
    expect(at(bundles(P), 1386)).toMatchObject({ category: '个人', seq: '4', bundle_name: '儿童入学(小学、初中)', lead_dept: '教育部门' })
    // A line between a matter and its department that is no "(…)" continuation is a remark.
    expect(at(bundles(P), 1995)).toMatchObject({ category: '个人', seq: '17', member_matter: '存量房买卖合同网签备案', member_dept: '住房城乡建设部门', note: '并行办理' })
  })

  it('has no body task: its dated targets name no lead, and are reported', () => {
    expect(tasks(P)).toEqual([])
    expect(plan(P).skipped.map(s => s.source)).toEqual([`${F}:51`, `${F}:53`])
  })
})
