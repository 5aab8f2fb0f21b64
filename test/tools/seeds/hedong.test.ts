import { describe, expect, it } from 'vitest'
import { at, distinct, matters, plan, tasks } from './helpers'

const P = '000_'
const F = '000_6dd505c96fb8bb7f.txt'

describe('hedong-2021 (000, PDF with "|" cell ends)', () => {
  it('reads every table cell without warnings', () => {
    expect(plan(P).warnings).toEqual([])
    expect(plan(P).meta).toEqual({
      id: 'hedong-2021',
      issuer: '临沂市河东区人民政府办公室',
      doc_number: '临东政办字〔2021〕12号',
      date: '2021-06-25',
      plan_year: 2021,
      title: '河东区政务服务“双全双百”工程实施方案',
      source_file: F,
    })
  })

  it('has the 134 numbered enterprise matters and 114 numbered personal ones, in order', () => {
    const seqs = (subject: string): string[] => distinct(matters(P).filter(m => m.subject === subject), m => m.seq)
    expect(seqs('企业')).toEqual(Array.from({ length: 134 }, (_, i) => String(i + 1)))
    expect(seqs('个人')).toEqual(Array.from({ length: 114 }, (_, i) => String(i + 1)))
    // Sub-items without a number of their own are extra rows under their matter.
    expect(matters(P).filter(m => m.subject === '企业')).toHaveLength(134)
    expect(matters(P).filter(m => m.subject === '个人')).toHaveLength(162)
  })

  it('fills stage, scenario, type and both departments on every row', () => {
    for (const m of matters(P)) {
      for (const v of [m.matter_name, m.stage, m.scenario, m.matter_type, m.lead_dept, m.coop_depts])
        expect(v, m.source).not.toBe('')
    }
    expect(distinct(matters(P), m => m.matter_type).sort())
      .toEqual(['公共服务', '其他', '其他行政权力', '行政确认', '行政给付', '行政许可'].sort())
    expect(distinct(matters(P).filter(m => m.subject === '企业'), m => m.stage))
      .toEqual(['1 企业开办', '2 企业准营', '3 企业运营', '4 投资建设', '5 企业变更', '6 企业退出'])
    expect(distinct(matters(P).filter(m => m.subject === '个人'), m => m.stage))
      .toEqual(['1 出生', '2 教育', '3 退役', '4 工作', '5 置业', '6 出行', '7 婚育', '8 就医', '9 救助', '10 养老', '11 身后'])
  })

  it('reads a first row of a block: stage, scenario, matter, sub-item, lead and 协同', () => {
    expect(at(matters(P), 55)).toEqual({
      seq: '1',
      matter_name: '公司(企业)设立登记',
      sub_item: '公司设立登记',
      subject: '企业',
      stage: '1 企业开办',
      // The scenario's name was set vertically and comes out as loose characters: dropped.
      scenario: '1.1',
      matter_type: '行政许可',
      lead_dept: '区行政审批服务局',
      coop_depts: '区行政审批服务局',
      level: '',
      source: `${F}:55`,
    })
  })

  it('inherits merged cells and joins wrapped ones', () => {
    // 19: lead merged from 18, "消防 安全检查" wrapped inside the cell.
    expect(at(matters(P), 153)).toMatchObject({
      seq: '19',
      matter_name: '公众聚集场所投入使用、营业前消防安全检查',
      stage: '2 企业准营',
      scenario: '2.2',
      lead_dept: '区行政审批服务局',
      coop_depts: '河东消防大队',
    })
    // 67: nothing but the name and type; lead and 协同 merged from 66.
    expect(at(matters(P), 408)).toMatchObject({
      seq: '67',
      matter_name: '机动车登记-变更登记',
      sub_item: '',
      scenario: '3.3',
      matter_type: '行政许可',
      lead_dept: '河东交警大队',
      coop_depts: '牵头单位协调实施',
    })
    // 48: "区医疗保障局" alone is the 协同 of this row; the block's lead runs on.
    expect(at(matters(P), 306)).toMatchObject({ seq: '48', lead_dept: '区人力资源和社会保障局', coop_depts: '区医疗保障局' })
  })

  it('gives the second label of a glued scenario cell ("3.2 3.3") to the next block', () => {
    expect(at(matters(P), 352)).toMatchObject({ seq: '57', scenario: '3.2', lead_dept: '河东区税务局' })
    expect(at(matters(P), 379)).toMatchObject({ seq: '62', scenario: '3.2' })
    expect(at(matters(P), 384)).toMatchObject({ seq: '63', scenario: '3.3', matter_name: '不动产登记', sub_item: '建设用地使用权登记', lead_dept: '区自然资源局' })
  })

  it('reads sub-item rows under their numbered matter', () => {
    const seq42 = matters(P).filter(m => m.subject === '个人' && m.seq === '42')
    expect(seq42.map(m => m.sub_item)).toEqual(['个人参保缴费证明查询打印', '参保人员失业保险关系迁移证明打印', '个人权益记录查询打印'])
    // The sub-item rows have no type cell: the type above carries on.
    expect(at(matters(P), 1027)).toEqual({
      seq: '42',
      matter_name: '社会保险记录查询打印',
      sub_item: '参保人员失业保险关系迁移证明打印',
      subject: '个人',
      stage: '4 工作',
      scenario: '4.3',
      matter_type: '公共服务',
      lead_dept: '区人力资源和社会保障局',
      coop_depts: '区人力资源和社会保障局',
      level: '',
      source: `${F}:1027`,
    })
    expect(matters(P).filter(m => m.subject === '个人' && m.seq === '70').map(m => m.sub_item))
      .toEqual(['机动车登记-注册登记', '机动车登记-变更登记', '机动车登记-转移登记', '机动车登记-抵押登记', '机动车登记-注销登记'])
  })

  it('dedupes a merged cell repeated across a page break ("10养老 10养老")', () => {
    expect(at(matters(P), 1506)).toEqual({
      seq: '99',
      matter_name: '《山东省老年人优待证》办理',
      sub_item: '',
      subject: '个人',
      stage: '10 养老',
      scenario: '10.1',
      matter_type: '公共服务',
      lead_dept: '区人力资源和社会保障局',
      coop_depts: '区卫生健康局',
      level: '',
      source: `${F}:1506`,
    })
  })

  it('has the 配档表: 19 tasks in 3 sections', () => {
    const t = tasks(P)
    expect(t.map(x => x.task_id)).toEqual(Array.from({ length: 19 }, (_, i) => String(i + 1)))
    expect(distinct(t, x => x.section)).toEqual([
      '(一)对照两张清单,推动流程再造',
      '(二)线上线下融合,打造服务专区',
      '(三)突出数据引领,夯实改革保障',
    ])
    expect(t.map(x => x.section.slice(0, 3))).toEqual([...Array.from({ length: 5 }, () => '(一)'), ...Array.from({ length: 5 }, () => '(二)'), ...Array.from({ length: 9 }, () => '(三)')])
    for (const x of t) {
      for (const v of [x.goal, x.task, x.deadline_text, x.lead_dept, x.resp_depts])
        expect(v, x.source).not.toBe('')
      expect(x.plan_year).toBe(2021)
    }
    expect(distinct(t, x => x.deadline_text)).toEqual(['6月中旬前', '6月底前', '6月底前完成并长期坚持', '8月底前', '9月底前', '长期推进', '7月底前', '12月底前'])
  })

  it('reads 配档表 rows with merged goal, deadline and departments', () => {
    expect(at(tasks(P), 1644)).toEqual({
      task_id: '4',
      section: '(一)对照两张清单,推动流程再造',
      goal: '实现全域办',
      task: '围绕保障改善民生、促进就业创业和便利企业群众跨区域生产生活,强化业务协同、数据共享,打破区域限制和部门壁垒,分类推进跨省通办、全省通办、全市通办改革,实现“双全双百”事项就近可办、跨域通办。',
      deadline_text: '6月底前完成并长期坚持',
      lead_dept: '区行政审批服务局',
      resp_depts: '区直有关部门单位(具体名单见附件1、2)',
      note: '',
      plan_year: 2021,
      source: `${F}:1644`,
    })
    // 7: only the task text is its own; goal, deadline and departments are merged from 6.
    expect(at(tasks(P), 1664)).toMatchObject({
      task_id: '7',
      goal: '推动线下服务创新',
      deadline_text: '8月底前',
      lead_dept: '区行政审批服务局',
      resp_depts: '区直有关部门单位(具体名单见附件1、2)',
    })
    expect(at(tasks(P), 1725)).toMatchObject({ task_id: '19', goal: '完善“好差评”体系', deadline_text: '长期推进', lead_dept: '区行政审批服务局' })
  })
})
