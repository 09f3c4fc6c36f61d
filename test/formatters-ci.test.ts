import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRuleSet } from '../src/engine/compile.js';
import type { Finding } from '../src/engine/model.js';
import { githubFormatter } from '../src/formatters/github.js';
import { junitFormatter } from '../src/formatters/junit.js';
import { artifactLocation, sarifFormatter } from '../src/formatters/sarif.js';
import type { FormatOptions } from '../src/formatters/types.js';
import { loadPackSet } from '../src/packs/load.js';
import type { ReportResult, RunResult } from '../src/report/result.js';
import { runCheck } from '../src/run/batch.js';
import { ROOT } from './helpers.js';

type FailOn = 'error' | 'warning' | 'info' | 'never';
const opts = (extra: Partial<FormatOptions> & { failOn?: FailOn } = {}): FormatOptions => ({
  color: false,
  verbose: false,
  ...extra,
});

const TXT = readdirSync(path.join(ROOT, 'reports'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => `reports/${f}`);
const PDF = 'test/fixtures/pdf/taojia-2025.pdf';
const MISSING = 'reports/no-such-report.txt';
const ruleSet = compileRuleSet(loadPackSet());

let run: RunResult;
let tmp: string;
beforeAll(async () => {
  expect(process.cwd()).toBe(ROOT);
  run = await runCheck([...TXT, PDF, MISSING], ruleSet, {});
  tmp = mkdtempSync(path.join(os.tmpdir(), 'fazhi-ci-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const failed = (r: ReportResult) => r.findings.filter((f) => f.status === 'fail');
const allFailed = () => run.reports.flatMap(failed);

/** A run with one report whose findings are replaced (for exact-output and escaping tests). */
function syntheticRun(file: string, findings: Finding[], failures: RunResult['failures'] = []): RunResult {
  const base = structuredClone(run);
  const report = base.reports[0] as ReportResult;
  return { ...base, reports: [{ ...report, file, findings }], failures };
}

function fakeFinding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'demo/rule',
    title: '演示规则',
    status: 'fail',
    severity: 'warning',
    area: 'demo',
    weight: 1,
    basis: 'official',
    message: '演示',
    clause: '演示条款',
    fix: '演示建议',
    evidence: [],
    ...over,
  };
}

// ─── SARIF ────────────────────────────────────────────────────────────────────

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId?: string };
    region?: {
      startLine: number;
      startColumn?: number;
      endLine?: number;
      endColumn?: number;
      snippet?: { text: string };
    };
  };
  properties?: { page?: number; pageLine?: number; paragraph?: number };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
}
interface SarifRun {
  tool: {
    driver: {
      name: string;
      version: string;
      rules: Array<{ id: string; name: string; helpUri: string; defaultConfiguration: { level: string } }>;
    };
  };
  invocations: Array<{
    executionSuccessful: boolean;
    exitCode: number;
    toolExecutionNotifications?: Array<{ level: string; locations: SarifLocation[] }>;
  }>;
  originalUriBaseIds: Record<string, { uri: string }>;
  artifacts: Array<{ location: { uri: string }; mimeType: string }>;
  results: SarifResult[];
  columnKind: string;
}
const sarifOf = (r: RunResult, o: Partial<FormatOptions> = {}) =>
  JSON.parse(sarifFormatter(r, opts(o))) as { $schema: string; version: string; runs: SarifRun[] };

const sarifSchema = JSON.parse(readFileSync(path.join(ROOT, 'test/schemas/sarif-2.1.0.json'), 'utf8')) as object;
// The schema's `language` pattern is not valid with the `u` flag, hence unicodeRegExp: false.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajv.addFormat('uri', (s: string) => URL.canParse(s));
ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/') && !/[\s\\]/.test(s));
ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
const validateSarif = ajv.compile(sarifSchema);

