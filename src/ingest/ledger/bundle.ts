// ledger.json inside an export bundle (ingest/import/export.ts writes it): read back on import
// so the review dates and notes travel with the data.

import type { LedgerState } from './state'
import JSZip from 'jszip'
import { isBundleManifest } from '../import/bundle'
import { isZip } from '../import/formats'
import { LEDGER_FILE, parseLedger } from './state'

/**
 * The ledger of a duban export bundle, or null when the bytes are not such a bundle or it
 * carries none. A bundle zipped again inside a folder is found by its manifest's folder.
 */
export async function readBundleLedger(bytes: Uint8Array): Promise<LedgerState | null> {
  if (!isZip(bytes))
    return null
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  }
  catch {
    return null
  }
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !/(?:^|\/)manifest\.json$/.test(entry.name))
      continue
    const dir = entry.name.slice(0, -'manifest.json'.length)
    const ledger = zip.file(`${dir}${LEDGER_FILE}`)
    if (!ledger)
      continue
    try {
      if (!isBundleManifest(JSON.parse(await entry.async('string'))))
        continue
      return parseLedger(JSON.parse(await ledger.async('string')))
    }
    catch {
      continue
    }
  }
  return null
}
