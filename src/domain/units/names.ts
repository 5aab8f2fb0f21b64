/**
 * Names that may mean one unit ("区人社局" / "区人社委", "各市人民政府" / "各市政府",
 * "区市场监管局" / "区市场监督局"). They are only shown to the user, never merged: "区人社局"
 * and "区人力资源社会保障局" are one unit no rule can see, while "市医保局" / "市社保局", one
 * character apart, are two units: only a person can tell.
 */

export type NearReason = 'suffix' | 'edit'

export interface NearGroup {
  names: string[]
  reasons: NearReason[]
}

// Endings that vary for one unit: 局/委/办, 人民政府/政府, 管委会/管理委员会.
const SUFFIX = /(?:人民政府|政府|管理委员会|管委会|委员会|办公室|办|局|委|厅|中心)$/

/** The name without its kind-of-office ending, and "人民" dropped: the part that identifies it. */
export function unitStem(name: string): string {
  return name.replace(SUFFIX, '').replace(/人民/g, '')
}

const LEVELS = new Set(['省', '市', '区', '县', '镇', '乡', '州', '盟', '旗'])

/**
 * True when a and b differ by one inserted, deleted or replaced character — except one
 * administrative level swapped for another ("市人社局" / "区人社局" are two units).
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1)
    return false
  const x = [...a]
  const y = [...b]
  let i = 0
  while (i < x.length && i < y.length && x[i] === y[i])
    i++
  let j = 0
  while (j < x.length - i && j < y.length - i && x[x.length - 1 - j] === y[y.length - 1 - j])
    j++
  const dx = x.slice(i, x.length - j)
  const dy = y.slice(i, y.length - j)
  if (dx.length > 1 || dy.length > 1)
    return false
  return !(dx.length === 1 && dy.length === 1 && LEVELS.has(dx[0]!) && LEVELS.has(dy[0]!))
}

/** Minimum length for the one-character rule: shorter names differ by one character too often. */
export const EDIT_MIN_LENGTH = 4
/**
 * One character replaced needs longer names: among four-character names it is mostly two
 * real units ("区商务局" / "区水务局", "市商务局" / "市税务局" in the Hedong and Xinxiang plans),
 * while one added or dropped ("区数据局" / "区大数据局", "交通运输局" / "市交通运输局") is mostly one.
 */
export const REPLACE_MIN_LENGTH = 5

/**
 * Groups of distinct names that may be one unit: same stem once the ending is set aside
 * (stem of at least two characters), or one character apart: added or dropped on names of
 * four or more characters, replaced on names of five or more.
 * Groups are connected: a ~ b and b ~ c put a, b, c together.
 */
export function findNearDuplicates(names: Iterable<string>): NearGroup[] {
  const list = [...new Set(names)].filter(n => n !== '').sort((a, b) => a.localeCompare(b, 'zh'))
  const parent = list.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  const reasons = new Map<number, Set<NearReason>>()
  const join = (a: number, b: number, why: NearReason) => {
    const ra = find(a)
    const rb = find(b)
    const set = new Set([...(reasons.get(ra) ?? []), ...(reasons.get(rb) ?? []), why])
    parent[rb] = ra
    reasons.set(ra, set)
  }
  const byStem = new Map<string, number>()
  list.forEach((n, i) => {
    const stem = unitStem(n)
    if ([...stem].length < 2 || stem === n)
      return
    const other = byStem.get(stem)
    if (other === undefined)
      byStem.set(stem, i)
    else
      join(other, i, 'suffix')
  })
  // Names that are their own stem ("区残联") still meet a suffixed spelling of it.
  list.forEach((n, i) => {
    const other = byStem.get(n)
    if (other !== undefined && other !== i && [...n].length >= 2)
      join(other, i, 'suffix')
  })
  for (let a = 0; a < list.length; a++) {
    if ([...list[a]!].length < EDIT_MIN_LENGTH)
      continue
    for (let b = a + 1; b < list.length; b++) {
      const la = [...list[a]!].length
      const lb = [...list[b]!].length
      if (lb >= EDIT_MIN_LENGTH && (la !== lb || la >= REPLACE_MIN_LENGTH) && oneEditApart(list[a]!, list[b]!))
        join(a, b, 'edit')
    }
  }
  const groups = new Map<number, string[]>()
  list.forEach((n, i) => {
    const r = find(i)
    groups.set(r, [...(groups.get(r) ?? []), n])
  })
  return [...groups.entries()]
    .filter(([, g]) => g.length > 1)
    .map(([r, g]) => ({ names: g, reasons: [...(reasons.get(r) ?? [])].sort() }))
}
