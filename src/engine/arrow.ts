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

const EOS = [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0]

/**
 * The Arrow IPC *file* bytes DuckDB-WASM answers with, as the IPC *stream* its Arrow insert
 * reads. A file is "ARROW1" + padding, the stream, a footer, the footer's length and "ARROW1"
 * again, so the stream is the bytes between; it is given its end-of-stream mark if it lacks one.
 */
export function arrowFileToStream(file: Uint8Array): Uint8Array {
  const magic = (at: number) => String.fromCharCode(...file.subarray(at, at + 6)) === 'ARROW1'
  if (file.byteLength < 18 || !magic(0) || !magic(file.byteLength - 6))
    throw new Error('not an Arrow IPC file')
  const footer = new DataView(file.buffer, file.byteOffset + file.byteLength - 10, 4).getInt32(0, true)
  const stream = file.subarray(8, file.byteLength - 10 - footer)
  const ended = stream.byteLength >= 8 && EOS.every((b, i) => stream[stream.byteLength - 8 + i] === b)
  if (ended)
    return stream.slice()
  const out = new Uint8Array(stream.byteLength + 8)
  out.set(stream)
  out.set(EOS, stream.byteLength)
  return out
}
