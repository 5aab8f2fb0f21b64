import type { BreakdownRow } from '../../evaluations/types'

/**
 * The three parts of a bar of bad reviews with a month chosen (domain §8a): the month's bad
 * reviews open past a limit, the month's other bad reviews, and the open overdue ones rated
 * in earlier months. The first two add up to the month's bad reviews; open_overdue (the stock)
 * is the first plus the last.
 */
export function badSegments(r: Pick<BreakdownRow, 'bad' | 'open_overdue' | 'carried_over'>): { overdue: number, other: number, carried: number } {
  const overdue = r.open_overdue - r.carried_over
  return { overdue, other: r.bad - overdue, carried: r.carried_over }
}
