/** The month's story, in the order it is told in the review. Each id is a URL segment. */
export const MEETING_SCREENS = ['headline', 'late', 'departments', 'rule1515', 'reduction'] as const
export type MeetingScreen = typeof MEETING_SCREENS[number]

export function isMeetingScreen(s: unknown): s is MeetingScreen {
  return typeof s === 'string' && (MEETING_SCREENS as readonly string[]).includes(s)
}

export type MeetingMove = 'next' | 'prev' | 'first' | 'last' | 'leave'

/**
 * What a key press asks for. Presentation clickers send PageDown/PageUp (some send arrows, a
 * few "b" or "." for blanking, which is left to the projector); space advances as in slides.
 */
export function moveForKey(key: string, shift = false): MeetingMove | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case 'Enter':
      return 'next'
    case ' ':
    case 'Spacebar':
      return shift ? 'prev' : 'next'
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
      return 'prev'
    case 'Home':
      return 'first'
    case 'End':
      return 'last'
    case 'Escape':
      return 'leave'
    default:
      return null
  }
}

/** The screen a move lands on; it stops at either end rather than wrapping round. */
export function stepScreen(current: MeetingScreen, move: Exclude<MeetingMove, 'leave'>): MeetingScreen {
  const i = MEETING_SCREENS.indexOf(current)
  const last = MEETING_SCREENS.length - 1
  const to = move === 'next' ? Math.min(i + 1, last) : move === 'prev' ? Math.max(i - 1, 0) : move === 'first' ? 0 : last
  return MEETING_SCREENS[to]!
}
