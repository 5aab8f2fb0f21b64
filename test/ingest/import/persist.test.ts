import type { StoredFile } from '../../../src/app/persist/imports'
import { describe, expect, it } from 'vitest'
import { ImportPersistence } from '../../../src/app/persist/imports'
import { memoryKv } from '../../../src/app/persist/kv'
import { sha256Hex } from '../../../src/ingest/import/hash'

async function file(id: string, text: string, loadedAt = '2024-10-16T02:00:00.000Z'): Promise<StoredFile> {
  const bytes = new TextEncoder().encode(text)
  return { meta: { v: 1, id, name: `${id}.csv`, size: bytes.byteLength, sha256: await sha256Hex(bytes), loadedAt, choices: { [`${id}.csv::`]: { kind: 'map', table: 'tasks' } }, tables: ['tasks'], goodRows: 1, badRows: 0 }, bytes }
}

async function committed(kv = memoryKv()) {
  const p = new ImportPersistence(kv, () => '2024-10-16T03:00:00.000Z')
  const a = await file('a', '序号,具体任务\n1,甲\n', '2024-10-16T01:00:00.000Z')
  const b = await file('b', '序号,具体任务\n2,乙\n', '2024-10-16T02:00:00.000Z')
  await p.putFiles([a, b])
  await p.commit(['a', 'b'], 1)
  return { kv, p, a, b }
}

describe('import persistence', () => {
  it('gives back exactly the committed files, bytes and choices included', async () => {
    const { p, a, b } = await committed()
    const r = await p.restore()
    expect(r.revision).toBe(1)
    expect(r.problems).toEqual([])
    expect(r.files).toEqual([a, b])
  })

  it('an import cut off before its manifest leaves the earlier data, and its files are collected', async () => {
    const { kv, p, a, b } = await committed()
    await p.putFiles([await file('c', 'x\n')])
    // The tab closes here: no commit.
    const again = new ImportPersistence(kv)
    expect((await again.restore()).files).toEqual([a, b])
    await again.collect()
    expect([...kv.map.keys()].sort()).toEqual(['blob:a', 'blob:b', 'manifest', 'meta:a', 'meta:b'])
  })

  it('a failed manifest write leaves the earlier manifest in place', async () => {
    const { kv, p, a, b } = await committed()
    const before = structuredClone(kv.map.get('manifest'))
    await p.putFiles([await file('c', 'x\n')])
    const set = kv.set
    kv.set = async (k, v) => {
      if (k === 'manifest')
        throw new Error('QuotaExceededError')
      return set(k, v)
    }
    await expect(p.commit(['a', 'b', 'c'], 2)).rejects.toThrow('Quota')
    kv.set = set
    await p.discard(['c'])
    expect(kv.map.get('manifest')).toEqual(before)
    expect((await p.restore()).files).toEqual([a, b])
  })

  it('replacing and removing drop the old file once the new manifest is written', async () => {
    const { kv, p } = await committed()
    const c = await file('c', '序号,具体任务\n3,丙\n')
    await p.putFiles([c])
    await p.commit(['a', 'c'], 2)
    expect([...kv.map.keys()].filter(k => k.includes(':b'))).toEqual([])
    expect((await p.list()).metas.map(m => m.id)).toEqual(['a', 'c'])
  })

  it('rebuilds a damaged manifest from the stored files, and says so', async () => {
    const { kv, p, a, b } = await committed()
    kv.map.set('manifest', { v: 1, revision: 'x', files: 7 })
    const l = await p.list()
    expect(l.problems).toEqual([{ kind: 'manifest_corrupt', recovered: 2 }])
    expect(l.metas.map(m => m.id)).toEqual(['a', 'b'])
    expect((await p.restore()).files).toEqual([a, b])
    expect((await p.list()).problems).toEqual([])
  })

  it('drops a file whose bytes no longer match its SHA-256 and keeps the others', async () => {
    const { kv, p, b } = await committed()
    const broken = new Uint8Array(kv.map.get('blob:a') as Uint8Array)
    broken[0] = broken[0]! ^ 0xFF
    kv.map.set('blob:a', broken)
    const r = await p.restore()
    expect(r.problems).toEqual([{ kind: 'file_corrupt', id: 'a', name: 'a.csv' }])
    expect(r.files).toEqual([b])
    expect((await p.restore()).problems).toEqual([])
    expect(kv.map.has('blob:a')).toBe(false)
  })

  it('drops a file whose metadata is missing or unreadable', async () => {
    const { kv, p } = await committed()
    kv.map.delete('meta:a')
    kv.map.set('meta:b', 'garbage')
    const l = await p.list()
    expect(l.problems).toEqual([{ kind: 'file_missing', id: 'a' }, { kind: 'file_corrupt', id: 'b', name: 'b' }])
    expect(l.metas).toEqual([])
  })

  it('clear all removes everything', async () => {
    const { kv, p } = await committed()
    await p.clear()
    expect(kv.map.size).toBe(0)
    expect(await p.list()).toEqual({ revision: 0, metas: [], problems: [] })
  })
})
