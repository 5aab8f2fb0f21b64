import type { FileSlice } from '../table/parquet'
import type { ReadResult } from './types'
import { readParquetGrid } from '../table/parquet'
import { isParquet } from './formats'
import { unreadableIssue } from './reason'
import { plainGrid } from './sheet'

// The Parquet decoding itself is src/ingest/table/parquet.ts (hyparquet); this wraps it as a reader.
export async function readParquet(name: string, bytes: Uint8Array, slice?: FileSlice): Promise<ReadResult> {
  const fail = (e?: unknown): ReadResult => ({ grids: [], issues: [unreadableIssue(name, '不是有效的 Parquet 文件，或文件不完整', 'not a valid Parquet file, or the file is incomplete', e)] })
  // Both ends carry the magic "PAR1"; a cut-off download lacks the footer.
  if (bytes.length < 12 || !isParquet(bytes) || !isParquet(bytes.subarray(bytes.length - 4)))
    return fail()
  try {
    const { cells, canonical, firstRowNumber } = await readParquetGrid(bytes, slice)
    return { grids: [{ ...plainGrid({ fileName: name, cells, firstRowNumber }), canonical }], issues: [] }
  }
  catch (e) {
    return fail(e)
  }
}
