#!/usr/bin/env node
// Starts the CLI; all logic lives in dist/cli/main.js (built from src/ by `npm run build`).
import { main } from '../dist/cli/main.js';

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
