// Axis helpers shared by the month trends.

/**
 * A month tick short enough for twelve to sit side by side on a projector: "3月", with the
 * year under the first month and under each January ("1月\n2025年"); "Mar" in English.
 */
export function monthTick(value: string, index: number, zh: boolean): string {
  const [y, m] = value.split('-')
  const month = zh ? `${Number(m)}月` : new Date(Date.UTC(Number(y), Number(m) - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' })
  return index === 0 || m === '01' ? `${month}\n${zh ? `${y}年` : y}` : month
}

/**
 * Lower end of a rate axis (per cent): the tens below the lowest rate, so rates of 94–98% do
 * not lie flat along the top of a 0–100 axis. The axis labels say where it starts.
 */
export function rateAxisMin(values: Array<number | null>): number {
  const v = values.filter((x): x is number => x !== null)
  return v.length ? Math.max(0, Math.floor(Math.min(...v) / 10) * 10 - (Math.min(...v) % 10 === 0 ? 10 : 0)) : 0
}
