import { describe, expect, it } from 'vitest'
import { at, distinct, matters, plan, tasks } from './helpers'

const P = '001_'
const F = '001_2c4b341d35c2781e.txt'

describe('xuecheng-2021 (001, Word table with tab-started cells)', () => {
  it('reads every table cell without warnings', () => {
    expect(plan(P).warnings).toEqual([])
    expect(plan(P).meta).toMatchObject({ id: 'xuecheng-2021', doc_number: '薛政办发〔2021〕11号', date: '2021-06-11', plan_year: 2021 })
  })

  it('numbers enterprise matters up to 106 and personal ones up to 115', () => {
    const seqs = (subject: string): string[] => distinct(matters(P).filter(m => m.subject === subject), m => m.seq)
    expect(seqs('企业')).toEqual(Array.from({ length: 106 }, (_, i) => String(i + 1)))
    expect(seqs('个人')).toEqual(Array.from({ length: 115 }, (_, i) => String(i + 1)))
  })

  it('has 市级 and 区级 leads on every row, and the 区级 ones as the plan\'s own', () => {
    for (const m of matters(P)) {
      for (const v of [m.matter_name, m.stage, m.scenario, m.matter_type, m.city_lead_dept, m.district_lead_dept])
        expect(v, m.source).not.toBe('')
      expect(m.lead_dept).toBe(m.district_lead_dept)
      expect(m.coop_depts).toBe(m.district_coop_depts)
    }
  })

  it('reads a 10-cell row (matter + sub-item) and its merged continuation rows', () => {
    expect(at(matters(P), 60)).toEqual({
      seq: '1',
      matter_name: '公司（企业）设立登记',
      sub_item: '公司设立登记',
      subject: '企业',
      stage: '1 企业开办',
      scenario: '1.1 企业开办',
      matter_type: '行政许可',
      lead_dept: '区审批服务局、区市场监管局',
      coop_depts: '',
      level: '',
      city_lead_dept: '市审批服务局、市市场监管局',
      city_coop_depts: '',
      district_lead_dept: '区审批服务局、区市场监管局',
      district_coop_depts: '',
      source: `${F}:60`,
    })
    expect(at(matters(P), 73)).toMatchObject({ seq: '1', matter_name: '公司（企业）设立登记', sub_item: '非公司企业法人设立登记', city_lead_dept: '市审批服务局、市市场监管局' })
  })

  it('inherits the merged 牵头部门 columns but not the 协同部门 ones', () => {
    // 2: leads merged from 1; its own 协同部门 at both levels.
    expect(at(matters(P), 128)).toMatchObject({
      seq: '2',
      matter_name: '公章刻制备案',
      matter_type: '其他行政权力',
      city_lead_dept: '市审批服务局、市市场监管局',
      city_coop_depts: '市公安局',
      district_lead_dept: '区审批服务局、区市场监管局',
      district_coop_depts: '薛城公安分局',
    })
    // 分公司变更登记 sits between two rows naming 市场监管局 and names none itself.
    expect(at(matters(P), 1523)).toMatchObject({ sub_item: '外商投资企业变更登记', city_coop_depts: '市市场监管局' })
    expect(at(matters(P), 1534)).toMatchObject({ seq: '97', sub_item: '分公司变更登记', city_coop_depts: '', district_coop_depts: '' })
  })

  it('joins cells wrapped over lines', () => {
    // "市人力资源和" / "社会保障局": one name; "市医保局" / "市税务局": two departments.
    expect(at(matters(P), 149)).toMatchObject({ seq: '4', city_coop_depts: '市人力资源和社会保障局', district_coop_depts: '区人社局' })
    expect(at(matters(P), 622)).toMatchObject({ seq: '42', city_coop_depts: '市医保局、市税务局', district_coop_depts: '区医保局、区税务局' })
    expect(at(matters(P), 2879)).toMatchObject({ seq: '68', matter_name: '缴存住房公积金的职工申请住房公积金贷款核准', sub_item: '购买新建自住住房公积金贷款' })
    expect(at(matters(P), 2735)).toMatchObject({ seq: '61', scenario: '5.3 租赁住房' })
    // A cell that begins with an empty paragraph: the 区级牵头部门 of 7, the 序号 of 22.
    expect(at(matters(P), 1823)).toMatchObject({ seq: '7', stage: '2 教育', scenario: '2.1 入学', district_lead_dept: '区教体局', district_coop_depts: '' })
    expect(matters(P).filter(m => m.subject === '个人' && m.seq === '22').map(m => m.sub_item)).toEqual(['就业报到证改派手续办理', '就业报到证调整手续办理'])
    // "市审批服 务局" broken mid-word after a page break.
    expect(at(matters(P), 1658)).toMatchObject({ seq: '101', sub_item: '营业单位、企业非法人分支机构注销登记', city_lead_dept: '市审批服务局、市市场监管局', district_lead_dept: '区审批服务局、区市场监管局' })
  })

  it('continues a matter across a repeated page header', () => {
    expect(matters(P).filter(m => m.subject === '企业' && m.seq === '58').map(m => m.sub_item)).toEqual([
      '用人单位吸纳就业困难人员申领岗位补贴和社会保险补贴',
      '培训机构代领职业培训补贴',
      '培训机构代领职业技能鉴定补贴',
      '小微企业吸纳高校毕业生社会保险补贴申领',
    ])
  })

  it('takes the dated milestones of the body that name a lead as tasks', () => {
    const t = tasks(P)
    expect(t.map(x => [x.task_id, x.deadline_text, x.source.split(':')[1]])).toEqual([
      ['正文-1', '6月底前', '34'],
      ['正文-2', '12月底前', '34'],
      ['正文-3', '6月底前', '35'],
      ['正文-4', '7月底前', '36'],
      ['正文-5', '6月底前', '37'],
      ['正文-6', '12月底前', '37'],
      ['正文-7', '9月底前', '38'],
      ['正文-8', '12月底前', '38'],
    ])
    expect(t.every(x => x.section === '正文' && x.plan_year === 2021)).toBe(true)
    expect(at(t.filter(x => x.task_id === '正文-5'), 37)).toEqual({
      task_id: '正文-5',
      section: '正文',
      goal: '完善数据共享应用机制',
      task: '按照全市统一部署，建立以场景应用授权为基础的数据共享机制，有关部门针对具备条件的关联事项，梳理事项数据需求，6月底前建立数据共享应用清单；',
      deadline_text: '6月底前',
      lead_dept: '区政府办公室<区大数据局>',
      resp_depts: '区政府有关部门',
      note: '三、工作重点',
      plan_year: 2021,
      source: `${F}:37`,
    })
    expect(t.find(x => x.task_id === '正文-3')!.lead_dept).toBe('各牵头部门（责任分工见附件1、2）')
    expect(t.find(x => x.task_id === '正文-8')!.lead_dept).toBe('区政府办公室<区大数据局>、区审批服务局')
  })

  it('reports the milestones of the targets paragraph, which names no lead, as skipped', () => {
    expect(plan(P).skipped.map(s => [s.source, s.text.slice(0, 8)])).toEqual([
      [`${F}:28`, '2021年6月底'],
      [`${F}:28`, '9月底前，在“政'],
      [`${F}:28`, '12月底前，各推'],
    ])
  })
})
