import type { Machine } from './machine'
import type { ScaleResult } from '../node/scale'
import type { BrowserResult } from '../browser/measure'

export interface ReportTiming {
  scale: number
  month: string
  /** Wall-clock seconds of `duban report` for one month (the median of `runs`), or null when it failed. */
  seconds: number | null
  /** Each run's seconds, in order: single runs on this machine move by ±20 %. */
  runs?: number[]
  error: string | null
}

export interface BenchResults {
  mode: 'quick' | 'full'
  machine: Machine
  seconds: number
  scales: ScaleResult[]
  scaleErrors: Array<{ scale: number, error: string }>
  browser: BrowserResult | null
  browserError: string | null
  report: ReportTiming | null
}
