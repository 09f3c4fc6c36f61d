import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSource } from '../src/report/pipeline.js';
import { parseDocument } from '../src/document/parse.js';
import { FazhiError } from '../src/shared/errors.js';
import { decodeText } from '../src/ingest/decode.js';
import { pickAdapter, type SourceText } from '../src/ingest/index.js';
import { loadPackFile } from '../src/packs/load.js';
import { loadConfig } from '../src/config/load.js';
import { builtinRules, MINIMAL_PACK, ROOT, runCli } from './helpers.js';

const rules = builtinRules();
let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-robust-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Report-like text: headings, Chinese, numbers, punctuation, chrome and artefacts, mixed at random. */
const reportish = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.constantFrom(
        '一、主要举措和成效',
        '（一）',
        '二是',
        '1.',
        '存在的问题及下一步工作打算',
        '调解成功率98%',
        '[bookmark: _GoBack]',
        '百分之九十八',
        '1,234件',
        '2万余',
        '账号+密码登录',
        '\r',
        '\t',
        '　',
        '<b>',
      ),
      fc.string({
        unit: fc.constantFrom(
          ...'一二三四五六七八九十百千万零两、，。；：（）()%0123456789余件次调解成功率法治'.split(''),
        ),
        maxLength: 40,
      }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(fc.sample(fc.constantFrom('\n', '', '。'), 1)[0] ?? ''));

const NUM_RUNS = 2500; // × 4 properties = 10,000 generated cases per run

