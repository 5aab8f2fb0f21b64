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
import { maybeLayoutSql, surelyRecordSql } from '../../../src/metrics/load/gate'
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

  it('clears a row without the full test only where mayBeLayout surely calls it a record', async () => {
    // Rows mostly of a log's usual cells, with a trap here and there: a colon after a
    // signature or note word, a closing 计 or L, the header's first character, a lone 1.
    const usual = [
      fc.constantFrom('A2024001', 'YJS-0003', '东区-17', '审批局', '1'),
      fc.constantFrom('2024-03-01 09:00:00', '2024-12-31 23:59:59', '', '2024/03/01'),
      fc.constantFrom('审批局', '市场监管局', '东区统计局', '经信局', '报社', '填表', '合计', 'Total', '东区：西', '注意事项'),
      fc.constantFrom('3', '0', '12', '', 'x'),
      fc.constantFrom('2024-03-02 10:00:00', '', '2024-03-02'),
      fc.constantFrom('1', '2', '', '-1'),
      fc.constantFrom('已办结', '审核中', '审核：通过', ' 审：', '受理'),
    ]
    const trap = fc.constantFrom('审核人：张三', '说明：无', 'n:1', '注：', '（件）', '栏次', '序号', '甲', 'A', '0', '合计：', '小计 ：', 'total', '计', 'a1', ' 报：', '办', '\u0001x')
    const row = fc.tuple(...usual.map(u => fc.oneof({ weight: 6, arbitrary: u }, { weight: 1, arbitrary: trap })))
    const db = await openNativeDb()
    try {
      let run = 0
      let cleared = 0
      let held = 0
      await fc.assert(fc.asyncProperty(fc.constantFrom('a', '办', '审', '\u0001', '2'), fc.array(row, { minLength: 1, maxLength: 30 }), async (headerFirst, rows) => {
        const path = join(dir, `sure-${run++}.csv`)
        writeFileSync(path, [NAMES.join(','), ...rows.map(r => r.map(q).join(','))].join('\n') + '\n')
        await stageFile(db, 'st', { format: 'csv', path }, plan)
        const got = await db.query(`SELECT coalesce(${surelyRecordSql(plan, headerFirst)}, false) AS sure FROM st ORDER BY rowid`)
        rows.forEach((r, i) => {
          if (got[i]!.sure) {
            cleared++
            expect(mayBeLayout(r, headerFirst.charCodeAt(0), true), JSON.stringify(r)).toBe(false)
          }
          else if (!mayBeLayout(r, headerFirst.charCodeAt(0), true)) {
            held++
          }
        })
      }), { numRuns: 150, seed: 17 })
      // Not vacuous: most plain rows are cleared, and some records are left to the full test.
      expect(cleared).toBeGreaterThan(50)
      expect(held).toBeGreaterThan(0)
    }
    finally {
      await db.close()
    }
  }, 120_000)

  it('leaves to the full test the rows where a rule might look', async () => {
    const db = await openNativeDb()
    try {
      const rows = [
        ['A1', '2024-03-01 09:00:00', '审批局', '3', '2024-03-02 10:00:00', '1', '已办结'],
        // A blank third cell: the fourth is then among the first three filled, and it says 合计.
        ['A1', '2024-03-01 09:00:00', ' ', '合计', '2024-03-02 10:00:00', '1', '已办结'],
        ['1', '2024-03-01 09:00:00', '审批局', '3', '2024-03-02 10:00:00', '1', '已办结'],
        ['A1', '2024-03-01 09:00:00', '小计 ：', '3', '2024-03-02 10:00:00', '1', '已办结'],
        ['说明：A1', '2024-03-01 09:00:00', '审批局', '3', '2024-03-02 10:00:00', '1', '已办结'],
        ['A1', '2024-03-01 09:00:00', '审批局', '3', '2024-03-02 10:00:00', '1', '审核人：张三'],
      ]
      const path = join(dir, 'sure-fixed.csv')
      writeFileSync(path, [NAMES.join(','), ...rows.map(r => r.map(q).join(','))].join('\n') + '\n')
      await stageFile(db, 'st', { format: 'csv', path }, plan)
      const got = await db.query(`SELECT coalesce(${surelyRecordSql(plan, 'a')}, false) AS sure FROM st ORDER BY rowid`)
      expect(rows.map(r => mayBeLayout(r, 'a'.charCodeAt(0), true))).toEqual([false, true, true, true, true, true])
      expect(got.map(r => r.sure)).toEqual([true, false, false, false, false, false])
    }
    finally {
      await db.close()
    }
  })

  it('leaves every row to the full test when the first three columns have no fast path', () => {
    const other = { ...plan, columns: [plan.columns[6]!, ...plan.columns.slice(0, 6)] }
    expect(surelyRecordSql({ ...other, columns: other.columns.map((c, i) => (i === 0 ? { ...c, kind: 'channel' as const } : c)) }, 'a')).toBe('false')
  })
})
