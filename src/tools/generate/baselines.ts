// Reform baselines (改革前后对比): for each bundle, its member matters done one by one ("before")
// against the bundle ("after"). Most bundles meet the targets of seed 004 (materials −60%,
// time −70%, steps −80%, auto-fill ≥ 50%); a fixed share of them misses each one, chosen by
// quota rather than by chance so that even a small plan shows both kinds.

import type { Service } from './plan'
import { Rng, sample } from './prng'

export interface Baseline {
  bundle: string
  materialsBefore: number
  materialsAfter: number
  timeBeforeWd: number
  timeAfterWd: number
  stepsBefore: number
  stepsAfter: number
  tripsBefore: number
  tripsAfter: number
  feesBefore: number
  feesAfter: number
  formFields: number
  autoFields: number
  /** Statutory limit of the bundle's slowest path (法定时限), working days. */
  legalWd: number
}

/** Share of bundles missing each target. */
const MISS_SHARE = { materials: 0.2, time: 0.25, steps: 0.3, autoFill: 0.2, trips: 0.1 }

const FEES = [10, 20, 50, 80, 550]

function missing(rng: Rng, n: number, share: number): Set<number> {
  return sample(rng, n, n >= 2 ? Math.max(1, Math.round(n * share)) : 0)
}

/** One baseline per bundle (services that are single matters have none), in plan order. */
export function buildBaselines(seed: string | number, services: Service[]): Baseline[] {
  const rng = new Rng(seed, 'baselines')
  const bundles = services.filter(s => s.bundle !== null)
  const n = bundles.length
  const miss = {
    materials: missing(rng, n, MISS_SHARE.materials),
    time: missing(rng, n, MISS_SHARE.time),
    steps: missing(rng, n, MISS_SHARE.steps),
    autoFill: missing(rng, n, MISS_SHARE.autoFill),
    trips: missing(rng, n, MISS_SHARE.trips),
  }
  return bundles.map((s, i) => {
    let materials = 0
    let time = 0
    let steps = 0
    let trips = 0
    let fees = 0
    let fields = 0
    let slowest = 0
    for (const _ of s.members) {
      materials += rng.int(3, 7)
      const t = rng.int(3, 15)
      time += t
      slowest = Math.max(slowest, t)
      steps += rng.int(5, 7)
      trips += rng.int(1, 2)
      fields += rng.int(12, 30)
      if (rng.chance(0.2))
        fees += rng.pick(FEES)
    }
    const materialsAfter = miss.materials.has(i)
      ? Math.ceil(materials * rng.range(0.45, 0.7))
      : Math.max(1, Math.floor(materials * rng.range(0.15, 0.4)))
    let timeAfter = miss.time.has(i)
      ? Math.ceil(time * rng.range(0.35, 0.6))
      : Math.floor(time * rng.range(0.08, 0.3))
    // A short single-department service can become same-day (即办) once merged.
    if (!miss.time.has(i) && time <= 10 && rng.chance(0.5))
      timeAfter = 0
    const stepsAfter = miss.steps.has(i)
      ? Math.ceil(steps * rng.range(0.25, 0.5))
      : Math.max(1, Math.floor(steps * rng.range(0.1, 0.2)))
    const tripsAfter = miss.trips.has(i) ? trips : rng.chance(0.6) ? 0 : 1
    const formFields = Math.max(8, Math.round(fields * rng.range(0.45, 0.65)))
    const autoFields = miss.autoFill.has(i)
      ? Math.floor(formFields * rng.range(0.2, 0.45))
      : Math.ceil(formFields * rng.range(0.5, 0.8))
    return {
      bundle: s.bundle!,
      materialsBefore: materials,
      materialsAfter: Math.min(materialsAfter, materials),
      timeBeforeWd: time,
      timeAfterWd: Math.min(timeAfter, time),
      stepsBefore: steps,
      stepsAfter: Math.min(stepsAfter, steps),
      tripsBefore: trips,
      tripsAfter: Math.min(tripsAfter, trips),
      feesBefore: fees,
      feesAfter: fees > 0 && rng.chance(0.5) ? Math.round(fees * rng.pick([0, 0, 0.5])) : fees,
      formFields,
      autoFields: Math.min(autoFields, formFields),
      // Statutory limits are typically about twice the promised ones, and the bundle's
      // departments work in parallel: its slowest member's legal limit binds.
      legalWd: Math.max(timeAfter, slowest * 2),
    }
  })
}

/**
 * A service limit for a single matter of a matter-only plan, by its type: what such a
 * matter typically promises (public services same-day, licences within two weeks).
 */
export function matterBaseline(rng: Rng, matter: string): Baseline {
  const instant = /证明|查询|打印|备案|登记表/.test(matter) && rng.chance(0.6)
  const time = instant ? 0 : rng.int(1, 12)
  const materials = rng.int(2, 6)
  const fields = rng.int(10, 30)
  return {
    bundle: matter,
    materialsBefore: materials,
    materialsAfter: materials,
    timeBeforeWd: time,
    timeAfterWd: time,
    stepsBefore: 4,
    stepsAfter: 4,
    tripsBefore: 1,
    tripsAfter: rng.chance(0.5) ? 0 : 1,
    feesBefore: 0,
    feesAfter: 0,
    formFields: fields,
    autoFields: Math.floor(fields * rng.range(0.2, 0.6)),
    legalWd: Math.max(1, time * 2),
  }
}
