/**
 * One knob for tests: every duration the action waits for or gives up after (call timeouts, backoff,
 * polling, how long it looks for a mesh after a create of unknown outcome, how long it waits for another
 * run) passes through `scaled`. The end-to-end suites set ASM_ACTION_TEST_TIME_SCALE (e.g. 0.01) so a
 * scenario that takes minutes for real (a create answered after 40 s, five minutes of looking) runs in
 * seconds with the same logic. Read here and nowhere else; only values in (0, 1] count, so the knob can
 * shorten waits but never stretch them.
 */

export const TIME_SCALE_VARIABLE = 'ASM_ACTION_TEST_TIME_SCALE'

function readScale(text: string | undefined): number {
  const value = Number(text)
  return text !== undefined && text.trim() !== '' && value > 0 && value <= 1 ? value : 1
}

/** The factor in effect for this process: 1 unless the test knob is set. */
export const TIME_SCALE = readScale(process.env[TIME_SCALE_VARIABLE])

/** `ms` shortened by the test knob; at least 1 ms, so a scaled wait is never a busy loop. */
export const scaled = (ms: number): number =>
  TIME_SCALE === 1 ? ms : Math.max(1, Math.round(ms * TIME_SCALE))
