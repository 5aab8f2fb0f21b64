import { describe, expect, it } from 'vitest'
import { normaliseUnitName, splitUnits, unitNames } from '../../../src/domain/units/split'

// Cells as 配档表 and 任务分工 tables write them: the seeds, and published plans (Xianyang 2022,
// Sichuan 2022, Guangdong 2023, Hubei 2018 task lists).
const CASES: Array<[string, string | null, string[], string[]]> = [
  ['省营商局、各市人民政府', null, ['省营商局', '各市人民政府'], []],
  ['区人社局,区医保局', null, ['区人社局', '区医保局'], []],
  ['区人社局，区医保局；区财政局', null, ['区人社局', '区医保局', '区财政局'], []],
  ['区人社局/区医保局\n区财政局', null, ['区人社局', '区医保局', '区财政局'], []],
  ['省营商局牵头，省大数据局配合', null, ['省营商局'], ['省大数据局']],
  ['省营商局（牵头）、省公安厅', null, ['省营商局'], ['省公安厅']],
  ['省营商局(牵头),省公安厅(配合)', null, ['省营商局'], ['省公安厅']],
  ['省发展改革委牵头，省直有关部门按职责分工负责', null, ['省发展改革委'], ['省直有关部门']],
  ['各县（市、区）政府', null, ['各县（市、区）政府'], []],
  ['各市(州)人民政府、省直有关部门', null, ['各市（州）人民政府', '省直有关部门'], []],
  ['各县区人民政府(管委会)', null, ['各县区人民政府（管委会）'], []],
  ['省直各有关部门,各市人民政府及省沈抚示范区管委会', null, ['省直各有关部门', '各市人民政府', '省沈抚示范区管委会'], []],
  ['省营商局等省直有关部门,各市人民政府及省沈抚示范区管委会', null, ['省营商局', '省直有关部门', '各市人民政府', '省沈抚示范区管委会'], []],
  // "和" inside a name is not a join: the left side does not end like a unit.
  ['市住房公积金管理中心、不动产登记和交易中心', null, ['市住房公积金管理中心', '不动产登记和交易中心'], []],
  ['市发改委、行政审批和政务信息管理局', null, ['市发改委', '行政审批和政务信息管理局'], []],
  ['省住房和城乡建设厅', null, ['省住房和城乡建设厅'], []],
  // A pointer to an annex is a remark, not part of the name.
  ['区直有关部门单位(具体名单见附件1、2牵头部门)', '区直有关部门单位(具体名单见附件1、2协同部门)', ['区直有关部门单位'], []],
  ['各牵头部门（责任分工见附件1、2）', null, ['各牵头部门'], []],
  ['区政府办公室<区大数据局>、区审批服务局', '区政府有关部门', ['区政府办公室<区大数据局>', '区审批服务局'], ['区政府有关部门']],
  ['各市人民政府 及 省沈抚示范区管委会', null, ['各市人民政府', '省沈抚示范区管委会'], []],
  ['市政府办公室、市行政审批制度改革工作领导小组办公室牵头,市级各有关部门及各县市区政府按职责分工负责', null, ['市政府办公室', '市行政审批制度改革工作领导小组办公室'], ['市级各有关部门', '各县市区政府']],
  ['省发展改革委、交通运输厅、能源局等省有关部门和各地级以上市人民政府按职责分工负责', null, ['省发展改革委', '交通运输厅', '能源局', '省有关部门', '各地级以上市人民政府'], []],
  ['牵头单位:省发展改革委;责任单位:省编办、省国土资源厅、省住建厅', null, ['省发展改革委'], ['省编办', '省国土资源厅', '省住建厅']],
  ['省财政厅负责', null, ['省财政厅'], []],
  ['由省营商局牵头，省公安厅、省卫生健康委配合', null, ['省营商局'], ['省公安厅', '省卫生健康委']],
  // The separate 配合/责任单位 column co-operates unless it marks a lead; a unit that leads is not also listed as co-operating.
  ['区人社局', '区医保局、区财政局', ['区人社局'], ['区医保局', '区财政局']],
  ['区数据局', '区市场监管局、区数据局', ['区数据局'], ['区市场监管局']],
  ['区数据局', '区人社局（牵头）、区医保局', ['区数据局', '区人社局'], ['区医保局']],
  // Every name marked 配合 in the lead column: someone must answer for the task, so they lead.
  ['省营商局、省公安厅配合', null, ['省营商局', '省公安厅'], []],
  ['', '区医保局', [], ['区医保局']],
]

describe('splitUnits', () => {
  it.each(CASES)('%s | %s', (lead, coop, leads, coops) => {
    expect(splitUnits(lead, coop)).toEqual({ lead: leads, coop: coops })
  })

  it('gives no unit for an empty or missing cell', () => {
    expect(splitUnits(null)).toEqual({ lead: [], coop: [] })
    expect(splitUnits('、 ，')).toEqual({ lead: [], coop: [] })
  })

  it('lists every name of a cell whatever its role', () => {
    expect(unitNames('省营商局牵头，省大数据局配合')).toEqual(['省营商局', '省大数据局'])
  })
})

describe('normaliseUnitName', () => {
  it.each([
    ['区 人社局', '区人社局'],
    ['区人社局\u3000', '区人社局'],
    ['\uFEFF区人社局\u200B', '区人社局'],
    ['各县(市、区)政府', '各县（市、区）政府'],
    ['各县（市,区）政府', '各县（市、区）政府'],
    ['各县[市，区]政府', '各县（市、区）政府'],
    ['区政府办公室<区大数据局>', '区政府办公室<区大数据局>'],
    ['第（2）组', '第（2）组'],
    // Latin words keep one space between them, and brackets in Latin text stay as written.
    ['China  Telecom 辽宁分公司', 'China Telecom辽宁分公司'],
    ['<img src=x onerror=alert(2)>', '<img src=x onerror=alert(2)>'],
    ['ＸＸ区１２３４５热线办', 'XX区12345热线办'],
    ['、区人社局，', '区人社局'],
    ['省公安厅等', '省公安厅'],
  ])('%s → %s', (raw, canonical) => {
    expect(normaliseUnitName(raw)).toBe(canonical)
  })

  it('gives one name for the variants of one unit', () => {
    const variants = ['各县（市、区）政府', '各县(市、区)政府', '各县 ( 市，区 ) 政府', '各县（市,区）政府']
    expect(new Set(variants.map(normaliseUnitName)).size).toBe(1)
  })
})
