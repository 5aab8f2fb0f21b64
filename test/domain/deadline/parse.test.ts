import type { DeadlineKind, DeadlineOptions, DeadlinePrecision } from '../../../src/domain/deadline/index.ts'
import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDeadline } from '../../../src/domain/deadline/index.ts'

// [text, planYear, kind, dueDate, precision, names?]
// `names` marks a text whose only time-like words name a start, a recurrence or a thing
// (domain §2a): such a text must never get a due date.
type Names = 'start' | 'recurrence' | 'thing'
type Row = [string, number, DeadlineKind, string | null, DeadlinePrecision, Names?]

function check([text, planYear, kind, dueDate, precision]: Row | [string, number, DeadlineKind, string | null, DeadlinePrecision], extra: Partial<DeadlineOptions> = {}) {
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
  ['30个工作日内', 2021, 'unparsed', null, 'none'],
  ['3个月内形成协同流程，年内持续完善', 2024, 'unparsed', null, 'none'],
  ['6月以后', 2021, 'unparsed', null, 'none', 'start'],
  ['不定期', 2021, 'unparsed', null, 'none'],
  ['6.30前', 2021, 'unparsed', null, 'none'],
  ['6月30前', 2021, 'unparsed', null, 'none'],
  ['Q3 2024', 2021, 'unparsed', null, 'none'],
  ['10月底前完成试点，3月底前全面推开', 2021, 'unparsed', null, 'none'],
  ['长期居住人员', 2021, 'unparsed', null, 'none'],
  ['2024年度', 2021, 'unparsed', null, 'none'],
  ['公众聚集场所投入使用、营业前消防安全检查', 2021, 'unparsed', null, 'none'],
]

// domain §2a, the readings decided from real plans
const DOMAIN_2A: Row[] = [
  // a start marker is not a deadline
  ['自2024年7月起', 2024, 'unparsed', null, 'none', 'start'],
  ['从2025年3月1日起施行', 2024, 'unparsed', null, 'none', 'start'],
  ['2025年起', 2024, 'unparsed', null, 'none', 'start'],
  ['自即日起', 2024, 'unparsed', null, 'none', 'start'],
  ['自2024年7月起，持续开展', 2024, 'ongoing', null, 'none', 'start'],
  ['2025年起长期坚持', 2024, 'ongoing', null, 'none', 'start'],
  // a recurring limit is not one due date (these two were 'unparsed' before §2a)
  ['每月10日前', 2021, 'recurring', null, 'none', 'recurrence'],
  ['每季度末', 2021, 'recurring', null, 'none', 'recurrence'],
  ['每月10日前报送上月进展', 2024, 'recurring', null, 'none', 'recurrence'],
  ['每季度召开一次', 2024, 'recurring', null, 'none', 'recurrence'],
  ['每年12月底前总结', 2024, 'recurring', null, 'none', 'recurrence'],
  ['每半年', 2024, 'recurring', null, 'none', 'recurrence'],
  ['每周', 2024, 'recurring', null, 'none', 'recurrence'],
  ['按月', 2024, 'recurring', null, 'none', 'recurrence'],
  ['逐月', 2024, 'recurring', null, 'none', 'recurrence'],
  ['定期', 2024, 'recurring', null, 'none', 'recurrence'],
  ['一月一调度', 2024, 'recurring', null, 'none', 'recurrence'],
  ['实行季度通报', 2024, 'recurring', null, 'none', 'recurrence'],
  ['自印发之日起施行', 2024, 'unparsed', null, 'none', 'start'],
  ['12月底前完成，每年更新一次', 2024, 'date_then_ongoing', '2024-12-31', 'month'],
  ['年内完成，长期坚持', 2024, 'date_then_ongoing', '2024-12-31', 'year'],
  ['8月底前建立常态化推进机制', 2024, 'date', '2024-08-31', 'month'],
  ['2024年内持续推进', 2024, 'ongoing', null, 'none'],
  // a one-off date, then a recurrence: due at the date, then kept up
  ['6月底前建立，此后每月10日前报送', 2024, 'date_then_ongoing', '2024-06-30', 'month'],
  // a recurrence before the date describes the work leading up to it
  ['每季度召开一次联席会议，年底前完成评估', 2024, 'date', '2024-12-31', 'year'],
  // 按月报送 beside 长期坚持 only restates the monthly report of every ongoing task
  ['长期坚持，按月报送进展', 2024, 'ongoing', null, 'none'],
  // a year target with a completion verb
  ['2024年基本完成', 2023, 'date', '2024-12-31', 'year'],
  ['2026年初步建成', 2023, 'date', '2026-12-31', 'year'],
  ['力争2025年实现', 2023, 'date', '2025-12-31', 'year'],
  ['2027年达到', 2023, 'date', '2027-12-31', 'year'],
  ['到2025年底全面建成', 2023, 'date', '2025-12-31', 'year'],
  ['2025年全面推开', 2023, 'date', '2025-12-31', 'year'],
  // numbers and years that name things neither block nor become the date next to them
  ['9月底前完成2023年度考核', 2024, 'date', '2024-09-30', 'month'],
  ['2022年《政府工作报告》确定的任务，9月底前完成', 2024, 'date', '2024-09-30', 'month'],
  ['12345热线工单，6月底前办结', 2024, 'date', '2024-06-30', 'month'],
  ['第3批“一件事”10月底前上线', 2024, 'date', '2024-10-31', 'month'],
  ['12月底前完成2100户改造', 2024, 'date', '2024-12-31', 'month'],
  ['“十四五”期间', 2024, 'unparsed', null, 'none', 'thing'],
  ['2023年度考核', 2024, 'unparsed', null, 'none', 'thing'],
  // work without a completion event
  ['年内持续推进', 2024, 'ongoing', null, 'none'],
  ['要长期坚持下去', 2024, 'ongoing', null, 'none'],
  ['常态化开展', 2024, 'ongoing', null, 'none'],
]

