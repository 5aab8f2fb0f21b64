/**
 * A stand-in for the origin-private file system (navigator.storage.getDirectory) in memory,
 * as far as src/app/warm-start/opfs.ts uses it; `lookups` counts the files looked up.
 */
type Node = Map<string, Node | string>

export class MemoryOpfs {
  readonly root: Node = new Map()
  lookups = 0

  /** Writes a file directly, as another tab or an earlier visit would have. */
  put(path: readonly string[], name: string, text: string): void {
    let dir = this.root
    for (const p of path) {
      if (!dir.has(p))
        dir.set(p, new Map())
      dir = dir.get(p) as Node
    }
    dir.set(name, text)
  }

  storage() {
    return { getDirectory: async () => this.handle(this.root) }
  }

  private handle(dir: Node): unknown {
    return {
      kind: 'directory',
      getDirectoryHandle: async (name: string, o?: { create?: boolean }) => {
        if (!dir.has(name)) {
          if (!o?.create)
            throw new DOMException('not found', 'NotFoundError')
          dir.set(name, new Map())
        }
        const d = dir.get(name)
        if (typeof d === 'string')
          throw new DOMException('a file', 'TypeMismatchError')
        return this.handle(d!)
      },
      getFileHandle: async (name: string, o?: { create?: boolean }) => {
        this.lookups++
        if (!dir.has(name)) {
          if (!o?.create)
            throw new DOMException('not found', 'NotFoundError')
          dir.set(name, '')
        }
        return {
          kind: 'file',
          getFile: async () => new File([dir.get(name) as string], name),
          createWritable: async () => {
            let text = ''
            return {
              write: async (d: string | Uint8Array) => {
                text += typeof d === 'string' ? d : new TextDecoder().decode(d)
              },
              close: async () => {
                dir.set(name, text)
              },
              abort: async () => {},
            }
          },
        }
      },
      removeEntry: async (name: string) => {
        dir.delete(name)
      },
      async* entries() {
        for (const [name, v] of dir)
          yield [name, { kind: typeof v === 'string' ? 'file' : 'directory' }]
      },
    }
  }
}
