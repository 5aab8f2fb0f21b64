import type zh from './zh-CN'

const en: typeof zh = {
  app: { name: 'duban', subtitle: 'Government-service reform supervision' },
  nav: { overview: 'Overview', schedule: 'Schedule', reduction: 'Reduction', evaluations: 'Evaluations', applications: 'Applications', departments: 'Departments', data: 'Data', report: 'Report', settings: 'Settings' },
  filter: { asOf: 'Review date', month: 'Month', dept: 'Department', all: 'All', dataset: 'Data set' },
  engine: { loading: 'Loading the analysis engine…', loadingData: 'Loading data…', ready: 'Ready', failed: 'Failed to load' },
  kpi: {
    schedule: 'Schedule tasks',
    overdue: 'Overdue',
    dueSoon: 'Due soon',
    doneOnTime: 'Done on time',
    rule1515: 'Bad reviews "1-5-15"',
    contact: 'Contact',
    rectify: 'Rectify',
    complex: 'Complex',
    appsOnTime: 'Applications on time',
    reduction: 'Bundles meeting targets',
    materials: 'Materials',
    time: 'Time',
    steps: 'Steps',
    goodRate: 'Good rate',
  },
  status: {
    overdue: 'Overdue',
    due_soon: 'Due soon',
    on_track: 'On track',
    done_on_time: 'Done on time',
    done_late: 'Done late',
    ongoing_reported: 'Ongoing, reported',
    ongoing_unreported: 'Ongoing, not reported',
    awaiting_schedule: 'Awaiting schedule',
    unparsed: 'Deadline to set',
  },
  chart: { deptStatus: 'Schedule task status by department', tasks: 'tasks', table: 'Table', chart: 'Chart', download: 'Download CSV', dept: 'Department' },
  list: { attention: 'Needs attention', task: 'Task', lead: 'Lead department', due: 'Due', wd: 'working days', wdOverdue: '{n} working days overdue', wdLeft: '{n} working days left', none: 'Nothing needs attention' },
  rate: { empty: '—', emptyReason: 'nothing due: the denominator is 0' },
  issues: { title: '{n} data problems' },
  lang: { switch: '中文' },
}

export default en
