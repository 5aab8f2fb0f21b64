// `node --import tsx main.ts <data dir>`: the build's first page of one embedded data set, as
// JSON on stdout (vite-plugin.ts runs this in a process of its own: the config's bundler cannot
// load the app's modules, and a failure here must not take the build with it).
import { makePrerender } from './make'

const dir = process.argv[2]
if (!dir) {
  console.error('usage: main.ts <data dir>')
  process.exit(2)
}
process.stdout.write(JSON.stringify(await makePrerender(dir)))
