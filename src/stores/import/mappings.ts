// Mappings the user chose to remember, by the shape of a table's header: offered again for
// any file of that shape (ingest/import/README.md, "Mappings").

import type { MappingChoice } from '../../ingest/import/types'
import { saveLocal } from '../../app/persist/storage'
import { parseChoices } from '../../ingest/import/mapping'

const REMEMBERED_KEY = 'duban.importMappings'

export function readRemembered(): Record<string, MappingChoice> {
  try {
    return parseChoices(JSON.parse(localStorage.getItem(REMEMBERED_KEY) ?? '{}'))
  }
  catch {
    return {}
  }
}

/** Storage may be full or refused; the mapping still applies to the import at hand. */
export function saveRemembered(choices: Record<string, MappingChoice>): void {
  saveLocal(REMEMBERED_KEY, JSON.stringify(choices), 'mappings')
}
