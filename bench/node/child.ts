// Entry of one scale's child process: options as JSON in argv[2], the result as JSON to the
// file argv[3], progress on stderr. Started by bench/run.ts with a larger heap.
import type { ScaleOptions } from './scale'
import { writeFileSync } from 'node:fs'
import { runScale } from './scale'

const opts = JSON.parse(process.argv[2]!) as ScaleOptions
const result = await runScale(opts, s => process.stderr.write(`  ${s}\n`))
writeFileSync(process.argv[3]!, JSON.stringify(result))
// The WASM engine keeps handles open; the result is written, so end here.
process.exit(0)
