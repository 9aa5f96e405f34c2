/** `YYYY-MM-DDThh:mm:ssZ`, the format Alibaba Cloud APIs use for times. */
export function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
