// The distinct keys of a table's rows, found by a hash of their text in a typed table. A Map
// of a million ids fresh from an import (each string hashed and stored by the engine's own
// hash table) took ~0.5 s of the page per table, every report; FNV-1a by hand into an
// open-addressed Int32Array takes ~0.08 s (Node, 1M ids). Equal hashes are told apart by the
// text itself, so the answers are exactly a Map's.

type Rows = ReadonlyArray<ReadonlyArray<string | null>>

/** 32-bit FNV-1a over the UTF-16 code units. */
export function hashText(s: string): number {
  let h = 0x811C9DC5 | 0
  for (let i = 0; i < s.length; i++)
    h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h
}

export class KeyIndex {
  private readonly slots: Int32Array
  private readonly mask: number
  private readonly hashes: Int32Array

  /** An empty index over `rows` (read, never changed), keyed by column `col`. */
  constructor(private readonly rows: Rows, private readonly col: number) {
    let size = 16
    while (size < rows.length * 2)
      size *= 2
    this.slots = new Int32Array(size).fill(-1)
    this.mask = size - 1
    this.hashes = new Int32Array(rows.length)
  }

  /** Adds row `i` (its key not null): -1 when its key is new, else the row that has it already. */
  add(i: number): number {
    const key = this.rows[i]![this.col]!
    const h = hashText(key)
    this.hashes[i] = h
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const at = this.slots[s]!
      if (at === -1) {
        this.slots[s] = i
        return -1
      }
      if (this.hashes[at] === h && this.rows[at]![this.col] === key)
        return at
    }
  }

  has(key: string): boolean {
    const h = hashText(key)
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const at = this.slots[s]!
      if (at === -1)
        return false
      if (this.hashes[at] === h && this.rows[at]![this.col] === key)
        return true
    }
  }
}
