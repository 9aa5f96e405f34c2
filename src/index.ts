import { run } from './main.js'

await run()
// Keep-alive sockets of the HTTP clients must not hold the step open once the work is done.
process.exit()
