#!/usr/bin/env node
'use strict';
// Starts the CLI; all logic lives in src/cli/main.ts, built by `npm run build` (tsc, then
// bundled into dist/bundle/cli.js and loaded with its code cache: see load-cli.js).
const { loadCli } = require('./load-cli.js');

// A reader that stops early (`fazhi check … | head`) closes the pipe: stop writing to it,
// finish the run (files still get written), and do not crash. (stdin is left to the reader of
// `-`: process.stdin costs a stream set up at start-up.)
let stdoutClosed = false;
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});

let cli;
try {
  cli = loadCli();
} catch (error) {
  if (error.code !== 'FAZHI_NOT_BUILT') throw error;
  process.stderr.write(`${error.message}\n`); // a checkout without `npm run build`: one line, exit 2
  process.exit(2);
}
cli
  .main(process.argv.slice(2), {
    stdout: (text) => {
      if (!stdoutClosed) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  })
  .then((code) => {
    process.exitCode = code;
  });
