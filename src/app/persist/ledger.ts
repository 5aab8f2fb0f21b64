// The ledger's review dates and notes in localStorage, one key per data set: an embedded data
// set by its id, the user's imported data by `user` (its revision changes with every import,
// the notes must not).

import type { LedgerState } from '../../ingest/ledger/state'
import { emptyLedger, mergeLedgers, parseLedger } from '../../ingest/ledger/state'
import { saveLocal } from './storage'

const PREFIX = 'duban.ledger.'

/** The storage key part of a data set id as the dataset store names it (`demo`, `user:3`). */
export function ledgerKeyOf(datasetId: string): string {
  return datasetId.split(':')[0]!
}

export function readLedger(key: string): LedgerState {
  try {
    const raw = localStorage.getItem(PREFIX + key)
    return raw ? parseLedger(JSON.parse(raw)) : emptyLedger()
  }
  catch {
    return emptyLedger()
  }
}

/** False when the browser refused the write (the shell says so; the edit stays in this tab). */
export function writeLedger(key: string, s: LedgerState): boolean {
  return saveLocal(PREFIX + key, JSON.stringify(s), 'ledger')
}

/** An imported bundle's ledger joined to the one kept for that data set. */
export function importLedger(key: string, incoming: LedgerState): LedgerState {
  const merged = mergeLedgers(readLedger(key), incoming)
  writeLedger(key, merged)
  return merged
}
