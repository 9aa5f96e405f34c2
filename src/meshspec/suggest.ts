/** "Did you mean": the closest candidate by edit distance, ignoring case. */

/** Levenshtein distance where swapping two neighbouring letters also counts as one edit (a common typo). */
export function editDistance(a: string, b: string): number {
  let before: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, substitution)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, before[j - 2] + 1)
      current.push(best)
    }
    before = previous
    previous = current
  }
  return previous[b.length]
}

/** The candidate closest to `word`, if it is close enough to be a typo (about one edit per three letters). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  // Long junk keys cannot be typos of a spec key; skip them to keep hostile input cheap.
  if (word.length > 64) return undefined
  const lower = word.toLowerCase()
  const allowed = Math.max(1, Math.floor(word.length / 3))
  let best: string | undefined
  let bestDistance = allowed + 1
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - lower.length) >= bestDistance) continue
    const distance = editDistance(lower, candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}
