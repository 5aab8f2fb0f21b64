import type { ImportReply, ImportRequest } from '../../src/app/import/protocol'
import type { FileImport } from '../../src/ingest/import/types'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ImportCancelled, startImport } from '../../src/app/import/client'
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

/** Stands in for a worker that reads what it is given: one file import per file, its rows naming the file. */
class SharingWorker {
  static made: SharingWorker[] = []
  static fail: string | null = null
  static hold = false
  requested: string[] = []
  terminated = 0
  onmessage: ((e: MessageEvent<ImportReply>) => void) | null = null
  onerror: ((e: ErrorEvent) => void) | null = null
  constructor() {
    SharingWorker.made.push(this)
  }

  postMessage(req: ImportRequest) {
    this.requested = req.files.map(f => f.name)
    if (SharingWorker.hold)
      return
    const files = req.files.map(f => ({ name: f.name, loaded: [{ result: { tables: [{ name: 'applications', columns: ['app_id'], rows: [[`${f.name}-1`], [`${f.name}-2`]] }] } }] })) as unknown as FileImport[]
    const m: ImportReply = this.requested.includes(SharingWorker.fail ?? '') ? { type: 'error', message: 'broken' } : { type: 'done', files, packed: packRows(files).packed }
    setTimeout(() => this.onmessage?.({ data: structuredClone(m) } as MessageEvent<ImportReply>), 0)
  }

  terminate() {
    this.terminated++
  }
}

describe('startImport with two cores', () => {
  const MB = 1024 * 1024
  const input = [['bundles.csv', 1000], ['applications.csv', 8 * MB], ['evaluations.csv', 3 * MB], ['tasks.csv', 500]] as const
  const files = () => input.map(([name, size]) => ({ name, bytes: new Uint8Array(size) }))

  afterEach(() => {
    SharingWorker.made = []
    SharingWorker.fail = null
    SharingWorker.hold = false
  })

  it('shares big files between two workers and gives the imports back in the files\' order', async () => {
    vi.stubGlobal('Worker', SharingWorker)
    vi.stubGlobal('navigator', { hardwareConcurrency: 2 })
    const out = await startImport(files(), {}, () => {}).result
    expect(SharingWorker.made.map(w => w.requested)).toEqual([['applications.csv'], ['bundles.csv', 'evaluations.csv', 'tasks.csv']])
    expect(out.map(f => f.name)).toEqual(input.map(([name]) => name))
    expect(out.map(f => f.loaded[0]!.result.tables[0]!.rows)).toEqual(input.map(([name]) => [[`${name}-1`], [`${name}-2`]]))
    expect(SharingWorker.made.map(w => w.terminated)).toEqual([1, 1])
  })

  it('one worker failing fails the job and ends the other', async () => {
    vi.stubGlobal('Worker', SharingWorker)
    vi.stubGlobal('navigator', { hardwareConcurrency: 2 })
    SharingWorker.fail = 'evaluations.csv'
    await expect(startImport(files(), {}, () => {}).result).rejects.toThrow('broken')
    expect(SharingWorker.made.map(w => w.terminated)).toEqual([1, 1])
  })

  it('cancelling ends both workers at once', async () => {
    vi.stubGlobal('Worker', SharingWorker)
    vi.stubGlobal('navigator', { hardwareConcurrency: 2 })
    SharingWorker.hold = true
    const job = startImport(files(), {}, () => {})
    job.cancel()
    await expect(job.result).rejects.toBeInstanceOf(ImportCancelled)
    expect(SharingWorker.made.map(w => w.terminated)).toEqual([1, 1])
  })
})
