// Messages of the data page (import, persistence, export).
const zh = {
  title: '数据',
}
const en: typeof zh = {
  title: 'Data',
}
export default { zh, en }
