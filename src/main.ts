import * as core from '@actions/core'
import { readSettings } from './settings.js'

export async function run(): Promise<void> {
  try {
    const settings = readSettings()
    core.info(`spec: ${settings.specPath} (mode ${settings.mode})`)
  } catch (error) {
    core.setFailed((error as Error).message)
  }
}
