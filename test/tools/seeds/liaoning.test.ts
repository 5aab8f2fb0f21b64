import { describe, expect, it } from 'vitest'
import { at, bundles, groupBundles, plan, tasks } from './helpers'

const P = '002_'
const F = '002_2b22b6d0d851722e.txt'

describe('liaoning-2023 (002, PDF with "|" cell ends)', () => {
  it('reads every table cell without warnings', () => {
    expect(plan(P).warnings).toEqual([])
    expect(plan(P).meta).toEqual({
      id: 'liaoning-2023',
      issuer: '辽宁省推进政府职能转变和“放管服”改革协调小组',
      doc_number: null,
      date: '2023-03-20',
      plan_year: 2023,
      title: '深入推进“一件事一次办”工作方案',
      source_file: F,
    })
  })

  it('has 35 bundles, 20 个人 and 15 法人, each with its members and departments', () => {
    const byBundle = groupBundles(bundles(P))
    expect([...byBundle.keys()]).toEqual(Array.from({ length: 35 }, (_, i) => `${i < 20 ? '个人' : '法人'}#${i + 1}`))
    for (const r of bundles(P)) {
      for (const v of [r.bundle_name, r.lead_dept, r.member_matter, r.member_dept])
        expect(v, r.source).not.toBe('')
    }
    expect(byBundle.get('个人#3')!.length).toBe(8)
    expect(byBundle.get('法人#22')!.map(r => r.member_matter)).toEqual([
      '单位就业登记',
      '《就业创业证》申领',
      '职工参保登记',
      '档案的接收和转递',
      '社会保障卡申领',
      '职工参保登记(医保)',
      '个人住房公积金账户设立',
    ])
  })

  it('reads a bundle\'s first row and a member row', () => {
    expect(at(bundles(P), 46)).toEqual({
      bundle_name: '新生儿出生',
      category: '个人',
      lead_dept: '省卫生健康委',
      member_matter: '出生医学证明办理',
      member_dept: '省卫生健康委',
      level: '',
      deadline_text: '',
      leader: '',
      tier: '',
      note: '',
      seq: '1',
      source: `${F}:46`,
    })
    expect(at(bundles(P), 52)).toMatchObject({ seq: '1', bundle_name: '新生儿出生', member_matter: '新生婴儿出生落户', member_dept: '省公安厅' })
    // Two lead departments wrapped in one cell.
    expect(at(bundles(P), 94)).toMatchObject({ seq: '3', lead_dept: '省营商局、省卫生健康委', member_matter: '死亡、宣告死亡办理户口注销', member_dept: '省公安厅' })
    expect(at(bundles(P), 565)).toMatchObject({ seq: '35', category: '法人', bundle_name: '企业准营(开饭店)', member_dept: '省住房城乡建设厅' })
  })

  it('has the 8 key tasks with their departments and 2023 deadlines', () => {
    const t = tasks(P)
    expect(t.map(x => x.task_id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'])
    expect(t.map(x => x.deadline_text)).toEqual(['2023年4月底前', '2023年5月底前', '2023年6月底前', '2023年9月底前', '2023年9月底前', '2023年9月底前', '2023年9月底前', '2023年10月底前'])
    expect(at(t, 24)).toEqual({
      task_id: '2',
      section: '二、重点任务',
      goal: '健全标准规范',
      task: '制定“一件事一次办”集成服务业务规范和技术规范,规范“一件事一次办”事项名称、编码规则、业务要素、线上线下服务流程、系统对接及数据共享标准等,提升集成化办理服务水平。',
      deadline_text: '2023年5月底前',
      lead_dept: '省营商局',
      resp_depts: '',
      note: '',
      plan_year: 2023,
      source: `${F}:24`,
    })
    expect(at(t, 29).lead_dept).toBe('省营商局等省直有关部门,各市人民政府及省沈抚示范区管委会')
  })
})
