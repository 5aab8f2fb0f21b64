// A small data set with stock carried from earlier months (domain §8a), hand-computed in
// test/sql/cohort_stock.test.ts and shown in the bulletin by test/report/carried.test.ts.
// Domain §8a: with a month chosen, cohort figures are the month's (reviews rated in it,
// applications submitted in it) and stocks are judged at the review date over every month
// up to it, saying how much they carry from earlier months.
//
// Dept A: E1 rated Mon 4 Mar, never contacted (open overdue, carried from March); E2 rated
// Mon 2 Sep, contacted and rectified in time (closed: carried nothing); E3 rated Tue 3 Sep,
// contacted, never rectified (open overdue, carried from September); E4 rated Tue 8 Oct,
// never contacted (open overdue, the month's own); G1 a good review in October.
// Dept B: E5 rated Mon 9 Sep, never contacted (open overdue, carried from September only).
export const EVALS = [
  '评价编号,被评价部门,评价时间,评价等级,联系时间,核实结果,是否复杂问题,整改时间',
  'E1,A,2024-03-04 10:00,不满意,,,,',
  'E2,A,2024-09-02 10:00,不满意,2024-09-03 09:00,属实,否,2024-09-05 09:00',
  'E3,A,2024-09-03 10:00,非常不满意,2024-09-04 09:00,属实,否,',
  'E4,A,2024-10-08 10:00,不满意,,,,',
  'G1,A,2024-10-09 10:00,满意,,,,',
  'E5,B,2024-09-09 10:00,不满意,,,,',
].join('\n')
// P1 submitted in September, still open past its 1-working-day promise; P2 submitted in
// September and done late (not open: no stock); P3 submitted in October, open past its limit.
export const APPS = [
  '办件编号,承办部门,申报渠道,申请时间,受理时间,办结时间,承诺时限,办件状态',
  'P1,A,窗口,2024-09-10 09:00,2024-09-10 10:00,,1,在办',
  'P2,A,窗口,2024-09-10 09:00,2024-09-10 10:00,2024-09-20 10:00,1,办结',
  'P3,A,网上,2024-10-08 09:00,2024-10-08 10:00,,1,在办',
].join('\n')
// T1 due in August and T2 in September, neither done; T3 due in October, not done.
export const TASKS = [
  '序号,板块,目标任务,具体任务,完成时限,牵头部门,责任单位,年度',
  '1,一,甲,任务一,8月底前,A,,2024',
  '2,一,甲,任务二,9月底前,A,,2024',
  '3,一,甲,任务三,10月15日前,A,,2024',
].join('\n')

export const COHORT_FILES = { '好差评.csv': `${EVALS}\n`, '办件.csv': `${APPS}\n`, '配档表.csv': `${TASKS}\n` }
