// The entry is kept tiny so the engine starts before the app's code is evaluated: its worker
// fetches and compiles the .wasm on another core while the app (most of the JavaScript) loads
// and runs. Both imports are requested at once; the engine's is one small graph, so it is
// normally evaluated first. The app mounts whether or not the engine could start (a failure
// is shown when data is first analysed). When the last visit saved a warm start, the first
// page is drawn from saved answers and the engine waits for it (warm-start/engine-hint.ts); so
// it does on a first visit to the demo, drawn from the answers the build computed (prerender/).
import { startEngineSoon } from './app/engine-soon'
import { firstPageLikely } from './app/prerender'
import { warmHint } from './app/warm-start/engine-hint'
import { readWarmAhead } from './app/warm-start/read-ahead'

const hint = warmHint()
if (hint) {
  readWarmAhead(hint)
  // What builds the Analysis from those files: its modules come while the app's load and run.
  // A failure here shows (or not) when the app itself asks for the same modules.
  import('./app/engine').then(m => m.preloadAnalysis()).catch(() => {})
}
else if (!firstPageLikely(location.hash)) {
  startEngineSoon()
}
// The saved copy of the data set is looked up (or else its files requested) while the rest of
// the app loads: a lookup begun once the app mounts waits behind the mount's long task.
import('./app/embedded').then(m => m.prefetchEmbedded(location.hash)).catch(() => {})
void import('./app/mount')
