// Messages of the review itself: its date and why, the months with data, carried-over stock,
// and which data set is shown.
const zh = {
  reason: { set: '已设定', month_end: '月末', data_end: '数据截止日' },
  reasonTitle: {
    set: '评估日期已手动设定；切换月份不会改变它',
    month_end: '所选月份的最后一天',
    data_end: '数据的最后一天（所选月份尚未结束，或未选月份）',
  },
  unpin: '取消设定',
  unpinTitle: '改回按月份确定评估日期（月末或数据截止日）',
  sample: '示例数据',
  sampleTitle: '随应用提供的示例数据，不是您导入的数据',
  imported: '导入数据',
  useImported: '查看导入数据',
  useSample: '查看示例数据',
  monthOutside: '所选月份 {month} 不在当前数据范围内（{first} 至 {last}），各项指标为空。请选择数据范围内的月份。',
  carried: '其中往月遗留 {n} 件（{months}）',
  carriedTag: '往月遗留',
  carriedFrom: '{month} 遗留',
}

const en: typeof zh = {
  reason: { set: 'set', month_end: 'end of month', data_end: 'end of data' },
  reasonTitle: {
    set: 'The review date was set by hand; changing the month leaves it',
    month_end: 'The last day of the chosen month',
    data_end: 'The last day of the data (the chosen month is not over, or no month is chosen)',
  },
  unpin: 'Unpin',
  unpinTitle: 'Let the month decide the review date again (its end, or the end of the data)',
  sample: 'Sample data',
  sampleTitle: 'Sample data shipped with the app, not data you imported',
  imported: 'Imported data',
  useImported: 'Show imported data',
  useSample: 'Show sample data',
  monthOutside: 'The chosen month {month} lies outside the data ({first} to {last}); every figure is empty. Choose a month within the data.',
  carried: 'of which {n} carried over ({months})',
  carriedTag: 'carried over',
  carriedFrom: 'from {month}',
}

export default { zh, en }
