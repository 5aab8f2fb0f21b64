import type { Row, SqlValue } from '../metrics/db/types'

interface ArrowField { name: string, type: { typeId: number, toString: () => string } }
interface ArrowLike {
  schema: { fields: ArrowField[] }
  numRows: number
  getChildAt: (i: number) => { get: (i: number) => unknown } | null
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0')
}

function fromEpochMs(ms: number, withTime: boolean): string {
  const d = new Date(ms)
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  return withTime ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : date
}

/**
 * Arrow results → plain rows shaped like the native adapter's: numbers not bigints, dates as
 * 'YYYY-MM-DD' text. DuckDB hands naive China time over as UTC epochs, so UTC getters are right.
 */
export function arrowToRows(table: ArrowLike): Row[] {
  const fields = table.schema.fields
  const cols = fields.map((_, i) => table.getChildAt(i))
  const kinds = fields.map(f => String(f.type))
  const rows: Row[] = []
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {}
    for (let c = 0; c < fields.length; c++) {
      let v = cols[c]?.get(r) as unknown
      const kind = kinds[c]!
      if (v === null || v === undefined)
        v = null
      else if (typeof v === 'bigint')
        v = Number(v)
      else if (kind.startsWith('Date'))
        v = fromEpochMs(Number(v), false)
      else if (kind.startsWith('Timestamp'))
        v = fromEpochMs(Number(v), true)
      else if (typeof v === 'object')
        v = String(v)
      row[fields[c]!.name] = v as SqlValue
    }
    rows.push(row)
  }
  return rows
}
