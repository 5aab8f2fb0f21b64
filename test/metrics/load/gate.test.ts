// The engine's layout gate (gate.ts) is a loosened mayBeLayout: every row the JavaScript gate
// could let through to the classifier must be flagged in SQL too, whatever the cells' kinds
// and fast paths (a date or time on the fast path is matched as one letter there).

import type { LogFilePlan } from '../../../src/metrics/load'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { TABLE_BY_NAME } from '../../../src/domain/contract/tables'
import { openNativeDb } from '../../../src/engine/node/native'
import { mayBeLayout } from '../../../src/ingest/table/layout-gate'
import { maybeLayoutSql } from '../../../src/metrics/load/gate'
import { stageFile } from '../../../src/metrics/load/stage'

const dir = mkdtempSync(join(tmpdir(), 'duban-gate-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const NAMES = ['app_id', 'submitted_at', 'dept', 'materials', 'accepted_at', 'trips', 'status']
const spec = TABLE_BY_NAME.applications
const plan: LogFilePlan = {
  table: 'applications',
  headers: NAMES,
  columns: NAMES.map(n => spec.columns.find(c => c.name === n)!),
  recognisedBy: 'columns',
}

const cell = fc.oneof(
  fc.constantFrom('2024-03-01 09:00:00', '2024-02-30 09:00:00', '0999-01-01 10:00:00', '12', '0', '1', '-3', '1234567890'),
  fc.constantFrom('', ' ', '\u3000', 'A', '甲', '计', '合计', '小计：', 'Total', 'total:', '注：见下', '注', '以下空白', '（件）', '栏次', '序号', '说明：', '审核人', '审核人：张三', '填报单位：东区', '电话:123', 'a1', 'x\u0001y', '东区', '营业执照', 'A1', '一、东区'),
  fc.string({ maxLength: 4 }),
)

// Rows of many blanks too: a lone heading, a bare signature word.
const sparse = fc.oneof({ weight: 2, arbitrary: fc.constant('') }, { weight: 1, arbitrary: cell })

const q = (v: string) => (v === '' ? '' : `"${v.replace(/"/g, '""')}"`)

describe('the engine\'s layout gate', () => {
  it('flags every row mayBeLayout could let through, whatever the cells', async () => {
    const db = await openNativeDb()
    try {
      let run = 0
      let flaggedByJs = 0
      await fc.assert(fc.asyncProperty(fc.array(fc.array(fc.oneof(cell, sparse), { minLength: NAMES.length, maxLength: NAMES.length }), { minLength: 1, maxLength: 30 }), async (rows) => {
        const path = join(dir, `${run++}.csv`)
        // Bare empty cells: the engine reads them as NULL, as it does an office export's.
        writeFileSync(path, [NAMES.join(','), ...rows.map(r => r.map(q).join(','))].join('\n') + '\n')
        await stageFile(db, 'st', { format: 'csv', path }, plan)
        const got = await db.query(`SELECT ${maybeLayoutSql(plan, 'a')} AS g FROM st ORDER BY rowid`)
        rows.forEach((r, i) => {
          if (mayBeLayout(r, 'a'.charCodeAt(0), true)) {
            flaggedByJs++
            expect(got[i]!.g, JSON.stringify(r)).toBe(true)
          }
        })
      }), { numRuns: 150, seed: 17 })
      expect(flaggedByJs).toBeGreaterThan(100)
    }
    finally {
      await db.close()
    }
  }, 120_000)
})
