import type { Machine } from './machine'
import type { ScaleResult } from '../node/scale'
import type { BrowserResult } from '../browser/measure'

export interface ReportTiming {
  scale: number
  month: string
  /** Wall-clock seconds of `duban report` for one month, or null when it failed. */
  seconds: number | null
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
