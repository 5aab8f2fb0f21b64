// The keys of the view's state in the URL query (#/page?data=…&month=…), and reading one
// before the router runs: kept apart from url-state.ts (the router's side) so the entry can
// read the data set's name without loading Vue.

export const URL_KEYS = [
  'data', // the data set shown (an embedded id, or "user")
  'asOf', // the review date the user set (YYYY-MM-DD)
  'month', // the month under review (YYYY-MM)
  'dept',
  'bundle',
  'region',
  'channel', // the application channel
  'matter', // the evaluations page's drill-down
  'evalChannel', // the evaluation channel of that drill-down (评价器, 12345热线…)
] as const
export type UrlKey = typeof URL_KEYS[number]

/** A key of the URL's hash before the router runs (the data set fetched while the app boots). */
export function readKeyFromHash(hash: string, key: UrlKey): string | null {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : ''
  const v = new URLSearchParams(query).get(key)
  return v === null || v === '' ? null : v
}
