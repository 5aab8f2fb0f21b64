import type { LedgerState } from '../../../src/ingest/ledger/state'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importLedger, ledgerKeyOf, readLedger, writeLedger } from '../../../src/app/persist/ledger'
import { datasetOf } from '../../../src/ingest/import/assemble'
import { ingestFiles } from '../../../src/ingest'
import { exportBundle } from '../../../src/ingest/import/export'
import { readBundleLedger } from '../../../src/ingest/ledger/bundle'
import { mergeLedgers, monthEnds, parseLedger, suggestedReviewDates, withDate, withNote, withoutDate } from '../../../src/ingest/ledger/state'
import { loadDataDir } from '../../../src/ingest/node/load-dir'
import { ledgerFixture } from './fixture'
import { MemoryStorage } from '../../helpers/memory-storage'

const NOW = () => '2024-11-01T02:00:00.000Z'

const LEDGER: LedgerState = {
  v: 1,
  reviewDates: ['2024-09-30', '2024-10-08', '2024-10-31'],
  notes: {
    'task:T1': { note: '区A局已承诺11月10日前完成 <b>不是标签</b>', person: '王科长', updatedAt: '2024-10-31T08:00:00.000Z' },
    'eval:E4': { note: '已电话联系 13912345678', person: '李四', updatedAt: '2024-10-31T09:00:00.000Z' },
  },
}

