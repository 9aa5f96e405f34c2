/** Order statistics of a set of measurements. */
export interface Spread {
  median: number
  min: number
  max: number
  count: number
}

export function spread(values: number[]): Spread {
  if (values.length === 0) throw new Error('no measurements to summarise')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  return { median, min: sorted[0], max: sorted[sorted.length - 1], count: sorted.length }
}
