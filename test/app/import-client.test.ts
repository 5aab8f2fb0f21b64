import type { ImportReply, ImportRequest } from '../../src/app/import/protocol'
import type { FileImport } from '../../src/ingest/import/types'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startImport } from '../../src/app/import/client'
import { packRows } from '../../src/app/import/packed-rows'

const rows = Array.from({ length: 3000 }, (_, i) => [`A-${i}`, i % 2 ? '区人社局' : '区医保局'])
const imported = () => [{ name: 'applications.csv', loaded: [{ result: { tables: [{ name: 'applications', columns: ['app_id', 'dept'], rows: rows.map(r => [...r]) }] } }] }] as unknown as FileImport[]

/** Stands in for the import worker: answers with the rows packed, as import.worker.ts does, or with `reply` when set. */
class FakeWorker {
  static reply: ((files: FileImport[]) => ImportReply) | null = null
  static terminated = 0
  onmessage: ((e: MessageEvent<ImportReply>) => void) | null = null
  onerror: ((e: ErrorEvent) => void) | null = null
  postMessage(_: ImportRequest) {
    const files = imported()
    const m: ImportReply = FakeWorker.reply ? FakeWorker.reply(files) : { type: 'done', files, packed: packRows(files).packed }
    setTimeout(() => this.onmessage?.({ data: structuredClone(m) } as MessageEvent<ImportReply>), 0)
  }

  terminate() {
    FakeWorker.terminated++
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
  FakeWorker.reply = null
  FakeWorker.terminated = 0
})

describe('startImport', () => {
  it('gives back the worker\'s rows as they were read, and ends the worker', async () => {
    vi.stubGlobal('Worker', FakeWorker)
    const files = await startImport([{ name: 'applications.csv', bytes: new Uint8Array(4) }], {}, () => {}).result
    expect(files[0]!.loaded[0]!.result.tables[0]!.rows).toEqual(rows)
    expect(FakeWorker.terminated).toBe(1)
  })

  it('fails, and does not wait for ever, when the packed rows do not fit the files', async () => {
    vi.stubGlobal('Worker', FakeWorker)
    FakeWorker.reply = files => ({ type: 'done', files, packed: [] })
    await expect(startImport([{ name: 'applications.csv', bytes: new Uint8Array(4) }], {}, () => {}).result).rejects.toThrow(/packed tables/)
  })
})
