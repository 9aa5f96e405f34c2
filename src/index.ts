import { run } from './main.js'

// Keep-alive sockets of the HTTP clients must not hold the step open once the work is done.
void run().then(() => process.exit())