describe('SARIF formatter', () => {
  it('validates against the SARIF 2.1.0 schema; ruleIndex points at the rule', () => {
    const log = sarifOf(run, { exitCode: 2 });
    const ok = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const [sarifRun] = log.runs;
    if (!sarifRun) throw new Error('no run');
    const { rules } = sarifRun.tool.driver;
    expect(rules.map((r) => r.id)).toEqual(run.rules.map((r) => r.id));
    expect(rules.find((r) => r.id === 'mediation/success-rate')?.name).toBe('MediationSuccessRate');
    expect(rules[0]?.helpUri).toBe(
      `https://github.com/fazhi-check/fazhi/blob/v${run.tool.version}/${run.rules[0]?.doc}`,
    );
    expect(sarifRun.results).toHaveLength(allFailed().length);
    const severity = new Map(run.rules.map((r) => [r.id, r.severity] as const));
    for (const res of sarifRun.results) {
      expect(rules[res.ruleIndex]?.id).toBe(res.ruleId);
      expect(res.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[severity.get(res.ruleId) as string]);
      expect(res.locations.length).toBeGreaterThan(0);
      expect(res.locations[0]?.physicalLocation.region?.startLine).toBeGreaterThanOrEqual(1);
    }
    expect(sarifRun.columnKind).toBe('utf16CodeUnits');
    expect(sarifFormatter(run, opts({ exitCode: 2 }))).toBe(sarifFormatter(run, opts({ exitCode: 2 })));
  });

  it('quotes evidence in the message and snippet; PDF places go in location properties', () => {
    const [sarifRun] = sarifOf(run).runs;
    const pdf = sarifRun?.results.filter((r) => r.locations[0]?.physicalLocation.artifactLocation.uri === PDF) ?? [];
    expect(pdf.length).toBe(failed(run.reports.find((r) => r.file === PDF) as ReportResult).length);
    const withPlace = pdf.find((r) => r.locations[0]?.properties?.page !== undefined);
    expect(withPlace?.locations[0]?.properties).toMatchObject({
      page: expect.any(Number),
      pageLine: expect.any(Number),
    });
    const quoted = sarifRun?.results.find((r) => r.locations[0]?.physicalLocation.region?.snippet);
    const snippet = quoted?.locations[0]?.physicalLocation.region?.snippet?.text as string;
    expect(quoted?.message.text.endsWith(`“${snippet}”`)).toBe(true);
    expect(sarifRun?.artifacts.find((a) => a.location.uri === PDF)?.mimeType).toBe('application/pdf');
  });

  it('uses forward-slash URIs relative to the working directory under %SRCROOT%', () => {
    const [sarifRun] = sarifOf(run).runs;
    if (!sarifRun) throw new Error('no run');
    expect(sarifRun.originalUriBaseIds['%SRCROOT%']?.uri).toBe(`${pathToFileURL(ROOT).href}/`);
    const uris = [
      ...sarifRun.results.flatMap((r) => r.locations.map((l) => l.physicalLocation.artifactLocation)),
      ...sarifRun.artifacts.map((a) => a.location),
    ];
    for (const loc of uris) {
      expect(loc).toMatchObject({ uriBaseId: '%SRCROOT%' });
      expect(loc.uri).toMatch(/^(reports\/[\w-]+\.txt|test\/fixtures\/pdf\/taojia-2025\.pdf)$/);
    }
    expect(new Set(sarifRun.artifacts.map((a) => a.location.uri))).toEqual(new Set([...TXT, PDF]));
    expect(artifactLocation('<stdin>')).toEqual({ uri: 'stdin', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('./reports/a b.txt')).toEqual({ uri: 'reports/a%20b.txt', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation(path.join(ROOT, 'reports', 'x.txt'))).toEqual({
      uri: 'reports/x.txt',
      uriBaseId: '%SRCROOT%',
    });
    const notice = sarifRun.invocations[0]?.toolExecutionNotifications?.[0];
    expect(notice?.level).toBe('error');
    expect(notice?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(MISSING);
  });

  it('points a finding without evidence at line 1', () => {
    const [sarifRun] = sarifOf(run).runs;
    const bare = sarifRun?.results.find((r) => !r.locations[0]?.physicalLocation.region?.snippet);
    expect(bare?.locations).toHaveLength(1);
    expect(bare?.locations[0]?.physicalLocation.region).toEqual({ startLine: 1 });
  });

  it('records the exit code in invocations', () => {
    for (const exitCode of [0, 1, 2]) {
      const inv = sarifOf(run, { exitCode }).runs[0]?.invocations[0];
      expect(inv).toMatchObject({ exitCode, executionSuccessful: exitCode < 2 });
    }
    expect(sarifOf(run).runs[0]?.invocations[0]?.exitCode).toBe(0);
  });

  it('keeps fingerprints when a blank line is inserted at the top of a report', async () => {
    const text = readFileSync(path.join(ROOT, 'reports/draft-low-mediation.txt'), 'utf8');
    const file = path.join(tmp, 'draft-low-mediation.txt');
    const results = async () => (sarifOf(await runCheck([file], ruleSet, {})).runs[0] as SarifRun).results;
    writeFileSync(file, text);
    const before = await results();
    writeFileSync(file, `\n${text}`);
    const after = await results();
    expect(before.length).toBeGreaterThan(0);
    const print = (rs: SarifResult[]) => rs.map((r) => `${r.ruleId} ${r.partialFingerprints['fazhi/v1']}`);
    expect(print(after)).toEqual(print(before));
    expect(new Set(print(before)).size).toBe(before.length);
    const line = (rs: SarifResult[]) =>
      rs.find((r) => r.locations[0]?.physicalLocation.region?.snippet)?.locations[0]?.physicalLocation.region
        ?.startLine as number;
    expect(line(after)).toBe(line(before) + 1);
  });

  it('passes the SARIF Multitool validator with the SARIF and GitHub rules', { timeout: 60_000 }, () => {
    const binary = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
    // npm may skip the package's own `chmod` install script.
    chmodSync(binary, 0o755);
    const file = path.join(tmp, 'fazhi.sarif');
    writeFileSync(file, sarifFormatter(run, opts({ exitCode: 2 })));
    // The policy disables SARIF2006, which would fetch every URI; an empty network
    // namespace (where unshare is allowed) makes sure nothing leaves the machine.
    const args = [
      'validate',
      '--rule-kind',
      'Sarif;Gh',
      '--config',
      path.join(ROOT, 'test/schemas/sarif-multitool.xml'),
      file,
    ];
    const isolated = spawnSync('unshare', ['-n', 'true']).status === 0;
    const r = isolated
      ? spawnSync('unshare', ['-n', binary, ...args], { encoding: 'utf8', timeout: 55_000 })
      : spawnSync(binary, args, { encoding: 'utf8', timeout: 55_000 });
    if (r.error) throw r.error;
    const output = `${r.stdout}\n${r.stderr}`;
    expect(
      output.split('\n').filter((l) => l.includes(' error ')),
      output,
    ).toEqual([]);
    expect(r.status, output).toBe(0);
  });
});

// ─── JUnit ────────────────────────────────────────────────────────────────────

interface XmlNode {
  name: string;
  attribs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Parse strictly enough for a test: every element closed explicitly, in order, one root. */
function parseXml(xml: string): XmlNode {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const root: XmlNode = { name: '#document', attribs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const problems: string[] = [];
  let explicitCloses = 0;
  // htmlparser2 is lenient: it reports self-closed, outer-closed and end-of-document closes alike as
  // "implied" and drops stray end tags, so an implied close must sit on `/>` and every `</` must
  // have produced an explicit close.
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        const node: XmlNode = { name, attribs, children: [], text: '' };
        (stack[stack.length - 1] as XmlNode).children.push(node);
        stack.push(node);
      },
      onclosetag(name, isImplied) {
        const open = stack.pop();
        if (!isImplied) explicitCloses++;
        const selfClosed = isImplied && xml.slice(parser.endIndex - 1, parser.endIndex + 1) === '/>';
        if ((isImplied && !selfClosed) || open?.name !== name)
          problems.push(`bad close </${name}> for <${open?.name}>`);
      },
      ontext(text) {
        const top = stack[stack.length - 1] as XmlNode;
        if (top === root) {
          if (text.trim() !== '') problems.push(`text outside the root: ${text}`);
        } else top.text += text;
      },
      onerror(error) {
        problems.push(error.message);
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  expect(problems).toEqual([]);
  expect(explicitCloses).toBe(xml.split('</').length - 1);
  expect(stack).toHaveLength(1);
  const elements = root.children;
  expect(elements).toHaveLength(1);
  // Every & starts an entity or character reference.
  expect(xml.match(/&(?!(amp|lt|gt|quot|apos|#\d+);)/g)).toBeNull();
  return elements[0] as XmlNode;
}

const num = (n: XmlNode, key: string) => Number(n.attribs[key]);
const child = (n: XmlNode, name: string) => n.children.find((c) => c.name === name);

describe('JUnit formatter', () => {
  it('is well-formed XML whose counts add up (default gate: errors fail)', () => {
    const doc = parseXml(junitFormatter(run, opts()));
    expect(doc.name).toBe('testsuites');
    expect(doc.attribs.name).toBe('fazhi');
    const suites = doc.children.filter((c) => c.name === 'testsuite');
    expect(suites.map((s) => s.attribs.name)).toEqual([...TXT, PDF, MISSING, 'fazhi 门禁']);
    for (const key of ['tests', 'failures', 'errors', 'skipped']) {
      expect(num(doc, key), key).toBe(suites.reduce((n, s) => n + num(s, key), 0));
    }
    for (const report of run.reports) {
      const suite = suites.find((s) => s.attribs.name === report.file) as XmlNode;
      const cases = suite.children.filter((c) => c.name === 'testcase');
      expect(cases).toHaveLength(run.rules.length);
      expect(num(suite, 'tests')).toBe(run.rules.length);
      expect(num(suite, 'failures')).toBe(cases.filter((c) => child(c, 'failure')).length);
      expect(num(suite, 'skipped')).toBe(cases.filter((c) => child(c, 'skipped')).length);
      expect(num(suite, 'failures')).toBe(failed(report).filter((f) => f.severity === 'error').length);
      expect(num(suite, 'skipped')).toBe(report.findings.filter((f) => f.status === 'not-applicable').length);
      expect(cases[0]?.attribs).toEqual({
        classname: `fazhi.${run.rules[0]?.area}`,
        name: `${run.rules[0]?.id} ${run.rules[0]?.title}`,
      });
      for (const c of cases) {
        const f = child(c, 'failure');
        if (f) expect(f.attribs.type).toBe('error');
        const out = child(c, 'system-out');
        if (out) expect(out.text).toMatch(/^(警告|提示)：/);
      }
      expect(child(suite, 'properties')?.children.find((p) => p.attribs.name === 'score')?.attribs.value).toBe(
        report.score.total.toFixed(1),
      );
    }
    const broken = suites.find((s) => s.attribs.name === MISSING) as XmlNode;
    expect([num(broken, 'tests'), num(broken, 'errors'), num(broken, 'failures')]).toEqual([1, 1, 0]);
    expect(child(child(broken, 'testcase') as XmlNode, 'error')?.attribs.message).toBe(run.failures[0]?.message);
  });

  it('ends with the gate as one test case that fails with the reason, or passes saying why', () => {
    const gateCase = (r: RunResult, options: Partial<FormatOptions>) => {
      const doc = parseXml(junitFormatter(r, opts(options)));
      const suite = doc.children.at(-1) as XmlNode;
      expect(suite.attribs.name).toBe('fazhi 门禁');
      expect(num(suite, 'tests')).toBe(1);
      return { doc, suite, testcase: child(suite, 'testcase') as XmlNode };
    };
    const readable = { ...run, failures: [] };
    const low = Math.min(...run.reports.map((r) => r.score.total));
    const gate = { failOn: 'never' as const, minScore: 100, maxWarnings: null };
    const failing = gateCase(readable, { failOn: 'never', gate });
    expect(child(failing.testcase, 'failure')?.attribs).toEqual({
      type: 'gate',
      message: `✗ 未通过：${run.reports.filter((r) => r.score.total < 100).length} 份报告得分低于 --min-score 100（最低 ${low.toFixed(1)}）`,
    });
    // A run whose findings all pass its gate, failed by its score alone: the totals say so too.
    expect(num(failing.doc, 'failures')).toBe(1);
    const passing = gateCase(readable, { failOn: 'never', gate: { ...gate, minScore: 0 } });
    expect(child(passing.testcase, 'failure')).toBeUndefined();
    expect(child(passing.testcase, 'system-out')?.text).toBe(
      `✓ 通过：不因问题失败（--fail-on never），最低得分 ${low.toFixed(1)}，不低于 --min-score 0`,
    );
    expect(num(passing.doc, 'failures')).toBe(0);
  });

  it('has a well-formedness check that rejects broken XML', () => {
    const xml = junitFormatter(run, opts());
    expect(() => parseXml(xml.replace('</testcase>', ''))).toThrow();
    expect(() => parseXml(xml.replace('</testsuite>', '</testsuite></x>'))).toThrow();
    expect(() => parseXml(xml.replace('</testsuites>', ''))).toThrow();
    expect(() => parseXml(xml.replace('<testsuites ', '<testsuites a="&" '))).toThrow();
  });

  it('lists evidence, clause and fix in a failure body', () => {
    const doc = parseXml(junitFormatter(run, opts()));
    const suite = doc.children.find((s) => s.attribs.name === 'reports/draft-low-mediation.txt') as XmlNode;
    const tc = suite.children.find((c) => c.attribs.name?.startsWith('enforcement/three-systems ')) as XmlNode;
    const failure = child(tc, 'failure') as XmlNode;
    expect(failure.attribs.message).toContain('三项制度');
    expect(failure.text).toContain('第8行:1 “推行执法全过程记录”');
    expect(failure.text).toMatch(/\n依据：纲要/);
    expect(failure.text).toMatch(/\n建议：/);
  });

  it('moves warnings across the gate with failOn', () => {
    const count = (sevs: string[]) => allFailed().filter((f) => sevs.includes(f.severity)).length;
    const failures = (failOn: FailOn) => num(parseXml(junitFormatter(run, opts({ failOn }))), 'failures');
    // + 1: the gate's own test case fails (the run has an unreadable input).
    expect(failures('error')).toBe(count(['error']) + 1);
    expect(failures('warning')).toBe(count(['error', 'warning']) + 1);
    expect(failures('info')).toBe(count(['error', 'warning', 'info']) + 1);
    expect(failures('never')).toBe(1);
    expect(count(['warning'])).toBeGreaterThan(0);
    const warned = parseXml(junitFormatter(run, opts({ failOn: 'warning' })));
    const outs = warned.children
      .flatMap((s) => s.children)
      .flatMap((c) => c.children)
      .filter((n) => n.name === 'system-out');
    expect(outs.length).toBe(count(['info']));
    expect(outs.every((o) => o.text.startsWith('提示：'))).toBe(true);
  });

  it('escapes markup and strips control characters', () => {
    const nasty = '<script>&"\'\u0001\u001F x';
    const r = syntheticRun(
      'reports/a&b<c>.txt',
      [fakeFinding({ severity: 'error', message: nasty, fix: 'fix ]]> & <b>' })],
      [{ file: 'x"y.txt', code: 'input-decode', message: 'bad <file> & "quote"\u0000' }],
    );
    const xml = junitFormatter(r, opts());
    expect(xml).toContain('message="&lt;script&gt;&amp;&quot;&apos; x"');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const doc = parseXml(xml);
    const [suite, broken] = doc.children;
    expect(suite?.attribs.name).toBe('reports/a&b<c>.txt');
    const failure = child(child(suite as XmlNode, 'testcase') as XmlNode, 'failure') as XmlNode;
    expect(failure.attribs.message).toBe('<script>&"\' x');
    expect(failure.text).toContain('建议：fix ]]> & <b>');
    expect(broken?.attribs.name).toBe('x"y.txt');
    expect(child(child(broken as XmlNode, 'testcase') as XmlNode, 'error')?.attribs.message).toBe(
      'bad <file> & "quote"',
    );
  });
});

// ─── GitHub Actions ───────────────────────────────────────────────────────────

describe('GitHub Actions formatter', () => {
  it('writes exact, escaped workflow commands', () => {
    const r = syntheticRun(
      'reports/a:b,c%.txt',
      [
        fakeFinding({
          ruleId: 'mediation/success-rate',
          message: '调解成功率为85%，低于95%\r\n第二行',
          fix: '写明成功率: 98%, 件数',
          evidence: [{ line: 10, column: 21, endLine: 10, endColumn: 30, quote: '调解成功率85%。' }],
        }),
        fakeFinding({ ruleId: 'demo/error', severity: 'error', message: '缺少某部分', fix: '增设' }),
        fakeFinding({
          ruleId: 'demo/info',
          severity: 'info',
          message: '提示',
          fix: '补充',
          evidence: [
            { line: 17, column: 60, endLine: 17, endColumn: 72, quote: '全年调解125件', page: 1, pageLine: 34 },
          ],
        }),
        fakeFinding({ ruleId: 'demo/pass', status: 'pass' }),
        fakeFinding({ ruleId: 'demo/na', status: 'not-applicable' }),
      ],
      [{ file: 'missing,1.txt', code: 'input-not-found', message: '文件不存在' }],
    );
    expect(githubFormatter(r, opts()).split('\n')).toEqual([
      '::warning file=reports/a%3Ab%2Cc%25.txt,line=10,col=21,endLine=10,endColumn=30,title=mediation/success-rate::调解成功率为85%25，低于95%25%0D%0A第二行 “调解成功率85%25。” 建议：写明成功率: 98%25, 件数',
      '::error file=reports/a%3Ab%2Cc%25.txt,line=1,title=demo/error::缺少某部分 建议：增设',
      '::notice file=reports/a%3Ab%2Cc%25.txt,line=17,col=60,endLine=17,endColumn=72,title=demo/info::提示 “全年调解125件”（第1页 第34行） 建议：补充',
      '::error file=missing%2C1.txt::文件不存在',
      'fazhi：1 份报告，1 个错误，1 个警告，1 个提示，1 个文件无法读取',
      '::error title=fazhi 门禁::✗ 未通过：1 份文件无法检查；1 个错误（--fail-on error）',
      '',
    ]);
  });

  it('annotates stdin without a file', () => {
    const r = syntheticRun('<stdin>', [fakeFinding({ message: 'm', fix: 'f' })]);
    expect(githubFormatter(r, opts()).split('\n')[0]).toBe('::warning title=demo/rule::m 建议：f');
  });

  it('writes one command per failed finding and unreadable input, then a plain summary', () => {
    const lines = githubFormatter(run, opts()).trimEnd().split('\n');
    expect(lines).toHaveLength(allFailed().length + run.failures.length + 2);
    // Last, the gate's verdict as its own annotation.
    expect(lines.at(-1)).toMatch(/^::error title=fazhi 门禁::✗ 未通过：1 份文件无法检查/);
    const commands = lines.slice(0, -2);
    for (const l of commands)
      expect(l).toMatch(
        /^::(error|warning|notice) file=(reports|test\/fixtures\/pdf)\/[^,]+(,line=\d+(,col=\d+,endLine=\d+,endColumn=\d+)?,title=[\w/-]+)?::\S/,
      );
    expect(commands.filter((l) => l.startsWith('::error ')).length).toBe(
      allFailed().filter((f) => f.severity === 'error').length + 1,
    );
    expect(commands.filter((l) => l.startsWith('::notice ')).length).toBe(
      allFailed().filter((f) => f.severity === 'info').length,
    );
    expect(lines.at(-2)).toMatch(/^fazhi：\d+ 份报告，\d+ 个错误，\d+ 个警告，\d+ 个提示，1 个文件无法读取$/);
  });
});
