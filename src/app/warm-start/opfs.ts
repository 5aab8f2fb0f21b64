/**
 * The origin-private file system, as far as the warm start needs it: files by path under
 * one folder of ours. Every function answers null/false where OPFS is missing (older
 * browsers, private windows, Node) instead of throwing, so callers simply load cold.
 */
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

export async function readFile(path: readonly string[], name: string): Promise<File | null> {
  const dir = await folder(path, false)
  try {
    return dir ? await (await dir.getFileHandle(name)).getFile() : null
  }
  catch {
    return null
  }
}

/** Written whole or not at all: a writable stream only replaces the file when it is closed. */
export async function writeFile(path: readonly string[], name: string, data: Uint8Array | string): Promise<boolean> {
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
  const dir = await folder(path, false)
  await dir?.removeEntry(name, { recursive: true }).catch(() => {})
}
