import type { Db } from '../../src/metrics/db/types'
import { describe, expect, it } from 'vitest'
import { Analysis } from '../../src/metrics/analysis'
import { withDefaults } from '../../src/domain/settings'
import { loadSqlFilesNode } from '../../src/engine/node/sql-files'
import { openNativeDb } from '../../src/engine/node/native'
import { datasetFromDir, FIXTURES } from '../helpers/db'

const Q = { asOf: '2024-10-16', month: '2024-10' }
const settings = withDefaults({})
const sql = loadSqlFilesNode()

/** A real engine whose insert of the applications is held until `release()`. */
function heldAtApplications(db: Db): { db: Db, release: () => void, reached: Promise<void> } {
  let release!: () => void
  let reach!: () => void
  const gate = new Promise<void>(r => (release = r))
  const reached = new Promise<void>(r => (reach = r))
  const hold = async (table: string) => {
    if (table === 'applications') {
      reach()
      await gate
    }
  }
  return {
    release,
    reached,
    db: {
      ...db,
      exec: s => db.exec(s),
      query: (s, p) => db.query(s, p),
      insertCsv: async (table, csv, columns) => {
        await hold(table)
        return db.insertCsv(table, csv, columns)
      },
      close: () => db.close(),
    },
  }
}

/**
 * Checks a read is still unanswered a while after it was asked (the logs being held), and
 * hands back its answer to await once they are let go. Wrapped, so awaiting this does not
 * await the answer.
 */
async function stillWaiting<T>(read: Promise<T>): Promise<{ answer: Promise<T> }> {
  let answered = false
  const answer = read.then((r) => {
    answered = true
    return r
  })
  await new Promise(r => setTimeout(r, 200))
  expect(answered).toBe(false)
  return { answer }
}

describe('an Analysis opened in parts', () => {
  it('answers the schedule while the logs are still going in, and the logs\' figures once they are in, equal to a whole open', async () => {
    const ds = await datasetFromDir(`${FIXTURES}sample-2024-10`)
    const whole = await Analysis.open(await openNativeDb(), ds, sql, settings, 2024)
    const want = { tasks: await whole.reviewRows('task_status', Q), apps: await whole.reviewRows('applications_summary', Q), metrics: await whole.metrics(Q) }
    await whole.db.close()

    const held = heldAtApplications(await openNativeDb())
    const a = await Analysis.openInParts(held.db, ds, sql, settings, 2024)
    await held.reached
    // The logs are held: the schedule answers, the applications wait.
    expect(await a.reviewRows('task_status', Q)).toEqual(want.tasks)
    const apps = await stillWaiting(a.reviewRows('applications_summary', Q))
    held.release()
    expect(await apps.answer).toEqual(want.apps)
    await a.ready()
    expect(await a.metrics(Q)).toEqual(want.metrics)
    await a.db.close()
  })

  it('waits for a settings change asked while the logs go in, for every read', async () => {
    const ds = await datasetFromDir(`${FIXTURES}sample-2024-10`)
    const held = heldAtApplications(await openNativeDb())
    const a = await Analysis.openInParts(held.db, ds, sql, settings, 2024)
    await held.reached
    const changed = { ...settings, warningWd: 60 }
    const update = a.updateSettings(changed)
    // Not answered under the old settings while the change waits behind the logs.
    const read = await stillWaiting(a.reviewRows('task_status', Q))
    held.release()
    await update
    const direct = await Analysis.open(await openNativeDb(), ds, sql, changed, 2024)
    const before = await Analysis.open(await openNativeDb(), ds, sql, settings, 2024)
    expect(await read.answer).toEqual(await direct.reviewRows('task_status', Q))
    // The change is one the answer shows (so the read above could not pass under the old settings).
    expect(await before.reviewRows('task_status', Q)).not.toEqual(await direct.reviewRows('task_status', Q))
    await direct.db.close()
    await before.db.close()
    await a.db.close()
  })
})