describe('ledger.json in the export bundle', () => {
  it('travels with the data and reads back exactly, without becoming a table', async () => {
    const ds = await ledgerFixture()
    const bytes = await exportBundle(ds, NOW(), '台账', { includePersonal: true, ledger: LEDGER })
    const zip = await JSZip.loadAsync(bytes)
    expect(JSON.parse(await zip.file('manifest.json')!.async('string')).ledger).toBe('ledger.json')
    expect(await readBundleLedger(bytes)).toEqual(LEDGER)
    // The importer reads the tables and leaves ledger.json alone: no grid, no problem, no plan from it.
    const back = (await ingestFiles([{ name: 'duban-数据.zip', bytes }], { now: NOW })).files[0]!
    expect(back.grids.map(g => g.fileName).filter(n => n.includes('ledger'))).toEqual([])
    expect(datasetOf([back]).issues.filter(i => i.file.includes('ledger'))).toEqual([])
    expect(back.plan ?? {}).not.toHaveProperty('reviewDates')
    expect(datasetOf([back]).tables.tasks.rows.length).toBe(6)
  })

  it('masks phone numbers in notes unless personal data is included', async () => {
    const ds = await ledgerFixture()
    const masked = await readBundleLedger(await exportBundle(ds, NOW(), undefined, { ledger: LEDGER }))
    expect(masked!.notes['eval:E4']!.note).not.toContain('13912345678')
    expect(masked!.notes['eval:E4']!.note).toContain('139****5678')
    expect(masked!.notes['task:T1']).toEqual(LEDGER.notes['task:T1'])
  })

  it('writes no ledger.json when nothing is kept, and finds none in other zips', async () => {
    const ds = await ledgerFixture()
    const bytes = await exportBundle(ds, NOW(), undefined, { ledger: { v: 1, reviewDates: [], notes: {} } })
    expect((await JSZip.loadAsync(bytes)).file('ledger.json')).toBeNull()
    expect(await readBundleLedger(bytes)).toBeNull()
    const other = new JSZip()
    other.file('ledger.json', JSON.stringify(LEDGER))
    expect(await readBundleLedger(await other.generateAsync({ type: 'uint8array' }))).toBeNull()
    expect(await readBundleLedger(new TextEncoder().encode('序号,报送日期\n'))).toBeNull()
  })

  it('is skipped by duban reading the unzipped bundle as a folder', async () => {
    const ds = await ledgerFixture()
    const zip = await JSZip.loadAsync(await exportBundle(ds, NOW(), undefined, { includePersonal: true, ledger: LEDGER }))
    const dir = mkdtempSync(join(tmpdir(), 'duban-ledger-'))
    try {
      for (const f of Object.values(zip.files))
        writeFileSync(join(dir, f.name), await f.async('uint8array'))
      const back = await loadDataDir(dir, NOW)
      expect(back.files.map(f => f.name)).not.toContain('ledger.json')
      expect(back.issues.filter(i => i.severity === 'error')).toEqual([])
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('ledger state', () => {
  it('keeps only dates, keyed notes and text', () => {
    const s = parseLedger({ reviewDates: ['2024-10-31', 'x', '2024-02-30', '2024-09-30', '2024-10-31'], notes: { 'task:1': { note: 'a\u0000b', person: 7 }, 'other:2': { note: 'x' }, 'eval:3': { note: '', person: '' } } })
    expect(s).toEqual({ v: 1, reviewDates: ['2024-09-30', '2024-10-31'], notes: { 'task:1': { note: 'ab', person: '', updatedAt: '' } } })
    expect(parseLedger('nonsense')).toEqual({ v: 1, reviewDates: [], notes: {} })
  })

  it('adds and removes dates, writes and clears notes', () => {
    let s = withDate(parseLedger({}), '2024-10-31')
    s = withDate(s, '2024-09-30')
    expect(s.reviewDates).toEqual(['2024-09-30', '2024-10-31'])
    expect(withoutDate(s, '2024-09-30').reviewDates).toEqual(['2024-10-31'])
    expect(() => withDate(s, '2024-13-01')).toThrow(/Invalid date/)
    s = withNote(s, 'task:1', '跟进', '张科长', 't1')
    expect(s.notes['task:1']).toEqual({ note: '跟进', person: '张科长', updatedAt: 't1' })
    expect(withNote(s, 'task:1', ' ', '', 't2').notes).toEqual({})
  })

  it('merges an imported ledger: every date, the newer note per item', () => {
    const kept: LedgerState = { v: 1, reviewDates: ['2024-08-31'], notes: { 'task:T1': { note: '旧', person: '甲', updatedAt: '2024-09-01T00:00:00Z' }, 'task:T9': { note: '本机', person: '', updatedAt: '2024-12-01T00:00:00Z' } } }
    const m = mergeLedgers(kept, LEDGER)
    expect(m.reviewDates).toEqual(['2024-08-31', ...LEDGER.reviewDates])
    expect(m.notes['task:T1']).toEqual(LEDGER.notes['task:T1'])
    expect(m.notes['task:T9']!.note).toBe('本机')
    expect(mergeLedgers(LEDGER, kept).notes['task:T1']).toEqual(LEDGER.notes['task:T1'])
  })

  it('suggests each month end of the data, the last month at the data review date', async () => {
    expect(monthEnds('2024-11-03', '2025-02-10')).toEqual(['2024-11-30', '2024-12-31', '2025-01-31', '2025-02-28'])
    expect(monthEnds('2024-09-03', '2024-10-16', '2024-10-16')).toEqual(['2024-09-30', '2024-10-16'])
    // The fixture's data run from 27 Sep (first review) to 20 Oct (last progress report).
    expect(suggestedReviewDates(await ledgerFixture(), null, '2026-12-06')).toEqual(['2024-09-30', '2024-10-31'])
  })
})

describe('ledger in browser storage', () => {
  let before: Storage | undefined
  beforeEach(() => {
    before = globalThis.localStorage
    globalThis.localStorage = new MemoryStorage() as unknown as Storage
  })
  afterEach(() => {
    globalThis.localStorage = before as Storage
  })

  it('is kept per data set, the user data under one key whatever the import revision', () => {
    expect(ledgerKeyOf('user:7')).toBe('user')
    expect(ledgerKeyOf('demo')).toBe('demo')
    writeLedger('demo', LEDGER)
    expect(readLedger('demo')).toEqual(LEDGER)
    expect(readLedger('user').notes).toEqual({})
    localStorage.setItem('duban.ledger.user', '{broken')
    expect(readLedger('user')).toEqual({ v: 1, reviewDates: [], notes: {} })
  })

  it('joins an imported ledger to the kept one', () => {
    writeLedger('user', { v: 1, reviewDates: ['2024-08-31'], notes: {} })
    importLedger('user', LEDGER)
    const s = readLedger('user')
    expect(s.reviewDates).toEqual(['2024-08-31', ...LEDGER.reviewDates])
    expect(Object.keys(s.notes).sort()).toEqual(['eval:E4', 'task:T1'])
  })
})
