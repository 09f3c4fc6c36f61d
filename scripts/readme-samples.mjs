#!/usr/bin/env node
// The README's sample outputs, from real runs. A sample is a fenced block after a marker:
//
//   <!-- sample: check reports/x.txt --no-color (first 12, last 3 lines) -->
//   <!-- sample-json: check reports/x.txt -->            (abridged: one item of every list)
//
// `node scripts/readme-samples.mjs` rewrites the blocks; `--check` exits 1 naming a stale one
// (test/readme-samples.test.ts runs it).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const README = path.join(ROOT, 'README.md');
const MARKER = /<!-- (sample|sample-json): (.+?)(?: \(first (\d+), last (\d+) lines\))? -->\n```(\w*)\n[\s\S]*?```/g;

function run(args) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/fazhi.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', COLUMNS: '200' },
  });
  if (r.status === 2 || r.error) throw new Error(`fazhi ${args.join(' ')}: ${r.stderr || r.error}`);
  return r.stdout;
}

/** One item of every list, with how many there were: the shape of the output, not its bulk. */
function abridge(value) {
  if (Array.isArray(value)) {
    const kept = value.slice(0, 1).map(abridge);
    return value.length > 1 ? [...kept, `… ${value.length - 1} more`] : kept;
  }
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, abridge(v)]));
  return value;
}

function sample(kind, command, first, last) {
  const args = command.split(/\s+/);
  if (kind === 'sample-json') return `${JSON.stringify(abridge(JSON.parse(run(args))), null, 2)}\n`;
  const lines = run(args).replace(/\n$/, '').split('\n');
  if (first === undefined || lines.length <= Number(first) + Number(last)) return `${lines.join('\n')}\n`;
  return `${[...lines.slice(0, Number(first)), '…', ...lines.slice(lines.length - Number(last))].join('\n')}\n`;
}

const text = readFileSync(README, 'utf8');
const stale = [];
const next = text.replace(MARKER, (block, kind, command, first, last, lang) => {
  const fresh = `<!-- ${kind}: ${command}${first !== undefined ? ` (first ${first}, last ${last} lines)` : ''} -->\n\`\`\`${lang}\n${sample(kind, command, first, last)}\`\`\``;
  if (fresh !== block) stale.push(command);
  return fresh;
});
if (process.argv.includes('--check')) {
  if (stale.length > 0) {
    console.error(`README 示例输出已过期（运行 node scripts/readme-samples.mjs）：${stale.join('；')}`);
    process.exit(1);
  }
} else if (next !== text) {
  writeFileSync(README, next);
  console.log(`✓ 已更新 README 示例输出 ${stale.length} 处`);
}
