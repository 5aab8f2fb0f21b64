/**
 * Font subsetting with HarfBuzz's subsetter compiled to WebAssembly (harfbuzzjs ships the
 * .wasm). The caller supplies the module's bytes — fetched in the browser, read from disk
 * in Node — so this file stays free of platform APIs and runs in both.
 */

interface HbExports {
  memory: WebAssembly.Memory
  _initialize?: () => void
  malloc: (n: number) => number
  free: (p: number) => void
  hb_blob_create: (data: number, length: number, mode: number, user: number, destroy: number) => number
  hb_blob_destroy: (b: number) => void
  hb_blob_get_data: (b: number, lengthPtr: number) => number
  hb_blob_get_length: (b: number) => number
  hb_face_create: (blob: number, index: number) => number
  hb_face_destroy: (f: number) => void
  hb_face_reference_blob: (f: number) => number
  hb_set_add: (set: number, v: number) => void
  hb_set_clear: (set: number) => void
  hb_set_invert: (set: number) => void
  hb_subset_input_create_or_fail: () => number
  hb_subset_input_destroy: (i: number) => void
  hb_subset_input_set: (i: number, which: number) => number
  hb_subset_input_unicode_set: (i: number) => number
  hb_subset_or_fail: (face: number, input: number) => number
}

const HB_MEMORY_MODE_WRITABLE = 2
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6

export type SfntSubsetter = (sfnt: Uint8Array, text: string) => Uint8Array

/** Instantiates harfbuzz-subset.wasm and returns a subsetter: sfnt in, sfnt with only `text`'s glyphs out. */
export async function harfbuzzSubsetter(wasm: Uint8Array | ArrayBuffer): Promise<SfntSubsetter> {
  const { instance } = await WebAssembly.instantiate(wasm as BufferSource, {})
  const hb = instance.exports as unknown as HbExports
  hb._initialize?.()
  // Memory may grow during a subset, detaching older views: take a fresh one each time.
  const heap = () => new Uint8Array(hb.memory.buffer)
  return (sfnt, text) => {
    const input = hb.hb_subset_input_create_or_fail()
    if (input === 0)
      throw new Error('harfbuzz: cannot create a subset input')
    const buf = hb.malloc(sfnt.byteLength)
    heap().set(sfnt, buf)
    const blob = hb.hb_blob_create(buf, sfnt.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0)
    const face = hb.hb_face_create(blob, 0)
    hb.hb_blob_destroy(blob)
    try {
      // Keep every layout feature (vertical forms, punctuation widths), as hb-subset's `*`.
      const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG)
      hb.hb_set_clear(features)
      hb.hb_set_invert(features)
      const unicodes = hb.hb_subset_input_unicode_set(input)
      for (const c of text)
        hb.hb_set_add(unicodes, c.codePointAt(0)!)
      const subset = hb.hb_subset_or_fail(face, input)
      if (subset === 0)
        throw new Error('harfbuzz: subsetting failed')
      const result = hb.hb_face_reference_blob(subset)
      const at = hb.hb_blob_get_data(result, 0)
      const out = heap().slice(at, at + hb.hb_blob_get_length(result))
      hb.hb_blob_destroy(result)
      hb.hb_face_destroy(subset)
      if (out.byteLength === 0)
        throw new Error('harfbuzz: empty subset')
      return out
    }
    finally {
      hb.hb_subset_input_destroy(input)
      hb.hb_face_destroy(face)
      hb.free(buf)
    }
  }
}
