/**
 * The origin-private file system, as far as the warm start needs it: files by path under
 * one folder of ours. Every function answers null/false where OPFS is missing (older
 * browsers, private windows, Node) instead of throwing, so callers simply load cold.
 */
import { markStart } from './marks'

const ROOT = 'duban-warm'

async function folder(path: readonly string[], create: boolean): Promise<FileSystemDirectoryHandle | null> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory)
      return null
    let dir = await navigator.storage.getDirectory()
    for (const name of [ROOT, ...path])
      dir = await dir.getDirectoryHandle(name, { create })
    return dir
  }
  catch {
    return null
  }
}

async function readNow(path: readonly string[], name: string): Promise<File | null> {
  const dir = await folder(path, false)
  try {
    return dir ? await (await dir.getFileHandle(name)).getFile() : null
  }
  catch {
    return null
  }
}

/**
 * Reads begun ahead (`readAhead`), each handed to the first caller that asks for that file
 * (its File, its text or its bytes, each once). Any write or removal drops those not yet
 * taken: they may be of what it changes.
 */
const ahead = { file: new Map<string, Promise<File | null>>(), text: new Map<string, Promise<string | null>>(), bytes: new Map<string, Promise<ArrayBuffer | null>>() }
const idOf = (path: readonly string[], name: string) => [...path, name].join('/')

/** The files whose read ahead was taken, on the root element (`data-duban-ahead`) for the browser test. */
const taken = new Set<string>()

function take<T>(map: Map<string, Promise<T>>, path: readonly string[], name: string): Promise<T> | undefined {
  const id = idOf(path, name)
  const early = map.get(id)
  map.delete(id)
  if (early) {
    taken.add(name)
    markStart('ahead', [...taken].sort().join(' '))
  }
  return early
}

/**
 * Starts reading a file now, so that the first `readFile` of it (and, as asked, the first
 * `readText` or `readBytes`) finds it read. Each read is several round trips to the browser,
 * and once the app's code runs each waits behind the page's long tasks; begun by the entry,
 * they are done before those.
 */
export function readAhead(path: readonly string[], name: string, content?: 'text' | 'bytes'): void {
  const file = readNow(path, name)
  const id = idOf(path, name)
  ahead.file.set(id, file)
  if (content === 'text')
    ahead.text.set(id, file.then(f => f?.text() ?? null).catch(() => null))
  if (content === 'bytes')
    ahead.bytes.set(id, file.then(f => f?.arrayBuffer() ?? null).catch(() => null))
}

export function readFile(path: readonly string[], name: string): Promise<File | null> {
  return take(ahead.file, path, name) ?? readNow(path, name)
}

/** A file's text, or null where there is none (or it cannot be read). */
export async function readText(path: readonly string[], name: string): Promise<string | null> {
  const early = take(ahead.text, path, name)
  if (early) {
    take(ahead.file, path, name)
    return early
  }
  return (await readFile(path, name))?.text().catch(() => null) ?? null
}

/** A file's bytes (of `found`, its File if the caller has it), or null where there is none (or it cannot be read). */
export async function readBytes(path: readonly string[], name: string, found?: File): Promise<ArrayBuffer | null> {
  return take(ahead.bytes, path, name) ?? (found ?? await readNow(path, name))?.arrayBuffer().catch(() => null) ?? null
}

function dropAhead(): void {
  for (const map of Object.values(ahead))
    map.clear()
}

export async function writeFile(path: readonly string[], name: string, data: Uint8Array | string): Promise<boolean> {
  dropAhead()
  const dir = await folder(path, true)
  if (!dir)
    return false
  const writable = await (await dir.getFileHandle(name, { create: true })).createWritable()
  try {
    await writable.write(data as FileSystemWriteChunkType)
    await writable.close()
    return true
  }
  catch (e) {
    await writable.abort().catch(() => {})
    throw e
  }
}

/** The sub-folders of `path`, each with the time its `marker` file was last written (0 if it has none). */
export async function listFolders(path: readonly string[], marker: string): Promise<Array<{ name: string, written: number }>> {
  const dir = await folder(path, false)
  if (!dir)
    return []
  const out: Array<{ name: string, written: number }> = []
  for await (const [name, handle] of (dir as unknown as { entries: () => AsyncIterable<[string, FileSystemHandle]> }).entries()) {
    if (handle.kind !== 'directory')
      continue
    const file = await readFile([...path, name], marker)
    out.push({ name, written: file?.lastModified ?? 0 })
  }
  return out
}

export async function removeFolder(path: readonly string[], name: string): Promise<void> {
  dropAhead()
  const dir = await folder(path, false)
  await dir?.removeEntry(name, { recursive: true }).catch(() => {})
}
