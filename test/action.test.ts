import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '..');
const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { steps: Array<{ id?: string; run?: string; env?: Record<string, string> }> };
};
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
/** owner/name of the repository, from package.json: what `uses:` names. */
const REPO = /github\.com\/([^/]+\/[^/.]+)/.exec(pkg.repository.url)?.[1] as string;

const checkStep = action.runs.steps.find((s) => s.id === 'check')!;

/** The check step's environment with the inputs given (defaults for the rest), as the runner sets it. */
function stepEnv(inputs: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(checkStep.env ?? {})) {
    const input = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(value)?.[1] as string;
    env[name] = inputs[input] ?? action.inputs[input]?.default ?? '';
  }
  return env;
}

function runAction(inputs: Record<string, string>) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'fazhi-action-'));
  cpSync(path.join(ROOT, 'reports'), path.join(work, 'reports'), { recursive: true });
  const outputFile = path.join(work, 'github-output.txt');
  // The step's run line, with the runner's variables: the action's folder, the output file, a temp folder.
  const r = spawnSync('bash', ['-c', checkStep.run!], {
    cwd: work,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...stepEnv(inputs),
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: work,
    },
  });
  const outputs = Object.fromEntries(
    (existsSync(outputFile) ? readFileSync(outputFile, 'utf8') : '')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  return { ...r, work, outputs };
}

describe('the GitHub Action (action.yml)', () => {
  it('validates against the composite-action metadata syntax', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/action-metadata.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(action), JSON.stringify(validate.errors)).toBe(true);
  });

  it('uses only inputs it declares, and every output is one the check step writes', () => {
    const text = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    for (const [, name] of text.matchAll(/\$\{\{ inputs\.([a-z-]+) \}\}/g)) expect(action.inputs).toHaveProperty(name!);
    const script = readFileSync(path.join(ROOT, '.ci/action-check.sh'), 'utf8');
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.value).toBe(`\${{ steps.check.outputs.${name} }}`);
      expect(script).toContain(`echo "${name}=`);
    }
  });

  it('checks the reports: SARIF and HTML written, annotations in the log, outputs set, the gate as exit code', () => {
    const r = runAction({ 'min-score': '70', formats: 'junit, csv' });
    expect(r.status, r.stderr).toBe(1);
    const sarif = JSON.parse(readFileSync(path.join(r.work, 'fazhi.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(readFileSync(path.join(r.work, 'fazhi.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(readFileSync(path.join(r.work, 'fazhi.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(readFileSync(path.join(r.work, 'fazhi.csv'), 'utf8').length).toBeGreaterThan(0);
    // The log gets one workflow command per finding, the summary line, then the gate's verdict.
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines.pop()).toMatch(/^::error title=fazhi 门禁::✗ 未通过：\d+ 个错误（--fail-on error）/);
    const summary = lines.pop() as string;
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) /);
    expect(summary).toMatch(/^fazhi：\d+ 份报告/);
    expect(r.outputs).toMatchObject({ sarif: 'fazhi.sarif', html: 'fazhi.html', 'exit-code': '1' });
    const lowest = Number(r.outputs.score);
    expect(lowest).toBeGreaterThan(0);
    expect(lowest).toBeLessThan(70);
  });

  it('passes the gate when no input is set beyond the defaults and the reports carry no error', () => {
    const r = runAction({ paths: 'reports/taojia-2025.txt' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.outputs['exit-code']).toBe('0');
    expect(Number(r.outputs.score)).toBeGreaterThan(70);
  });

  it('a bad input is exit 2 with a one-line Chinese error, and still sets exit-code', () => {
    const r = runAction({ 'fail-on': 'sometimes' });
    expect(r.status).toBe(2);
    expect(r.outputs['exit-code']).toBe('2');
    expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('the README CI snippets', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Use in CI'), readme.indexOf('## Reliability'));
  const snippets = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);

  it('are valid YAML', () => {
    expect(snippets.length).toBe(2);
    for (const s of snippets) expect(() => parse(s)).not.toThrow();
  });

  it('GitHub: uses this repository as the action, and uploads the files the action writes', () => {
    const workflow = parse(snippets[0]!) as { jobs: { fazhi: { steps: Array<{ uses?: string; with?: object }> } } };
    const uses = workflow.jobs.fazhi.steps.map((s) => s.uses);
    expect(uses).toContain(`${REPO}@v1`);
    const files = workflow.jobs.fazhi.steps.map((s) => JSON.stringify(s.with ?? {}));
    expect(files.some((w) => w.includes(action.inputs['sarif-file']!.default!))).toBe(true);
    expect(files.some((w) => w.includes(action.inputs['html-file']!.default!))).toBe(true);
  });

  it('GitLab: installs from this repository, and its check line writes each format to its own file', () => {
    const job = (parse(snippets[1]!) as { fazhi: { script: string[] } }).fazhi;
    expect(job.script[0]).toBe(`npm install -g ${pkg.repository.url}`);
    const check = job.script[1]!.replace(/^fazhi /, '');
    const work = mkdtempSync(path.join(os.tmpdir(), 'fazhi-gitlab-'));
    cpSync(path.join(ROOT, 'reports'), path.join(work, 'reports'), { recursive: true });
    const args = check.split(/\s+/);
    // The reports fail the default gate (exit 1): the outputs are written all the same.
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/fazhi.js'), ...args], { cwd: work, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    const stdout = r.stdout;
    expect(readFileSync(path.join(work, 'fazhi-junit.xml'), 'utf8')).toMatch(/^<\?xml[\s\S]*<testsuites/);
    expect(readFileSync(path.join(work, 'fazhi.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(readFileSync(path.join(work, 'fazhi.csv'), 'utf8')).not.toMatch(/^<|^\{/);
    // The stylish report goes to the log.
    expect(stdout).toContain('得分');
  });
});
