/** What a stretch of runs asked of the cloud emulator, from its call counts (callCounts()). */

export type CallCounts = Record<string, number>

/** Calls that change nothing; every other call changes the cloud. */
const READS = /^(Describe|List|AssumeRole)/

/** How many calls of each action arrived between two callCounts() readings. */
export function callsSince(before: CallCounts, after: CallCounts): CallCounts {
  return Object.fromEntries(
    Object.entries(after)
      .map(([action, n]): [string, number] => [action, n - (before[action] ?? 0)])
      .filter(([, n]) => n > 0)
  )
}

/** The calls that change the cloud, by action. */
export const writesIn = (calls: CallCounts): [string, number][] =>
  Object.entries(calls).filter(([action]) => !READS.test(action))

/** `sent: CreateServiceMesh ×1; reads (STS included): 3` */
export function describeCalls(calls: CallCounts): string {
  const reads = Object.entries(calls).reduce((sum, [action, n]) => sum + (READS.test(action) ? n : 0), 0)
  const writes = writesIn(calls).map(([action, n]) => `${action} ×${n}`)
  return `sent: ${writes.join(', ') || 'nothing'}; reads (STS included): ${reads}`
}
