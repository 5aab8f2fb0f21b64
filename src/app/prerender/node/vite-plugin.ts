import type { Plugin, ResolvedConfig } from 'vite'
import type { Prerender } from '../format'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const ID = 'virtual:duban-prerender'
const RESOLVED = `\0${ID}`
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url))

/**
 * `virtual:duban-prerender`: for each named data set of data/, the URLs of its first page as
 * the build computed it (format.ts), emitted as assets whose names carry their content's hash
 * — so a visit can never pair one build's data with another's answers. Empty in the dev
 * server and in tests, and for a data set whose first page could not be made (the build
 * says why and goes on: the visit then draws from the engine).
 */
export function prerender(options: { root: string, datasets: readonly string[] }): Plugin {
  let config: ResolvedConfig
  /** Made in Node processes of their own (main.ts), begun with the build so they run beside its transforms. */
  let making: Array<Promise<{ name: string, made: Prerender | null, error?: string }>> = []
  return {
    name: 'duban-prerender',
    configResolved(c) {
      config = c
    },
    buildStart() {
      if (config.command !== 'build' || process.env.VITEST)
        return
      making = options.datasets.filter(name => existsSync(`${options.root}/data/${name}/dataset.json`)).map(async (name) => {
        try {
          const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', MAIN, `${options.root}/data/${name}`], { cwd: options.root, maxBuffer: 1 << 28, encoding: 'utf8' })
          return { name, made: JSON.parse(stdout) as Prerender }
        }
        catch (e) {
          return { name, made: null, error: String(e).split('\n')[0] }
        }
      })
    },
    resolveId: {
      filter: { id: new RegExp(`^${ID}$`) },
      handler: () => RESOLVED,
    },
    load: {
      filter: { id: new RegExp(`^\\0${ID}$`) },
      async handler() {
        const entries: string[] = []
        for (const { name, made, error } of await Promise.all(making)) {
          if (!made) {
            this.warn(`no first page for data/${name}: ${error}`)
            continue
          }
          // Reference ids of the emitted files, turned into their URLs by the bundler.
          const head = this.emitFile({ type: 'asset', name: `prerender-${name}.json`, source: made.head })
          const answers = this.emitFile({ type: 'asset', name: `prerender-${name}-answers.txt`, source: made.answers })
          entries.push(`${JSON.stringify(name)}: { head: import.meta.ROLLUP_FILE_URL_${head}, answers: import.meta.ROLLUP_FILE_URL_${answers} }`)
        }
        return `export default {${entries.join(', ')}}`
      },
    },
  }
}
