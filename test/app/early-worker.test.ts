import * as duckdb from '@duckdb/duckdb-wasm'
import { afterEach, describe, expect, it, vi } from 'vitest'

class FakeWorker {
  static made: string[] = []
  constructor(readonly url: string) {
    FakeWorker.made.push(url)
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.resetModules()
  FakeWorker.made = []
})

describe('early engine worker', () => {
  it('chooses the bundle DuckDB-WASM would choose', async () => {
    const { wasmExceptions } = await import('../../src/engine/wasm/early-worker')
    expect(wasmExceptions()).toBe((await duckdb.getPlatformFeatures()).wasmExceptions)
  })

  it('makes the worker once and hands that one to the engine', async () => {
    vi.stubGlobal('Worker', FakeWorker)
    const { spawnEngineWorker, takeEngineWorker, wasmExceptions } = await import('../../src/engine/wasm/early-worker')
    spawnEngineWorker()
    spawnEngineWorker()
    expect(FakeWorker.made).toHaveLength(1)
    expect(FakeWorker.made[0]).toMatch(wasmExceptions() ? /duckdb-browser-eh\.worker/ : /duckdb-browser-mvp\.worker/)
    const taken = takeEngineWorker()
    expect(taken.worker).toBeInstanceOf(FakeWorker)
    expect((taken.worker as unknown as FakeWorker).url).toBe(FakeWorker.made[0])
    expect(taken.eh).toBe(wasmExceptions())
    expect(FakeWorker.made).toHaveLength(1)
  })

  it('makes a new worker when none was made early, and never hands one out twice', async () => {
    vi.stubGlobal('Worker', FakeWorker)
    const { takeEngineWorker } = await import('../../src/engine/wasm/early-worker')
    const a = takeEngineWorker()
    const b = takeEngineWorker()
    expect(FakeWorker.made).toHaveLength(2)
    expect(a.worker).not.toBe(b.worker)
  })
})