describe('never throws, whatever the input', { timeout: 120_000 }, () => {
  it('the whole pipeline on arbitrary report-like text', async () => {
    await fc.assert(
      fc.asyncProperty(reportish, async (text) => {
        const r = await checkSource({ file: 'x.txt', format: 'text', encoding: null, text }, rules);
        expect(r.findings).toHaveLength(rules.rules.length);
        expect(r.score.total).toBeGreaterThanOrEqual(0);
        expect(r.score.total).toBeLessThanOrEqual(100);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the whole pipeline on arbitrary Unicode', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) => {
        const r = await checkSource({ file: 'x.txt', format: 'text', encoding: null, text }, rules);
        expect(r.findings).toHaveLength(rules.rules.length);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('reading arbitrary bytes: a text or a clear input error, never a crash', async () => {
    const outcomes = { read: 0, error: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom('x.txt', 'x.docx', 'x.pdf', 'x.html', 'x.doc'),
        async (bytes, name) => {
          let source: SourceText;
          try {
            source = await pickAdapter(name, bytes).read(bytes, name);
          } catch (e) {
            expect(e).toBeInstanceOf(FazhiError);
            expect((e as FazhiError).message).not.toContain('\n');
            outcomes.error++;
            return;
          }
          // Whatever was read is checked without an error: a report with every rule and a score.
          const r = await checkSource(source, rules);
          expect(r.findings).toHaveLength(rules.rules.length);
          expect(r.score.total).toBeGreaterThanOrEqual(0);
          expect(r.score.total).toBeLessThanOrEqual(100);
          outcomes.read++;
        },
      ),
      { numRuns: NUM_RUNS },
    );
    // Both ways out were taken: random bytes as .txt often decode, as .docx or .pdf never.
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.error).toBeGreaterThan(0);
  });

  it('pack and config loaders on arbitrary YAML: a located error, never a crash', () => {
    const file = path.join(tmp, 'fuzz.yaml');
    const outcomes: Record<string, { loaded?: number; error?: number }> = {};
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.constantFrom(MINIMAL_PACK).chain((p) => fc.nat(p.length).map((n) => p.slice(0, n))),
        ),
        (text) => {
          fs.writeFileSync(file, text);
          for (const load of [loadPackFile, loadConfig]) {
            let loaded: unknown;
            try {
              loaded = load(file);
            } catch (e) {
              expect(e).toBeInstanceOf(FazhiError);
              expect((e as FazhiError).file).toBe(file.split(path.sep).join('/'));
              outcomes[load.name] = { ...outcomes[load.name], error: (outcomes[load.name]?.error ?? 0) + 1 };
              continue;
            }
            expect(loaded).toBeTypeOf('object');
            outcomes[load.name] = { ...outcomes[load.name], loaded: (outcomes[load.name]?.loaded ?? 0) + 1 };
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
    // The whole minimal pack loads, most cut-off copies do not: both ways out were taken.
    expect(outcomes.loadPackFile?.loaded).toBeGreaterThan(0);
    expect(outcomes.loadPackFile?.error).toBeGreaterThan(0);
    expect(outcomes.loadConfig?.error).toBeGreaterThan(0);
  });
});

describe('extreme shapes', { timeout: 120_000 }, () => {
  it('10,000 nested headings', async () => {
    const markers = ['一、', '（一）', '一是', '1.'];
    const text = Array.from({ length: 10_000 }, (_, i) => `${markers[i % 4]}标题${i}`).join('\n');
    const r = await checkSource({ file: 'deep.txt', format: 'text', encoding: null, text }, rules);
    expect(r.findings).toHaveLength(rules.rules.length);
  });

  it('a 10 MB line with no break', async () => {
    const line = '全面落实行政执法三项制度，调解成功率98%，'.repeat(500_000).slice(0, 10 * 1024 * 1024);
    const doc = parseDocument({ file: 'line.txt', format: 'text', encoding: null, text: line });
    expect(doc.lines).toHaveLength(1);
    const r = await checkSource({ file: 'line.txt', format: 'text', encoding: null, text: line }, rules);
    expect(r.findings.find((f) => f.ruleId === 'enforcement/three-systems')?.status).toBe('pass');
  });

  it('decodes 1 MB of random bytes to text or a clear error', () => {
    const bytes = new Uint8Array(1024 * 1024).map((_, i) => (i * 7919 + 13) % 256);
    expect(() => decodeText(bytes, 'noise.bin')).toThrow(FazhiError);
    expect(() => decodeText(bytes, 'noise.bin')).toThrow('不是文本文件（疑似二进制文件）');
  });
});

describe('safe packs', () => {
  const evil = MINIMAL_PACK.replace(
    'check: { type: mention, match: { phrases: [法治] } }',
    'check: { type: mention, match: { regex: "(法治|法治建设)*完成$" } }',
  );

  it('a regex that can backtrack catastrophically is rejected when the pack loads, with file:line:col', () => {
    const file = path.join(tmp, 'evil.yaml');
    fs.writeFileSync(file, evil);
    const r = runCli(['check', 'reports/taojia-2025.txt', '--pack', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /evil\.yaml:16:\d+ rules\.demo\/hello\.check\.match\.regex: regex can backtrack catastrophically \(ReDoS/,
    );
    expect(runCli(['rules', 'validate', file]).code).toBe(2);
  });

  it('a check over its time budget is stopped and reported; the other files are still checked', () => {
    const big = path.join(tmp, 'big.txt');
    fs.writeFileSync(big, fs.readFileSync(path.join(ROOT, 'reports/xuantan-2024.txt'), 'utf8').repeat(1000));
    const pack = path.join(tmp, 'custom.yaml');
    fs.writeFileSync(pack, MINIMAL_PACK);
    const r = runCli(['check', big, 'reports/taojia-2025.txt', '--pack', pack, '--timeout', '0.3', '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`fazhi: ${big}: 检查超时（超过 0.3 秒），已中止`);
    expect((JSON.parse(r.stdout) as { reports: Array<{ file: string }> }).reports.map((x) => x.file)).toEqual([
      'reports/taojia-2025.txt',
    ]);
  });
});

describe('no network, ever', () => {
  it.each([
    [['check', 'reports/', '-f', 'json', '--fail-on', 'never', '--no-config']],
    [
      [
        'check',
        'test/fixtures/pdf/taojia-2025.pdf',
        'test/fixtures/docx/taojia-2025.docx',
        'test/fixtures/html/xuantan-2024.html',
        '-f',
        'sarif',
        '--fail-on',
        'never',
      ],
    ],
    [
      [
        'check',
        'reports/taojia-2025.txt',
        '--pack',
        'rules/examples/province.yaml',
        '-f',
        'html',
        '--fail-on',
        'never',
      ],
    ],
    [['rules', 'validate', 'rules/examples/province.yaml']],
  ])('fazhi %j opens no socket', (args) => {
    const r = spawnSync(
      process.execPath,
      ['--import', path.join(ROOT, 'test/fixtures/no-network.mjs'), path.join(ROOT, 'bin/fazhi.js'), ...args],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        maxBuffer: 1 << 26,
      },
    );
    expect(r.stderr).not.toContain('NETWORK ACCESS ATTEMPTED');
    expect(r.status).toBe(0);
  });
});
