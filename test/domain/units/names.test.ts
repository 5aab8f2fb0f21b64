import { describe, expect, it } from 'vitest'
import { findNearDuplicates, oneEditApart, unitStem } from '../../../src/domain/units/names'

describe('findNearDuplicates', () => {
  it('flags names equal once the 局/委/办/人民政府 ending is set aside', () => {
    expect(findNearDuplicates(['区人社局', '区人社委', '区医保局'])).toEqual([{ names: ['区人社局', '区人社委'], reasons: ['suffix'] }])
    // One character apart as well: both reasons are given.
    expect(findNearDuplicates(['区卫生健康局', '区卫生健康委'])).toEqual([{ names: ['区卫生健康局', '区卫生健康委'], reasons: ['edit', 'suffix'] }])
    expect(findNearDuplicates(['各市人民政府', '各市政府'])).toEqual([{ names: ['各市人民政府', '各市政府'], reasons: ['suffix'] }])
    expect(findNearDuplicates(['区残联', '区残联办'])).toEqual([{ names: ['区残联', '区残联办'], reasons: ['suffix'] }])
  })

  it('flags names of four or more characters one character apart', () => {
    expect(findNearDuplicates(['区市场监管局', '区市场监督局'])).toEqual([{ names: ['区市场监督局', '区市场监管局'], reasons: ['edit'] }])
    expect(findNearDuplicates(['区数据局', '区大数据局'])).toEqual([{ names: ['区大数据局', '区数据局'], reasons: ['edit'] }])
    expect(findNearDuplicates(['省文化和旅游厅', '省文化旅游厅'])).toEqual([{ names: ['省文化和旅游厅', '省文化旅游厅'], reasons: ['edit'] }])
    expect(findNearDuplicates(['交通运输局', '市交通运输局'])).toEqual([{ names: ['交通运输局', '市交通运输局'], reasons: ['edit'] }])
  })

  it('does not flag two levels of one kind of office, short names, or unrelated names', () => {
    expect(findNearDuplicates(['市人社局', '区人社局', '省人社厅'])).toEqual([])
    // Real pairs of units one character apart (Hedong 2021, Xinxiang 2024).
    expect(findNearDuplicates(['区商务局', '区水务局', '市商务局', '市税务局'])).toEqual([])
    expect(findNearDuplicates(['税局', '财局'])).toEqual([])
    expect(findNearDuplicates(['区人社局', '区人力资源社会保障局'])).toEqual([])
  })

  it('joins chains into one group and never lists a name twice', () => {
    // 区大数据中心 ~ 区大数据局 by the ending, 区大数据局 ~ 区数据局 by one character.
    const groups = findNearDuplicates(['区大数据中心', '区大数据局', '区大数据局', '区数据局', '区卫健委'])
    expect(groups).toHaveLength(1)
    expect(groups[0]!.names.sort()).toEqual(['区大数据中心', '区大数据局', '区数据局'].sort())
    expect(groups[0]!.reasons).toEqual(['edit', 'suffix'])
  })
})

describe('the parts', () => {
  it('stems and edit distance', () => {
    expect(unitStem('各市人民政府')).toBe('各市')
    expect(unitStem('省营商局')).toBe('省营商')
    expect(oneEditApart('区数据局', '区大数据局')).toBe(true)
    expect(oneEditApart('区数据局', '区数据局')).toBe(false)
    expect(oneEditApart('区人社局', '市人社局')).toBe(false)
    expect(oneEditApart('区人社局', '区人设委')).toBe(false)
  })
})
