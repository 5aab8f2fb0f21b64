// The user's imported files in IndexedDB: each file's bytes and how it was read (meta), and
// one manifest naming the files of the current data set. The manifest is one key, written
// in one transaction and only after the new data set loaded, so an import that fails, is
// cancelled or is cut off by a closed tab leaves the previous manifest — and with it the
// previous data — exactly as it was. Files no manifest names are removed on the next start.

import type { TableName } from '../../domain/contract/tables'
import type { MappingChoice } from '../../ingest/import/types'
import type { Kv } from './kv'
import { parseChoices } from '../../ingest/import/mapping'
import { sha256Hex } from '../../ingest/import/hash'

export interface StoredFileMeta {
  v: 1
  id: string
  name: string
  size: number
  sha256: string
  loadedAt: string
  /** The user's mapping choices for this file's tables (by grid key). */
  choices: Record<string, MappingChoice>
  tables: TableName[]
  goodRows: number
  badRows: number
}

export interface Manifest {
  v: 1
  revision: number
  files: string[]
  savedAt: string
}

export interface StoredFile {
  meta: StoredFileMeta
  bytes: Uint8Array
}

export type PersistProblem
  = | { kind: 'manifest_corrupt', recovered: number }
    | { kind: 'file_corrupt', id: string, name: string }
    | { kind: 'file_missing', id: string }

export interface Listing {
  revision: number
  metas: StoredFileMeta[]
  problems: PersistProblem[]
}

const MANIFEST = 'manifest'
const metaKey = (id: string) => `meta:${id}`
const blobKey = (id: string) => `blob:${id}`

function isManifest(v: unknown): v is Manifest {
  const m = v as Manifest
  return typeof m === 'object' && m !== null && m.v === 1 && Number.isInteger(m.revision) && Array.isArray(m.files) && m.files.every(f => typeof f === 'string')
}

function asMeta(v: unknown, id: string): StoredFileMeta | null {
  const m = v as StoredFileMeta
  if (typeof m !== 'object' || m === null || m.v !== 1 || m.id !== id || typeof m.name !== 'string' || typeof m.sha256 !== 'string'
    || typeof m.size !== 'number' || typeof m.loadedAt !== 'string')
    return null
  return {
    ...m,
    choices: parseChoices(m.choices),
    tables: Array.isArray(m.tables) ? m.tables : [],
    goodRows: Number(m.goodRows) || 0,
    badRows: Number(m.badRows) || 0,
  }
}

export class ImportPersistence {
  constructor(private kv: Kv, private now: () => string = () => new Date().toISOString()) {}

  /**
   * The committed files' metadata, without their bytes. A damaged manifest is rebuilt from
   * the files found; a file whose metadata is damaged is dropped. Each repair is reported.
   */
  async list(): Promise<Listing> {
    const problems: PersistProblem[] = []
    let raw: unknown
    try {
      raw = await this.kv.get(MANIFEST)
    }
    catch {
      raw = null
    }
    if (raw === undefined)
      return { revision: 0, metas: [], problems }
    if (!isManifest(raw)) {
      const metas = await this.orphans()
      problems.push({ kind: 'manifest_corrupt', recovered: metas.length })
      const revision = 1 + (typeof (raw as Manifest | null)?.revision === 'number' ? (raw as Manifest).revision : 0)
      await this.writeManifest(metas.map(m => m.id), revision)
      return { revision, metas, problems }
    }
    const found = await this.kv.getMany<unknown>(raw.files.map(metaKey))
    const metas: StoredFileMeta[] = []
    raw.files.forEach((id, i) => {
      const m = asMeta(found[i], id)
      if (m)
        metas.push(m)
      else
        problems.push(found[i] === undefined ? { kind: 'file_missing', id } : { kind: 'file_corrupt', id, name: String((found[i] as StoredFileMeta | null)?.name ?? id) })
    })
    if (problems.length)
      await this.writeManifest(metas.map(m => m.id), raw.revision)
    return { revision: raw.revision, metas, problems }
  }

  /** Every file record with readable metadata, oldest first: what a lost manifest can be rebuilt from. */
  private async orphans(): Promise<StoredFileMeta[]> {
    const ids = (await this.kv.keys()).filter(k => k.startsWith('meta:')).map(k => k.slice(5))
    const found = await this.kv.getMany<unknown>(ids.map(metaKey))
    return ids.map((id, i) => asMeta(found[i], id)).filter((m): m is StoredFileMeta => m !== null)
      .sort((a, b) => a.loadedAt.localeCompare(b.loadedAt))
  }

  /**
   * The committed files with their bytes, each checked against its SHA-256. A damaged or
   * missing file is dropped from the manifest (reported), the others are kept.
   */
  async restore(): Promise<{ revision: number, files: StoredFile[], problems: PersistProblem[] }> {
    const listing = await this.list()
    const problems = [...listing.problems]
    const blobs = await this.kv.getMany<unknown>(listing.metas.map(m => blobKey(m.id)))
    const files: StoredFile[] = []
    for (const [i, meta] of listing.metas.entries()) {
      const b = blobs[i]
      const bytes = b instanceof Uint8Array ? b : b instanceof ArrayBuffer ? new Uint8Array(b) : null
      if (bytes && bytes.byteLength === meta.size && await sha256Hex(bytes) === meta.sha256)
        files.push({ meta, bytes })
      else
        problems.push({ kind: 'file_corrupt', id: meta.id, name: meta.name })
    }
    if (files.length !== listing.metas.length) {
      await this.writeManifest(files.map(f => f.meta.id), listing.revision)
      await this.kv.delMany(listing.metas.filter(m => !files.some(f => f.meta.id === m.id)).flatMap(m => [metaKey(m.id), blobKey(m.id)]))
    }
    return { revision: listing.revision, files, problems }
  }

  /** Stores files ahead of a commit; until a manifest names them they are not part of any data set. */
  async putFiles(files: StoredFile[]): Promise<void> {
    await this.kv.setMany(files.flatMap(f => [[metaKey(f.meta.id), f.meta], [blobKey(f.meta.id), f.bytes]] as Array<[string, unknown]>))
  }

  /** Makes `ids` the data set (one atomic write), then removes files no longer named. */
  async commit(ids: string[], revision: number): Promise<Manifest> {
    const m = await this.writeManifest(ids, revision)
    await this.collect(new Set(ids)).catch(() => {})
    return m
  }

  /** Removes every stored file the manifest does not name (left by an interrupted import). */
  async collect(keep?: Set<string>): Promise<void> {
    if (!keep) {
      const raw = await this.kv.get(MANIFEST)
      if (raw !== undefined && !isManifest(raw))
        return
      keep = new Set(isManifest(raw) ? raw.files : [])
    }
    const stale = (await this.kv.keys()).filter(k => (k.startsWith('meta:') || k.startsWith('blob:')) && !keep.has(k.slice(5)))
    if (stale.length)
      await this.kv.delMany(stale)
  }

  /** Removes files that were stored for an import that did not commit. */
  async discard(ids: string[]): Promise<void> {
    await this.kv.delMany(ids.flatMap(id => [metaKey(id), blobKey(id)]))
  }

  async clear(): Promise<void> {
    await this.kv.clear()
  }

  private async writeManifest(ids: string[], revision: number): Promise<Manifest> {
    const m: Manifest = { v: 1, revision, files: ids, savedAt: this.now() }
    await this.kv.set(MANIFEST, m)
    return m
  }
}
