// Messages of the report page (publishing the monthly bulletin).
const zh = {
  title: '报告',
}
const en: typeof zh = {
  title: 'Report',
}
export default { zh, en }
