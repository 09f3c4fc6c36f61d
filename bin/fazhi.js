#!/usr/bin/env node
// Starts the CLI; all logic lives in dist/cli/main.js (built from src/ by `npm run build`).
import { main } from '../dist/cli/main.js';

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
