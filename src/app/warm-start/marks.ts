/**
 * What the warm start did, on the page's root element (`data-duban-start="warm"` …), for
 * browser tests and the benchmark: a signal that does not depend on timing. No data in it.
 */
export function markStart(name: 'start' | 'dataset' | 'saved' | 'answers' | 'restored' | 'ahead', value: string): void {
  if (typeof document !== 'undefined')
    document.documentElement.setAttribute(`data-duban-${name}`, value)
}

/** Off in development: there the module URL in the keys does not change when the code does. */
export const WARM_START = !import.meta.env.DEV
