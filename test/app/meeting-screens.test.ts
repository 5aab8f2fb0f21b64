import { describe, expect, it } from 'vitest'
import { isMeetingScreen, MEETING_SCREENS, moveForKey, stepScreen } from '../../src/components/meeting/screens'

describe('meeting mode: keys and screens', () => {
  it('reads the keys a presentation clicker sends', () => {
    expect(moveForKey('PageDown')).toBe('next')
    expect(moveForKey('PageUp')).toBe('prev')
    expect(moveForKey('ArrowRight')).toBe('next')
    expect(moveForKey('ArrowLeft')).toBe('prev')
    expect(moveForKey(' ')).toBe('next')
    expect(moveForKey(' ', true)).toBe('prev')
    expect(moveForKey('Escape')).toBe('leave')
    expect(moveForKey('a')).toBeNull()
  })

  it('stops at either end instead of wrapping', () => {
    expect(stepScreen('headline', 'prev')).toBe('headline')
    expect(stepScreen('headline', 'next')).toBe('late')
    expect(stepScreen('reduction', 'next')).toBe('reduction')
    expect(stepScreen('late', 'last')).toBe(MEETING_SCREENS.at(-1))
    expect(stepScreen('reduction', 'first')).toBe('headline')
  })

  it('knows its screens by URL segment only', () => {
    expect(isMeetingScreen('rule1515')).toBe(true)
    expect(isMeetingScreen('toString')).toBe(false)
    expect(isMeetingScreen(undefined)).toBe(false)
  })
})
