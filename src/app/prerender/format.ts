import type { LoadIssue } from '../../ingest/table/issues'
import type { SavedHead } from '../warm-start/head'

/**
 * The build's first page of an embedded data set (prerender/): what a warm start would have
 * saved, made in Node from the same files with the same code and engine.
 * - `inputs`: key.ts `inputsKey` of the settings, fallback year, calendar years, SQL and
 *   schema it was computed under; a visit under any other uses none of it.
 * - `counts`: the big tables' rows, which the visit decodes from the files behind the first page.
 * - `coverage`: the Analysis's calendar-coverage issues (they read every log row).
 */
export interface PrerenderHead extends SavedHead {
  inputs: string
  counts: Record<string, number>
  coverage: LoadIssue[]
}

/** The head as JSON, and the answers as a saved answers file's text (warm-start/answer-lines.ts). */
export interface Prerender { head: string, answers: string }
