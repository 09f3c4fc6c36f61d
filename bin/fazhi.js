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
// GBK consoles (Windows code page 936): a hint, or GBK output on request (see console-encoding.js).
const encoding = require('./console-encoding.js');
const streams = {
  platform: process.platform,
  env: process.env,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};
const output = encoding.consoleEncoding({
  ...streams,
  codePage: encoding.needsCodePage(streams) ? encoding.readCodePage() : null,
});
if (output.hint) process.stderr.write(output.hint);
const writeOut = output.stdout === 'gbk' ? encoding.gbkWriter(process.stdout) : (text) => process.stdout.write(text);
const writeErr = output.stderr === 'gbk' ? encoding.gbkWriter(process.stderr) : (text) => process.stderr.write(text);

// Node's start and loading the bundle, the same work on every run: how slow the machine is now.
const startupMs = performance.now();
cli
  .main(process.argv.slice(2), {
    stdout: (text) => {
      if (!stdoutClosed) writeOut(text);
    },
    stderr: writeErr,
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    startupMs,
  })
  .then((code) => {
    process.exitCode = code;
  });