// Wording of real task tables of other regions (not the seeds), each read with its document's
// year. Long cells are shortened; one block per source document.
const REAL_PLANS: Array<[string, Row[]]> = [
  ['湘西自治州2020年深化“放管服”改革优化营商环境工作计划（州政发〔2020〕5号，湘西州人民政府，2020）', [
    ['（牵头单位：州行政审批服务局；责任单位：州司法局、州委编办及州直相关单位，各县市人民政府、湘西经开区管委会，6月底完成）', 2020, 'date', '2020-06-30', 'month'],
    ['6月底完成', 2020, 'date', '2020-06-30', 'month'],
    ['大力推进吉首市、湘西经开区两个相对集中行政许可权改革试点，实现“一枚印章管审批”', 2020, 'unparsed', null, 'none'],
    ['推进政务服务一体化平台APP建设，实现政务服务掌上办，打造24小时“不打烊”数字服务', 2020, 'unparsed', null, 'none', 'thing'],
    ['加快电子证照系统、电子印章应用和管理', 2020, 'unparsed', null, 'none'],
  ]],
  ['西安市贯彻落实陕西省《2022年深化“放管服”改革优化营商环境工作要点》分工方案（西安市人民政府办公厅，2022）', [
    ['2022年9月底', 2022, 'date', '2022-09-30', 'month'],
    ['2022年11月底', 2022, 'date', '2022-11-30', 'month'],
    ['8月底前编制完成市级行政许可事项清单并向社会公布，9月底前编制完成区（县）级行政许可事项清单并向社会公布。', 2022, 'date', '2022-09-30', 'month'],
    ['市审改办要坚持每月调度并及时通报市、区（县）清单编制进展情况', 2022, 'recurring', null, 'none', 'recurrence'],
    ['8月底前编制完成市级行政许可事项清单并向社会公布，9月底前编制完成区（县）级行政许可事项清单并向社会公布。市审改办要坚持每月调度并及时通报', 2022, 'date_then_ongoing', '2022-09-30', 'month'],
    ['11月底前完成变相许可清查整治并将清理整治情况报省审改办备案', 2022, 'date', '2022-11-30', 'month'],
    ['按照国务院要求，2022年底前编制并公布省、市、县三级行政许可事项清单', 2022, 'date', '2022-12-31', 'year'],
    ['各单位工作落实情况请于每月23日前报市政府办公厅（市职转办、市营商办）', 2022, 'recurring', null, 'none', 'recurrence'],
  ]],
  ['咸阳市2022年深化“放管服”改革优化营商环境工作要点（咸阳市，2022）', [
    ['依据国家和省行政许可事项清单，2022年10月底前编制并公布市、县两级行政许可事项清单', 2022, 'date', '2022-10-31', 'month'],
    ['（市政府办公室、市行政审批制度改革工作领导小组办公室牵头，市级各有关部门及各县市区政府按职责分工负责）', 2022, 'unparsed', null, 'none'],
    ['持续深化相对集中行政许可权改革', 2022, 'ongoing', null, 'none'],
    ['动态调整行政许可事项清单', 2022, 'unparsed', null, 'none'],
  ]],
  ['咸阳市人民政府关于落实《政府工作报告》重点工作部门分工的意见（咸政发〔2022〕4号，2022）', [
    ['到2026年，全体居民人均可支配收入超过38000元，非公经济增加值占比达到60%以上', 2022, 'date', '2026-12-31', 'year'],
    ['（市政府各部门负责）', 2022, 'unparsed', null, 'none'],
  ]],
  ['国务院关于落实《政府工作报告》重点工作部门分工的意见（国发〔2020〕6号，国务院，2020）', [
    ['（国务院各部门分别负责，年内持续推进）', 2020, 'ongoing', null, 'none'],
    ['年内持续推进', 2020, 'ongoing', null, 'none'],
    ['城镇新增就业900万人以上，城镇调查失业率6%左右', 2020, 'unparsed', null, 'none', 'thing'],
  ]],
  ['国务院关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见（国发〔2024〕3号，国务院，2024）', [
    ['2024年，推动线上线下政务服务能力整体提升，健全“高效办成一件事”重点事项清单管理机制和常态化推进机制，实现第一批高频、面广、问题多的“一件事”高效办理。', 2024, 'date', '2024-12-31', 'year'],
    ['到2027年，基本形成泛在可及、智慧便捷、公平普惠的高效政务服务体系', 2024, 'date', '2027-12-31', 'year'],
  ]],
  ['西安市进一步优化政务服务提升行政效能推动“高效办成一件事”实施方案（西安市人民政府办公厅，2024）', [
    ['2024年，健全“高效办成一件事”重点事项清单管理机制和常态化推进机制，创新实施我市10项“高效办成一件事”重点事项。', 2024, 'date', '2024-12-31', 'year'],
    // a span of years with a yearly recurrence: no single due date, and not guessed
    ['2025年—2026年，围绕利企便民政务服务场景应用，每年实现一批高频、面广的“一件事”高效办成。', 2024, 'unparsed', null, 'none', 'recurrence'],
    ['到2027年，企业和个人两个全生命周期重要阶段“高效办成一件事”重点事项落地见效', 2024, 'date', '2027-12-31', 'year'],
  ]],
  ['西安市2025年对标先进深化改革提升行政效能工作方案（西安市人民政府办公厅，2025）', [
    ['完善“高效办成一件事”常态化推进、清单管理、效果监测机制，夯实“一事一组一方案”工作责任，定期研判分析、调度推进、通报进展。', 2025, 'recurring', null, 'none', 'recurrence'],
    ['推出10个特色“高效办成一件事”主题服务场景', 2025, 'unparsed', null, 'none', 'thing'],
    ['开展重点事项效果监测，定期进行跟踪分析，及时完善工作措施', 2025, 'recurring', null, 'none', 'recurrence'],
  ]],
  ['西安市2024年为民实事实施方案（西安市人民政府办公厅，2024）', [
    ['建成投运充电桩4700个，开工建设公共停车位1.5万个', 2024, 'unparsed', null, 'none', 'thing'],
    ['新开、调整公交线路80条，增加运营城市小型公交300辆', 2024, 'unparsed', null, 'none', 'thing'],
  ]],
  ['2021年市《政府工作报告》任务分解和责任分工方案（盘政办发〔2021〕1号，盘锦市人民政府办公室，2021）', [
    ['各牵头单位的具体推进实施方案务于2021年2月3日前报送各位分管市领导，经分管市领导审核把关后于2月7日前报送市政府', 2021, 'date', '2021-02-07', 'day'],
    ['各牵头单位要于每月28日前将各项工作任务进展情况报送市政府督考办', 2021, 'recurring', null, 'none', 'recurrence'],
    ['以季度为节点', 2021, 'unparsed', null, 'none'],
    ['年底逐一绩效对账', 2021, 'date', '2021-12-31', 'year'],
  ]],
  ['《政府工作报告》任务分解表（盘锦市大洼区人民政府办公室，2021）', [
    ['明确每项任务的具体责任人和每季度的形象进度', 2021, 'recurring', null, 'none', 'recurrence'],
    ['区委区政府督查室要根据各项工作任务完成时限要求，适时开展督查督办工作', 2021, 'unparsed', null, 'none'],
  ]],
  ['2023年区《政府工作报告》确定的主要目标任务责任分解方案（蔡政办〔2023〕1号，武汉市蔡甸区人民政府办公室，2023）', [
    ['于2023年1月15日前将工作方案报区人民政府办公室', 2023, 'date', '2023-01-15', 'day'],
    ['从2023年第一季度开始，各责任单位要在每季度最后一个月的30日前将本季度落实各项工作目标任务进展情况报区人民政府办公室', 2023, 'recurring', null, 'none', 'recurrence'],
    ['从2023年第一季度开始', 2023, 'unparsed', null, 'none', 'start'],
    ['地区生产总值增长7%以上', 2023, 'unparsed', null, 'none', 'thing'],
  ]],
  ['2023年市《政府工作报告》目标任务责任分解方案（武政办〔2023〕1号，武汉市人民政府办公厅，2023）', [
    ['各牵头单位于2023年2月10日前将制订的办理方案、督办工作人员名单及其联系方式报市人民政府督查室', 2023, 'date', '2023-02-10', 'day'],
    ['从2023年第二季度起，各牵头单位要在每个季度第1个月的20日前，将责任事项完成情况报市人民政府督查室', 2023, 'recurring', null, 'none', 'recurrence'],
    ['市人民政府督查室定期组织开展专项和暗访督查', 2023, 'recurring', null, 'none', 'recurrence'],
    ['确保2023年市《政府工作报告》中提出的各项工作任务有力有序有效推进', 2023, 'unparsed', null, 'none', 'thing'],
    ['各责任单位将办理工作纳入本单位绩效目标管理', 2023, 'unparsed', null, 'none'],
  ]],
  ['《2024年政府工作报告目标任务分工方案》及其解读（高唐县人民政府办公室，2024）', [
    ['县政府办公室将定期开展工作调度，每季度汇总一次工作进展并向县政府报告', 2024, 'recurring', null, 'none', 'recurrence'],
    ['2024年政府工作报告目标任务分工方案', 2024, 'unparsed', null, 'none', 'thing'],
    ['对进度缓慢、成效不明显的将通报批评', 2024, 'unparsed', null, 'none'],
  ]],
  ['成都市城市社区嵌入式服务设施建设工程实施方案（成都市发展和改革委员会等，2024）', [
    ['到2025年底前，全市首批100个嵌入式服务设施建设示范社区全面建成', 2024, 'date', '2025-12-31', 'year'],
    ['到2027年底前，在总结试点形成的经验做法和有效建设模式基础上，向全市更多社区推开', 2024, 'date', '2027-12-31', 'year'],
    ['确保50%的城市社区建成完备的社区嵌入式服务综合体', 2024, 'unparsed', null, 'none', 'thing'],
  ]],
  ['四川省深化“放管服”改革优化营商环境2023年工作要点（川办发〔2023〕6号，四川省人民政府办公厅，2023）', [
    ['对全国首批50项营商环境试点改革举措和我省70项试点改革举措落地情况实施核查', 2023, 'unparsed', null, 'none', 'thing'],
    ['开展全省年度营商环境评价', 2023, 'unparsed', null, 'none'],
    ['新增发放创业担保贷款不少于60亿元', 2023, 'unparsed', null, 'none', 'thing'],
  ]],
  ['关于进一步深化“放管服”改革优化发展环境工作方案（平顶山市某区人民政府，2016）', [
    ['11月30日前，各审批单位将自查整改情况报区行政服务中心管委会', 2016, 'date', '2016-11-30', 'day'],
  ]],
  ['深化“放管服”改革优化营商环境2021年重点任务分工方案（济南市钢城区人民政府办公室，2021）', [
    ['〔牵头单位：区政府办公室，责任单位：区政府有关部门，各街道（功能区）〕', 2021, 'unparsed', null, 'none'],
  ]],
  ['青岛市深化新旧动能转换推动绿色低碳高质量发展2023年重点工作任务（青岛市人民政府办公厅，2023）', [
    ['（牵头单位：市科技局，参与单位：青岛蓝谷管理局）', 2023, 'unparsed', null, 'none'],
  ]],
  ['关于健全“高效办成一件事”重点事项常态化推进机制的意见（国务院办公厅，2025）政策解读', [
    ['设定2027年底前实现从“能办”到“好办、易办”的目标', 2025, 'date', '2027-12-31', 'year'],
  ]],
  ['济南市加快推进大众创业万众创新工作方案（2022-2025年）（济南市人民政府办公厅，2022）', [
    ['到“十四五”末，各类“双创”载体平台超过400家', 2022, 'unparsed', null, 'none', 'thing'],
  ]],
  ['宝鸡市2022年深化“放管服”改革优化营商环境重点工作安排（宝政办函〔2022〕21号，宝鸡市人民政府办公室，2022）', [
    ['持续推动七项重点改革举措落实到位', 2022, 'ongoing', null, 'none'],
  ]],
  ['泰州市聚焦企业关切进一步优化营商环境行动方案（泰州市，2019）', [
    ['全市工程建设项目审批时间缩短至100个工作日内', 2019, 'unparsed', null, 'none', 'thing'],
    ['按照“能减尽减、能放尽放”原则推进简政放权', 2019, 'unparsed', null, 'none'],
  ]],
  ['遂宁市工程建设项目审批制度改革实施方案（遂府函〔2019〕55号，遂宁市人民政府，2019）', [
    ['到2019年6月底，基本实现工程建设项目全流程审批时间压缩至90个工作日以内，初步建成工程建设项目审批制度框架和管理系统', 2019, 'date', '2019-06-30', 'month'],
    ['到2019年12月底，实现工程建设项目审批管理系统与相关系统平台互联互通', 2019, 'date', '2019-12-31', 'month'],
  ]],
  ['铜陵市推进审批服务便民化实施方案（铜陵市，2019）', [
    ['原则上2019年6月底前不再保留部门单独设立的服务大厅', 2019, 'date', '2019-06-30', 'month'],
  ]],
  ['市政府工作报告重点工作责任分解（丽水市人民政府，2023）', [
    ['实施招商引资“百千”行动，每年招引亿元以上制造业项目100个', 2023, 'recurring', null, 'none', 'recurrence'],
    ['力争引进20亿级项目不少于12个、50亿级项目不少于2个', 2023, 'unparsed', null, 'none', 'thing'],
  ]],
  ['2023年政府工作报告重点工作和市政府民生实事项目责任分解（嘉政办发〔2023〕7号，嘉兴市人民政府办公室，2023）', [
    ['按季制定工作举措', 2023, 'recurring', null, 'none', 'recurrence'],
    ['市政府将对重点工作、民生实事完成情况进行跟踪督办、定期通报', 2023, 'recurring', null, 'none', 'recurrence'],
  ]],
  ['利州区优化营商环境联席会议第四次会议要求（广元市利州区，2021）', [
    ['建立督查工作台账，定期开展督查督办', 2021, 'recurring', null, 'none', 'recurrence'],
  ]],
  ['攸县营商环境要素保障工作调度会（攸县优化办，2023）', [
    ['会议通报了2022年度要素保障竞赛评比排名情况', 2023, 'unparsed', null, 'none', 'thing'],
  ]],
  ['立山区政府2023年重点工作任务分解和责任分工方案（鞍立政发〔2023〕2号，鞍山市立山区人民政府，2023）', [
    ['努力实现地区生产总值增长6.2%左右', 2023, 'unparsed', null, 'none', 'thing'],
  ]],
  ['常德市深化“一件事一次办”改革典型经验（湖南省政务管理服务局编印，2021）', [
    ['将省定200个“一件事一次办”事项和26个“就近办”事项打捆确定为下沉乡村受办', 2021, 'unparsed', null, 'none', 'thing'],
  ]],
  ['北京市2016年政务公开工作要点（京政办发〔2016〕26号，北京市人民政府办公厅，2016）', [
    ['公布2016年版市政府部门权力清单', 2016, 'unparsed', null, 'none', 'thing'],
  ]],
  ['国务院印发《关于落实〈政府工作报告〉重点工作分工的意见》（新华网报道，2021）', [
    ['分解为12个部分、38个方面、44项重点', 2021, 'unparsed', null, 'none', 'thing'],
  ]],
  ['西安市2022年《政府工作报告》任务分解意见（西安市人民政府办公厅，2022）', [
    ['任务分解意见分为十二部分，共171项', 2022, 'unparsed', null, 'none', 'thing'],
  ]],
  ['关于做好2018年政府工作报告主要目标任务和为民办实事的通知（银川市兴庆区人民政府办公室，2018）', [
    // a monthly check before the year-end hand-in describes the work up to it
    ['年初建账、逐月查账、年底交账', 2018, 'date', '2018-12-31', 'year'],
    ['年初公布、年中检查、年底兑现、接受监督', 2018, 'date', '2018-12-31', 'year'],
  ]],
  ['重点工作清单“执行台账、节点监测、分析报告”制度（杭州市江干区城市管理局，2018）', [
    ['各责任科室、单位认真对照2018年度重点工作项目化清单', 2018, 'unparsed', null, 'none', 'thing'],
    ['随时更新、动态补充', 2018, 'unparsed', null, 'none'],
  ]],
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
  ['domain §2a', DOMAIN_2A],
  ...REAL_PLANS,
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

  it('has at least 80 rows of real plans from other regions', () => {
    expect(REAL_PLANS.flatMap(([, rows]) => rows).length).toBeGreaterThanOrEqual(80)
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

describe('§2a: nothing that names a start, a recurrence or a thing gets a due date', () => {
  const named = ALL.flatMap(([, rows]) => rows).filter(r => r[5] !== undefined)

  it('covers starts, recurrences and things from real plans', () => {
    for (const kind of ['start', 'recurrence', 'thing'] as const)
      expect(named.filter(r => r[5] === kind).length, kind).toBeGreaterThanOrEqual(4)
  })

  it.each(named)('%j (plan %i) has no due date', (text, planYear) => {
    const r = parseDeadline(text, { planYear })
    expect({ dueDate: r.dueDate, precision: r.precision, milestones: r.milestones }).toEqual({ dueDate: null, precision: 'none', milestones: undefined })
  })

  it('a thing next to a date neither blocks it nor moves it', () => {
    for (const [text, planYear] of named.filter(r => r[5] === 'thing')) {
      const r = parseDeadline(`${text}，9月底前完成`, { planYear })
      expect({ kind: r.kind, dueDate: r.dueDate }, text).toEqual({ kind: 'date', dueDate: `${planYear}-09-30` })
    }
  })

  it('a recurrence after a one-off date keeps the date and recurs after it', () => {
    for (const [text, planYear, kind] of named.filter(r => r[5] === 'recurrence' && r[2] === 'recurring' && !/起|开始/.test(r[0]))) {
      expect(kind).toBe('recurring')
      const r = parseDeadline(`6月底前建立，此后${text}`, { planYear })
      expect({ kind: r.kind, dueDate: r.dueDate }, text).toEqual({ kind: 'date_then_ongoing', dueDate: `${planYear}-06-30` })
    }
  })

  const year = fc.integer({ min: 1990, max: 2100 })
  const month = fc.integer({ min: 1, max: 12 })
  const day = fc.integer({ min: 1, max: 28 })

  it('a start date, written any way, is never the due date', () => {
    const start = fc.tuple(fc.constantFrom('自', '从', ''), year, month, day, fc.constantFrom('日', '月', '年', '季度'), fc.constantFrom('起', '开始'), fc.constantFrom('', '施行', '全面实行', '，持续开展', '，长期坚持'))
      .map(([pre, y, m, d, unit, word, rest]) => {
        const when = unit === '日' ? `${y}年${m}月${d}日` : unit === '月' ? `${y}年${m}月` : unit === '年' ? `${y}年` : `${y}年第${(m % 4) + 1}季度`
        return `${pre}${when}${word}${rest}`
      })
    fc.assert(fc.property(start, year, (text, planYear) => {
      const r = parseDeadline(text, { planYear })
      expect(r.dueDate).toBeNull()
      expect(['ongoing', 'unparsed']).toContain(r.kind)
      expect(r.interpretation.zh).toContain('起始')
    }), { numRuns: 400 })
  })

  it('a recurring limit, written any way, is recurring with no due date', () => {
    const recur = fc.tuple(
      fc.constantFrom('每月', '每季度', '每个季度', '每年', '每半年', '每周', '每两个月', '按月', '按季度', '逐月', '每旬'),
      fc.constantFrom('', '10日前', '底前', '末', '第1个月的20日前', '最后一个月的30日前', '12月底前', '上旬', '第一个工作日'),
      fc.constantFrom('', '报送进展', '召开一次联席会议', '调度一次', '通报'),
    ).map(([a, b, c]) => `${a}${b}${c}`)
    fc.assert(fc.property(recur, year, (text, planYear) => {
      const r = parseDeadline(text, { planYear })
      expect({ kind: r.kind, dueDate: r.dueDate }).toEqual({ kind: 'recurring', dueDate: null })
      expect(r.interpretation.zh).toContain('周期性')
      expect(r.interpretation.en).toContain('recurring')
    }), { numRuns: 400 })
  })

  it('a year or a number that names a thing never becomes the date beside it', () => {
    const thing = fc.tuple(year, fc.integer({ min: 1, max: 99999 }), fc.constantFrom(0, 1, 2, 3, 4, 5))
      .map(([y, n, k]) => [`${y}年度考核`, `${y}年《政府工作报告》任务`, `${y}年版清单`, `${n}户改造`, `第${(n % 9) + 1}批事项`, `${n}项改革举措`][k] as string)
    fc.assert(fc.property(thing, year, fc.boolean(), (t, planYear, before) => {
      const text = before ? `${t}，9月底前完成` : `9月底前完成${t}`
      const r = parseDeadline(text, { planYear })
      expect({ kind: r.kind, dueDate: r.dueDate }).toEqual({ kind: 'date', dueDate: `${planYear}-09-30` })
    }), { numRuns: 400 })
  })
})

describe('interpretation of the §2a kinds', () => {
  it('quotes the recurrence in both languages', () => {
    expect(parseDeadline('每月10日前报送上月进展', { planYear: 2024 }).interpretation).toEqual({
      zh: '周期性任务（“每月10日前”）：每期重复，无单一截止日期，按月报送',
      en: 'recurring (“每月10日前”): repeats each period, no single due date, reported on at each monthly review',
    })
  })

  it('says a start is not a deadline', () => {
    const r = parseDeadline('自2024年7月起，持续开展', { planYear: 2024 })
    expect(r.interpretation.zh).toBe('“自2024年7月起”是起始时间，不是截止日期；长期推进：无截止日期，按月报送')
    expect(r.interpretation.en).toContain('is a start, not a deadline')
  })

  it('names the date and the recurrence that follows it', () => {
    const r = parseDeadline('6月底前建立，此后每月10日前报送', { planYear: 2024 })
    expect(r.interpretation.zh).toBe('2024年6月30日前（月底）完成，此后按“每月10日前”周期性推进，按月报送')
    expect(r.interpretation.en).toBe('by 30 Jun 2024 (end of month), then recurring (“每月10日前”): reported on at each monthly review')
  })

  it('carries the year of a start to the dates after it', () => {
    expect(parseDeadline('自2025年1月起实施，6月底前完成评估', { planYear: 2024 }).dueDate).toBe('2025-06-30')
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

  const KINDS = ['date', 'date_then_ongoing', 'ongoing', 'recurring', 'external', 'unparsed']
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
