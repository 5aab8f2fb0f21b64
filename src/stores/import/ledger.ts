import { useLedgerStore } from '../ledger'
import { USER_DATASET } from './entries'

/** The ledger notes an exported bundle carries join those kept with the user's data. */
export async function importBundleLedgers(files: Uint8Array[]): Promise<void> {
  const { readBundleLedger } = await import('../../ingest/ledger/bundle')
  const { importLedger } = await import('../../app/persist/ledger')
  let found = false
  for (const bytes of files) {
    const ledger = await readBundleLedger(bytes).catch(() => null)
    if (ledger) {
      importLedger(USER_DATASET, ledger)
      found = true
    }
  }
  if (found)
    useLedgerStore().reload()
}
