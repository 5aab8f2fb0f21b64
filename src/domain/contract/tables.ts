/**
 * The data contract (shared/spec/data-contract.md) as data: every table, its canonical
 * columns, the Chinese headers users' exports carry, and how each value is normalised.
 * The loader, the SQL schema and data/README.md all follow this one definition.
 */

export type ColumnKind
  = | 'text'
    | 'int'
    | 'number'
    | 'date'
    | 'datetime'
    | 'level'
    | 'bool'
    | 'verdict'
    | 'channel'
    | 'task_status'

export interface ColumnSpec {
  name: string
  kind: ColumnKind
  required?: boolean
  /** Header spellings accepted besides `name` (compared after normalisation). */
  aliases: string[]
  /** Identifies a person: masked in anything published. */
  personal?: boolean
}

export type TableName
  = | 'matters'
    | 'bundles'
    | 'tasks'
    | 'task_progress'
    | 'applications'
    | 'reform_baselines'
    | 'evaluations'
    | 'rectifications'
    | 'calendar_adjustments'

export interface TableSpec {
  name: TableName
  title: { zh: string, en: string }
  /** File-name stems that identify the table (besides `name`). */
  fileAliases: string[]
  columns: ColumnSpec[]
  /** Column whose values must be unique, if any. */
  key?: string
}

const c = (name: string, kind: ColumnKind, aliases: string[], extra: Partial<ColumnSpec> = {}): ColumnSpec =>
  ({ name, kind, aliases, ...extra })

