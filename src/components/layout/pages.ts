/** The pages the navigation lists, in its order; the message key names each. */
export const MAIN_PAGES = [
  { path: '/', key: 'nav.overview' },
  { path: '/schedule', key: 'nav.schedule' },
  { path: '/reduction', key: 'nav.reduction' },
  { path: '/evaluations', key: 'nav.evaluations' },
  { path: '/applications', key: 'nav.applications' },
  { path: '/departments', key: 'nav.departments' },
  { path: '/ledger', key: 'ledger.nav' },
] as const

export const TOOL_PAGES = [
  { path: '/data', key: 'nav.data' },
  { path: '/report', key: 'nav.report' },
  { path: '/notices', key: 'nav.notices' },
  { path: '/settings', key: 'nav.settings' },
] as const

/** The message key of the page at a path, for its heading. */
export function pageTitleKey(path: string): string {
  return [...MAIN_PAGES, ...TOOL_PAGES].find(p => p.path === path)?.key ?? 'nav.overview'
}
