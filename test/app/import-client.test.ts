import type { ImportReply, ImportRequest } from '../../src/app/import/protocol'
import type { FileImport } from '../../src/ingest/import/types'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { ImportCancelled, startImport } from '../../src/app/import/client'
import { packRows } from '../../src/app/import/packed-rows'
import { SLICE_MIN_BYTES } from '../../src/app/import/share'
import { openNativeDb } from '../../src/engine/node/native'
import { ingestFiles } from '../../src/ingest'

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

/** Stands in for the worker by doing what import.worker.ts does, in this thread: the real reading. */
class ReadingWorker {
  static made: ReadingWorker[] = []
  requested: ImportRequest['files'] = []
  onmessage: ((e: MessageEvent<ImportReply>) => void) | null = null
  onerror: ((e: ErrorEvent) => void) | null = null
  constructor() {
    ReadingWorker.made.push(this)
  }

  postMessage(req: ImportRequest) {
    this.requested = req.files
    void ingestFiles(req.files, { choices: req.choices, now: () => req.now }).then(({ files }) => {
      const { packed } = packRows(files)
      this.onmessage?.({ data: structuredClone({ type: 'done', files, packed }) } as MessageEvent<ImportReply>)
    })
  }

  terminate() {}
}

describe('startImport with a large Parquet file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-client-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  afterEach(() => {
    ReadingWorker.made = []
  })

  /** ~9 MB of applications in row groups of 20k rows; `note` puts a note row early on. */
  async function parquet(note: boolean): Promise<{ name: string, bytes: Uint8Array }> {
    const db = await openNativeDb()
    const path = join(dir, `${note}.parquet`)
    const noteRow = note ? `CASE WHEN i = 100 THEN '注：各部门按月报送。' ELSE 'A' || i END` : `'A' || i`
    await db.exec(`SET preserve_insertion_order = true; COPY (SELECT ${noteRow} AS 办件编号, md5(i::VARCHAR) AS 事项名称, md5((i + 1)::VARCHAR) AS 受理部门, TIMESTAMP '2024-01-01' + to_seconds(i * 60) AS 申请时间, (i % 9)::INTEGER AS 提交材料数 FROM range(140000) t(i)) TO '${path}' (FORMAT parquet, ROW_GROUP_SIZE 20480)`)
    await db.close()
    const bytes = new Uint8Array(readFileSync(path))
    expect(bytes.byteLength).toBeGreaterThan(SLICE_MIN_BYTES)
    return { name: 'applications.parquet', bytes }
  }

  it('has both workers read a part of it, joined to what one reading gives', async () => {
    vi.stubGlobal('Worker', ReadingWorker)
    vi.stubGlobal('navigator', { hardwareConcurrency: 2 })
    const file = await parquet(false)
    const [joined] = await startImport([file], {}, () => {}).result
    expect(ReadingWorker.made.map(w => w.requested.map(f => f.slice?.part))).toEqual([[0], [1]])
    const { files: [whole] } = await ingestFiles([file], { now: () => joined!.loadedAt })
    expect(joined).toEqual(whole)
    expect(joined!.grids[0]!.goodRows).toBe(140000)
  }, 60_000)

  it('reads it again whole when the parts cannot be joined for certain', async () => {
    vi.stubGlobal('Worker', ReadingWorker)
    vi.stubGlobal('navigator', { hardwareConcurrency: 2 })
    const file = await parquet(true)
    const [read] = await startImport([file], {}, () => {}).result
    expect(ReadingWorker.made.map(w => w.requested.map(f => f.slice?.part ?? 'whole'))).toEqual([[0], [1], ['whole']])
    const { files: [whole] } = await ingestFiles([file], { now: () => read!.loadedAt })
    expect(read).toEqual(whole)
  }, 60_000)
})
