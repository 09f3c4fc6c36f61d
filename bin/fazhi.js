#!/usr/bin/env node
// Starts the CLI; all logic lives in src/cli/main.ts, built by `npm run build` (tsc, then
// bundled into dist/bundle/: a few modules load faster than ~80).
import { main } from '../dist/bundle/cli/main.js';

// A reader that stops early (`fazhi check … | head`) closes the pipe: stop writing to it,
// finish the run (files still get written), and do not crash.
let stdoutClosed = false;
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});

const code = await main(process.argv.slice(2), {
  stdout: (text) => {
    if (!stdoutClosed) process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