export const TABLES: TableSpec[] = [
  {
    name: 'matters',
    title: { zh: '事项清单', en: 'Matter list' },
    fileAliases: ['事项清单', '事项', '全生命周期事项清单', '企业全生命周期事项清单', '个人全生命周期事项清单'],
    columns: [
      c('matter_name', 'text', ['事项名称'], { required: true }),
      c('sub_item', 'text', ['子项名称', '子项']),
      c('subject', 'text', ['服务对象']),
      c('stage', 'text', ['阶段']),
      c('scenario', 'text', ['场景']),
      c('matter_type', 'text', ['事项类型']),
      c('lead_dept', 'text', ['牵头部门', '牵头单位'], { required: true }),
      c('coop_depts', 'text', ['协同部门', '配合部门']),
      c('level', 'text', ['办理层级']),
      c('matter_code', 'text', ['事项编码']),
      c('seq', 'text', ['序号']),
      c('source', 'text', ['来源']),
    ],
  },
  {
    name: 'bundles',
    title: { zh: '一件事清单', en: 'Bundle list' },
    fileAliases: ['一件事清单', '一件事', '一件事一次办清单', '高效办成一件事清单'],
    columns: [
      c('bundle_name', 'text', ['一件事名称', '"一件事"名称', '“一件事”名称', '一件事'], { required: true }),
      c('category', 'text', ['分类', '类别']),
      c('lead_dept', 'text', ['牵头部门', '牵头单位'], { required: true }),
      c('member_matter', 'text', ['涉及事项', '具体事项', '事项名称'], { required: true }),
      c('member_dept', 'text', ['联办部门', '相关部门', '责任部门']),
      c('level', 'text', ['办理层级']),
      c('deadline_text', 'text', ['完成时限']),
      c('leader', 'text', ['牵头领导', '牵头市领导']),
      c('tier', 'text', ['层级标识', '类型标识']),
      c('note', 'text', ['备注']),
      c('seq', 'text', ['序号']),
      c('source', 'text', ['来源']),
    ],
  },
  {
    name: 'tasks',
    title: { zh: '配档表', en: 'Task schedule' },
    fileAliases: ['配档表', '任务配档表', '工作台账', '任务清单'],
    key: 'task_id',
    columns: [
      c('task_id', 'text', ['序号', '任务编号'], { required: true }),
      c('section', 'text', ['板块']),
      c('goal', 'text', ['目标任务']),
      c('task', 'text', ['具体任务', '工作任务'], { required: true }),
      c('deadline_text', 'text', ['完成时限', '时间节点'], { required: true }),
      c('lead_dept', 'text', ['牵头部门', '牵头单位'], { required: true }),
      c('resp_depts', 'text', ['责任单位', '责任部门', '配合单位']),
      c('note', 'text', ['备注']),
      c('plan_year', 'int', ['年度']),
      c('due_date', 'date', ['截止日期', '确定日期']),
      c('source', 'text', ['来源']),
    ],
  },
  {
    name: 'task_progress',
    title: { zh: '进展报送', en: 'Progress reports' },
    fileAliases: ['进展报送', '进展', '任务进展', '进度报送'],
    columns: [
      c('task_id', 'text', ['序号', '任务编号'], { required: true }),
      c('report_date', 'date', ['报送日期'], { required: true }),
      c('status', 'task_status', ['状态', '进展情况'], { required: true }),
      c('done_date', 'date', ['完成日期', '完成时间']),
      c('note', 'text', ['说明']),
      c('reporter', 'text', ['报送单位']),
    ],
  },
  {
    name: 'applications',
    title: { zh: '办件', en: 'Applications' },
    fileAliases: ['办件', '办件明细', '办件记录'],
    key: 'app_id',
    columns: [
      c('app_id', 'text', ['办件编号', '申办流水号'], { required: true }),
      c('bundle_name', 'text', ['一件事名称']),
      c('matter_name', 'text', ['事项名称']),
      c('dept', 'text', ['承办部门', '受理部门'], { required: true }),
      c('region', 'text', ['办理地点', '镇街']),
      c('channel', 'channel', ['申报渠道', '申请方式']),
      c('submitted_at', 'datetime', ['申请时间', '收件时间'], { required: true }),
      c('pushed_at', 'datetime', ['推送时间']),
      c('accepted_at', 'datetime', ['受理时间']),
      c('completed_at', 'datetime', ['办结时间']),
      c('delivered_at', 'datetime', ['送达时间', '出件时间']),
      c('promised_wd', 'int', ['承诺时限', '承诺办结时限']),
      c('legal_wd', 'int', ['法定时限']),
      c('status', 'text', ['办件状态']),
      c('materials', 'int', ['提交材料数']),
      c('trips', 'int', ['跑动次数']),
      c('form_fields', 'int', ['表单字段数']),
      c('auto_fields', 'int', ['自动生成字段数']),
      c('applicant', 'text', ['申请人'], { personal: true }),
      c('phone', 'text', ['联系电话', '手机号'], { personal: true }),
      c('id_number', 'text', ['身份证号', '证件号码'], { personal: true }),
    ],
  },
  {
    name: 'reform_baselines',
    title: { zh: '改革前后对比', en: 'Reform baselines' },
    fileAliases: ['改革前后对比', '改革基线', '减材料减时限', '一件事效能'],
    key: 'bundle_name',
    columns: [
      c('bundle_name', 'text', ['一件事名称'], { required: true }),
      c('materials_before', 'number', ['改革前材料数']),
      c('materials_after', 'number', ['改革后材料数']),
      c('time_before_wd', 'number', ['改革前时限']),
      c('time_after_wd', 'number', ['改革后时限']),
      c('steps_before', 'number', ['改革前环节', '改革前环节数']),
      c('steps_after', 'number', ['改革后环节', '改革后环节数']),
      c('trips_before', 'number', ['改革前跑动次数']),
      c('trips_after', 'number', ['改革后跑动次数']),
      c('fees_before', 'number', ['改革前费用']),
      c('fees_after', 'number', ['改革后费用']),
      c('form_fields', 'number', ['表单字段数']),
      c('auto_fields', 'number', ['自动生成字段数']),
    ],
  },
  {
    name: 'evaluations',
    title: { zh: '好差评', en: 'Evaluations' },
    fileAliases: ['好差评', '评价', '评价记录', '好差评记录'],
    key: 'eval_id',
    columns: [
      c('eval_id', 'text', ['评价编号'], { required: true }),
      c('app_id', 'text', ['办件编号']),
      c('dept', 'text', ['被评价部门', '评价对象部门'], { required: true }),
      c('matter_name', 'text', ['事项名称']),
      c('bundle_name', 'text', ['一件事名称']),
      c('window', 'text', ['窗口']),
      c('staff', 'text', ['工作人员'], { personal: true }),
      c('channel', 'text', ['评价渠道']),
      c('rated_at', 'datetime', ['评价时间'], { required: true }),
      c('level', 'level', ['评价等级', '评价结果'], { required: true }),
      c('named', 'bool', ['是否实名']),
      c('comment', 'text', ['评价内容']),
      c('phone', 'text', ['联系电话'], { personal: true }),
      c('person', 'text', ['评价人'], { personal: true }),
      c('id_number', 'text', ['身份证号', '证件号码'], { personal: true }),
    ],
  },
  {
    name: 'rectifications',
    title: { zh: '差评整改', en: 'Rectifications' },
    fileAliases: ['差评整改', '整改', '整改记录', '差评整改记录'],
    key: 'eval_id',
    columns: [
      c('eval_id', 'text', ['评价编号'], { required: true }),
      c('contacted_at', 'datetime', ['联系时间', '回访时间', '核实时间']),
      c('verdict', 'verdict', ['核实结果']),
      c('complex', 'bool', ['是否复杂问题', '复杂问题']),
      c('rectified_at', 'datetime', ['整改时间', '整改反馈时间']),
      c('closed_at', 'datetime', ['办结时间']),
      c('outcome', 'text', ['整改结果']),
      c('note', 'text', ['备注']),
    ],
  },
  {
    name: 'calendar_adjustments',
    title: { zh: '本地日历调整', en: 'Local calendar adjustments' },
    fileAliases: ['本地日历调整', '日历调整', 'calendar'],
    key: 'date',
    columns: [
      c('date', 'date', ['日期'], { required: true }),
      c('workday', 'bool', ['是否工作日', '上班'], { required: true }),
      c('note', 'text', ['说明', '备注']),
    ],
  },
]

export const TABLE_BY_NAME: Record<TableName, TableSpec>
  = Object.fromEntries(TABLES.map(t => [t.name, t])) as Record<TableName, TableSpec>

/** Rectification columns that may sit as extra columns of an evaluations file. */
export const RECTIFICATION_COLUMNS_IN_EVALUATIONS = ['contacted_at', 'verdict', 'complex', 'rectified_at', 'closed_at', 'outcome']

export function tableSpec(name: TableName): TableSpec {
  return TABLE_BY_NAME[name]
}
