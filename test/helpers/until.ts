import { expect } from 'vitest'

/** Waits (up to ~4 s) until `ok()` holds, then asserts it: for answers that arrive on their own. */
export async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !ok(); i++)
    await new Promise(r => setTimeout(r, 10))
  expect(ok()).toBe(true)
}
