/**
 * Every machine error code the README documents can occur, each from a CLI scenario (the built
 * binary: run `npm run build` first), with the documented exit code. Input failures carry theirs
 * in the JSON output (`failures[].code`); errors that stop a run end their stderr line with `[code]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInput } from '../src/ingest/index.js';
import { INPUT_ERROR_CODES, InputError, RUN_ERROR_CODES, type ErrorCode } from '../src/shared/errors.js';
import { MINIMAL_PACK, ROOT, runCli } from './helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-codes-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const full = path.join(tmp, name);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  return full;
}

const TAOJIA = 'reports/taojia-2025.txt';
const REGEX_PACK = MINIMAL_PACK.replace('match: { phrases: [法治] }', 'match: { regex: "法治" }');

/** The CLI arguments that make each code happen (input codes: one unreadable input, with -f json). */
const SCENARIOS: Record<ErrorCode, () => string[]> = {
  'input-not-found': () => ['nope.txt'],
  // A folder is expanded to the reports in it, so the CLI never hands one to the reader (see below).
  'input-not-a-file': () => [],
  'input-too-large': () => [TAOJIA, '--max-size', '0.001'],
  // Linux: /proc/self/mem is a regular file whose first page cannot be read (EIO), even for root.
  'input-unreadable': () => ['/proc/self/mem'],
  'input-empty': () => [file('empty.txt', '')],
  'input-decode': () => [file('binary.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0, 0]))],
  'input-unsupported': () => [file('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))],
  'input-corrupt': () => ['test/fixtures/pdf/corrupt.pdf'],
  'input-encrypted': () => ['test/fixtures/pdf/encrypted.pdf'],
  'input-no-reports': () => [fs.mkdtempSync(path.join(tmp, 'empty-folder-'))],
  // A pack from outside the built-in set runs in a worker thread, which --timeout can stop.
  'input-timeout': () => [
    file('big.txt', '法治政府建设。'.repeat(1_000_000)),
    '-p',
    file('regex-pack.yaml', REGEX_PACK),
    '--timeout',
    '0.1',
    '--max-size',
    '100',
  ],
  usage: () => [TAOJIA, '--format', 'xml'],
  'pack-not-found': () => [TAOJIA, '-p', 'no-such-pack.yaml'],
  'pack-invalid': () => [TAOJIA, '-p', file('bad-pack.yaml', MINIMAL_PACK.replace('weight: 1\n', 'weight: heavy\n'))],
  'config-not-found': () => [TAOJIA, '--config', 'no-such-config.yaml'],
  'config-invalid': () => [TAOJIA, '--config', file('bad-config.yaml', 'fail_on: error\n')],
  'baseline-not-found': () => [TAOJIA, '--baseline', path.join(tmp, 'no-such-baseline.json')],
  'baseline-invalid': () => [TAOJIA, '--baseline', file('broken-baseline.json', '{"version": 9}')],
  'output-write': () => [TAOJIA, '-o', path.join(file('a-file', 'x'), 'out.json')],
  internal: () => [],
};

/** The README's table of codes: code → exit code. */
function documentedCodes(): Map<string, number> {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| [^|]+ \| `?(\d)`? \|$/gm)];
  return new Map(rows.map((m) => [m[1] as string, Number(m[2])]));
}

describe('error codes', () => {
  it('the README documents exactly the codes the code base has, each with exit code 2', () => {
    const documented = documentedCodes();
    expect([...documented.keys()].sort()).toEqual([...INPUT_ERROR_CODES, ...RUN_ERROR_CODES].sort());
    expect(new Set(documented.values())).toEqual(new Set([2]));
  });

  it('the JSON schema lists every input code for failures[].code', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs/result.schema.json'), 'utf8')) as {
      properties: { failures: { items: { properties: { code: { enum: string[] } } } } };
    };
    expect(schema.properties.failures.items.properties.code.enum).toEqual([...INPUT_ERROR_CODES]);
  });

  const inputCases = INPUT_ERROR_CODES.filter((c) => c !== 'input-not-a-file');
  it.each(inputCases)('%s: an unreadable input, reported in failures[].code, exit 2', (code) => {
    const r = runCli(['check', ...SCENARIOS[code](), '-f', 'json']);
    expect(r.code, r.stderr).toBe(2);
    const run = JSON.parse(r.stdout) as { failures: Array<{ code: string }>; gate: { reasons: string[] } };
    expect(run.failures.map((f) => f.code)).toEqual([code]);
    expect(run.gate.reasons).toContain('unreadable');
    // The human line on stderr stays as it was (input failures keep their code in the outputs).
    expect(r.stderr).not.toContain(`[${code}]`);
  });

  it('input-not-a-file: the reader refuses a folder (library readInput)', async () => {
    const error = await readInput(tmp).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('input-not-a-file');
  });

  const runCases = RUN_ERROR_CODES.filter((c) => c !== 'internal');
  it.each(runCases)('%s: stops the run, exit 2, its stderr lines end with the code', (code) => {
    const r = runCli(['check', ...SCENARIOS[code]()]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^fazhi: /);
    expect(r.stderr).toMatch(new RegExp(`\\[${code}\\]\\n$`));
    for (const line of r.stderr.trimEnd().split('\n')) expect(line.endsWith(`[${code}]`), line).toBe(true);
  });

  it('internal: an unexpected error is one line ending with [internal], exit 2', () => {
    // `rules docs` into a path that is a file: the file system error is not one fazhi expects.
    const r = runCli(['rules', 'docs', file('docs-target', 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fazhi: 内部错误：.* \[internal\]\n$/);
  });

  it('an input failure carries its code into SARIF (notification descriptor) and JUnit (suite property)', () => {
    const sarif = JSON.parse(runCli(['check', 'nope.txt', '-f', 'sarif']).stdout) as {
      runs: Array<{ invocations: Array<{ toolExecutionNotifications: Array<{ descriptor: { id: string } }> }> }>;
    };
    const notes = sarif.runs[0]?.invocations[0]?.toolExecutionNotifications ?? [];
    expect(notes.map((n) => n.descriptor.id)).toEqual(['input-not-found']);
    const junit = runCli(['check', 'nope.txt', '-f', 'junit']).stdout;
    expect(junit).toContain('<property name="code" value="input-not-found"/>');
  });
});
