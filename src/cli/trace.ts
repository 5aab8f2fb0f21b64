// DUBAN_TRACE=1: where a command's time goes, on stderr after it ran — the load path's own
// measures (domain/timing.ts `timed`, "duban:…") and every statement the engine ran, longest
// first. Timing only: no data, no SQL values (only a statement's first words).

import type { Db } from '../metrics/db/types'
import type { CliIO } from './main'

const MARK = 'duban:'

export function tracing(io: CliIO): boolean {
  return !!io.env.DUBAN_TRACE && io.env.DUBAN_TRACE !== '0'
}

/** Forgets the measures taken before (a second command in the same process). */
export function startTrace(): number {
  performance.clearMeasures()
  return performance.now()
}

const label = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 90)

async function measured<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now()
  try {
    return await fn()
  }
  finally {
    performance.measure(`${MARK}sql ${name}`, { start, end: performance.now() })
  }
}

/** `db` with each statement measured. */
export function tracedDb(db: Db): Db {
  return {
    ...db,
    engine: db.engine,
    exec: sql => measured(label(sql), () => db.exec(sql)),
    query: (sql, params) => measured(label(sql), () => db.query(sql, params)),
    insertCsv: (table, csv, columns) => measured(`insertCsv ${table}`, () => db.insertCsv(table, csv, columns)),
    close: () => db.close(),
  }
}

/** Prints the measures since `start`: phases in order, then the slowest statements. */
export function printTrace(io: CliIO, start: number): void {
  const all = performance.getEntriesByType('measure').filter(m => m.name.startsWith(MARK) && m.startTime >= start)
  const ms = (n: number) => `${n.toFixed(0).padStart(7)} ms`
  const at = (m: PerformanceEntry) => `@${(m.startTime - start).toFixed(0).padStart(6)}`
  const phases = all.filter(m => !m.name.startsWith(`${MARK}sql `))
  const sql = all.filter(m => m.name.startsWith(`${MARK}sql `))
  io.stderr(`trace: phases\n${phases.map(m => `${at(m)} ${ms(m.duration)}  ${m.name.slice(MARK.length)}`).join('\n')}\n`)
  const total = sql.reduce((n, m) => n + m.duration, 0)
  io.stderr(`trace: ${sql.length} statements, ${total.toFixed(0)} ms; the slowest\n`)
  for (const m of [...sql].sort((a, b) => b.duration - a.duration).slice(0, 40))
    io.stderr(`${at(m)} ${ms(m.duration)}  ${m.name.slice(MARK.length + 4)}\n`)
}
