// The entry is kept tiny so the engine starts before the app's code is evaluated: its worker
// fetches and compiles the .wasm on another core while the app (most of the JavaScript) loads
// and runs. Both imports are requested at once; the engine's is one small graph, so it is
// normally evaluated first. The app mounts whether or not the engine could start (a failure
// is shown when data is first analysed). When the last visit saved a warm start, the first
// page is drawn from saved answers and the engine waits for it (warm-start/engine-hint.ts).
import { startEngineSoon } from './app/engine-soon'
import { warmLikely } from './app/warm-start/engine-hint'

if (!warmLikely())
  startEngineSoon()
void import('./app/mount')
