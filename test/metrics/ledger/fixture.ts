import type { Dataset } from '../../../src/ingest/dataset/dataset'
import { datasetFromTexts } from '../../helpers/db'

/**
 * Three reviews, 2024-09-30, 2024-10-08 and 2024-10-31, the middle one right after the
 * National Day holiday (1–7 Oct off; Sun 29 Sep and Sat 12 Oct are 调休 working days).
 *
 * T1 due 09-25, never done (区A局).            T2 due 09-30, done 10-08 (区A局 and 区B局 lead).
 * T3 due 10-08, never done (区B局).            T4 due 09-20 (中旬), done 10-10 (区C局).
 * T5 due 10-15, done 10-12 (区C局).            T6 ongoing (区D局).
 * E1 区B局 rated Fri 09-27: contact limit Sun 09-29 (调休), contacted 10-08, rectified 10-09.
 * E2 区C局 rated 09-27, contacted on that Sunday, rectified 10-09 (limit 10-10).
 * E3 区A局 rated 09-27, contacted 09-30 (late), rectified 10-08.
 * E4 区D局 rated 10-09, never contacted (limit 10-10).
 */
export const REVIEWS = ['2024-09-30', '2024-10-08', '2024-10-31']

export function ledgerFixture(): Promise<Dataset> {
  return datasetFromTexts({
    '配档表.csv': [
      '序号,板块,目标任务,具体任务,完成时限,牵头部门,责任单位,年度',
      'T1,一、基础,清单,梳理事项清单,9月25日前,区A局,,2024',
      'T2,一、基础,清单,编制办事指南,9月底前,区A局、区B局,,2024',
      'T3,二、服务,窗口,设置综合窗口,10月8日前,区B局,,2024',
      'T4,二、服务,窗口,上线一件事专区,9月中旬前,区C局,,2024',
      'T5,二、服务,窗口,培训窗口人员,10月15日前,区C局,,2024',
      'T6,三、长效,机制,定期通报,长期推进,区D局,,2024',
      '',
    ].join('\n'),
    '进展报送.csv': [
      '序号,报送日期,状态,完成日期,说明',
      'T1,2024-09-28,推进中,,',
      'T2,2024-10-08,已完成,2024-10-08,',
      'T4,2024-10-10,已完成,2024-10-10,',
      'T5,2024-10-12,已完成,2024-10-12,',
      'T6,2024-10-20,推进中,,',
      '',
    ].join('\n'),
    '好差评.csv': [
      '评价编号,被评价部门,事项名称,评价渠道,评价时间,评价等级,是否实名,评价内容,联系电话,评价人,联系时间,核实结果,是否复杂问题,整改时间,办结时间',
      'E1,区B局,企业设立登记,评价器,2024-09-27 10:00,非常不满意,是,等太久,,,2024-10-08 09:00,,,2024-10-09 10:00,',
      'E2,区C局,社保登记,评价器,2024-09-27 15:00,不满意,是,材料多,,,2024-09-29 10:00,,,2024-10-09 11:00,',
      'E3,区A局,营业执照变更,网站,2024-09-27 16:00,不满意,是,不清楚,,,2024-09-30 10:00,,,2024-10-08 16:00,',
      'E4,区D局,不动产登记,评价器,2024-10-09 09:00,非常不满意,是,窗口少,,,,,,,',
      'G1,区D局,不动产登记,评价器,2024-10-09 10:00,满意,是,好,,,,,,,',
      '',
    ].join('\n'),
  })
}
