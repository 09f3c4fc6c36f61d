import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configTrust } from '../src/config/load.js';
import { ROOT, runCli } from './helpers.js';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-trust-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const mine = { uid: 1000, mode: 0o40755 };
const file = { uid: 1000, mode: 0o100644 };

describe('config trust (pure)', () => {
  it('trusts a config inside the project whoever owns it; above it, only the user’s, not writable by others', () => {
    const stranger = { uid: 4242, mode: 0o40777 };
    expect(
      configTrust('/p/sub/fazhi.config.yaml', { folder: stranger, file: { uid: 4242, mode: 0o100666 } }, 1000, '/p'),
    ).toBeNull();
    expect(configTrust('/up/fazhi.config.yaml', { folder: mine, file }, 1000, '/up/p')).toBeNull();
    expect(configTrust('/up/fazhi.config.yaml', { folder: { uid: 4242, mode: 0o40755 }, file }, 1000, '/up/p')).toBe(
      'folder-owner',
    );
    expect(configTrust('/up/fazhi.config.yaml', { folder: { uid: 1000, mode: 0o40777 }, file }, 1000, '/up/p')).toBe(
      'folder-writable',
    );
    // Sticky (as /tmp): others cannot replace the user's file.
    expect(
      configTrust('/tmp/fazhi.config.yaml', { folder: { uid: 0, mode: 0o41777 }, file }, 1000, '/tmp/p'),
    ).toBeNull();
    expect(
      configTrust(
        '/tmp/fazhi.config.yaml',
        { folder: { uid: 0, mode: 0o41777 }, file: { uid: 4242, mode: 0o100644 } },
        1000,
        '/tmp/p',
      ),
    ).toBe('file-owner');
    expect(
      configTrust('/up/fazhi.config.yaml', { folder: mine, file: { uid: 1000, mode: 0o100646 } }, 1000, '/up/p'),
    ).toBe('file-writable');
  });

  it('any folder strictly above the project is judged; any at or below it is not', () => {
    const seg = fc.stringMatching(/^[a-z报告]{1,6}$/);
    fc.assert(
      fc.property(
        fc.array(seg, { minLength: 1, maxLength: 4 }),
        fc.array(seg, { maxLength: 3 }),
        fc.nat({ max: 3 }),
        (root, below, up) => {
          const project = `/${root.join('/')}`;
          const stranger = { folder: { uid: 4242, mode: 0o40777 }, file: { uid: 4242, mode: 0o100666 } };
          expect(configTrust(path.join(project, ...below, 'fazhi.config.yaml'), stranger, 1000, project)).toBeNull();
          const above = path.resolve(project, ...Array(Math.min(up, root.length - 1) + 1).fill('..'));
          expect(configTrust(path.join(above, 'fazhi.config.yaml'), stranger, 1000, project)).not.toBeNull();
        },
      ),
    );
  });
});

describe('config trust (real folders)', () => {
  it('ignores a failOn: never config in a world-writable folder above the project, with one warning; --config uses it', () => {
    const open = path.join(tmp, 'open');
    const proj = path.join(open, 'proj');
    fs.mkdirSync(path.join(proj, '.git'), { recursive: true });
    fs.chmodSync(open, 0o777);
    fs.writeFileSync(path.join(open, 'fazhi.config.yaml'), 'failOn: never\n');
    fs.copyFileSync(path.join(ROOT, 'reports', 'draft-no-first-responsible.txt'), path.join(proj, 'r.txt'));
    const r = runCli(['check', 'r.txt'], { cwd: proj });
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^fazhi: 已忽略项目之外的配置 .*fazhi\.config\.yaml：所在文件夹可被其他用户写入；如确要使用，请用 --config /,
    );
    const explicit = runCli(['check', 'r.txt', '--config', '../fazhi.config.yaml'], { cwd: proj });
    expect([explicit.code, explicit.stderr]).toEqual([0, 'fazhi: 使用配置 ../fazhi.config.yaml\n']);
    // Inside the project the same config is committed and obeyed.
    fs.copyFileSync(path.join(open, 'fazhi.config.yaml'), path.join(proj, 'fazhi.config.yaml'));
    const inside = runCli(['check', 'r.txt'], { cwd: proj });
    expect([inside.code, inside.stderr]).toEqual([0, 'fazhi: 使用配置 fazhi.config.yaml\n']);
  });
});

describe('baselines by path', () => {
  it('a baseline made from a/报告.txt does not suppress b/报告.txt; an old baseline warns and is migrated', () => {
    const dir = path.join(tmp, 'towns');
    const draft = fs.readFileSync(path.join(ROOT, 'reports', 'draft-no-first-responsible.txt'), 'utf8');
    fs.mkdirSync(path.join(dir, 'a'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'b'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'a', '报告.txt'), draft);
    fs.writeFileSync(path.join(dir, 'b', '报告.txt'), draft.replace(/调解/g, '化解'));
    const made = runCli(['check', 'a/报告.txt', '--baseline', 'base.json', '--update-baseline'], { cwd: dir });
    expect(made.stderr).toContain('已更新基线 base.json');
    const stored = JSON.parse(fs.readFileSync(path.join(dir, 'base.json'), 'utf8')) as {
      version: number;
      findings: Array<{ file: string }>;
    };
    expect(stored.version).toBe(2);
    expect(new Set(stored.findings.map((f) => f.file))).toEqual(new Set(['a/报告.txt']));
    expect(runCli(['check', 'a/报告.txt', '--baseline', 'base.json'], { cwd: dir }).code).toBe(0);
    const b = runCli(['check', 'b/报告.txt', '--baseline', 'base.json', '-f', 'json'], { cwd: dir });
    expect(b.code).toBe(1);
    const j = JSON.parse(b.stdout) as { summary: { suppressed: number } };
    expect(j.summary.suppressed).toBe(0);

    // Version 1: file names only. It loads with one warning; --update-baseline rewrites it as version 2.
    const old = { version: 1, tool: 'fazhi', findings: stored.findings.map((f) => ({ ...f, file: '报告.txt' })) };
    fs.writeFileSync(path.join(dir, 'old.json'), JSON.stringify(old));
    const legacy = runCli(['check', 'b/报告.txt', '--baseline', 'old.json'], { cwd: dir });
    expect(legacy.code).toBe(1);
    expect(legacy.stderr).toMatch(/^fazhi: old\.json: 旧格式基线（只记文件名）.*--update-baseline.*\n$/);
    runCli(['check', 'a/报告.txt', '--baseline', 'old.json', '--update-baseline'], { cwd: dir });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'old.json'), 'utf8'))).toMatchObject({ version: 2 });
  });
});
