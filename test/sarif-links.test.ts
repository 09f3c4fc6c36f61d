import { mkdirSync, mkdtempSync, readFileSync, copyFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorFor } from '../src/packs/docs.js';
import { DEFAULT_HELP_URI, INFORMATION_URI, REPOSITORY_URL } from '../src/formatters/sarif.js';
import { absolutePath, cwdUrl, fileUrl, relativePath } from '../src/formatters/paths.js';
import { ROOT, runCli } from './helpers.js';

interface SarifRule {
  id: string;
  helpUri?: string;
  help: { markdown: string };
}
interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: SarifRule[]; version: string; informationUri: string } };
    results: Array<{
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }>;
    }>;
    originalUriBaseIds: Record<string, { uri: string }>;
  }>;
}

const TAOJIA = path.join(ROOT, 'reports', 'taojia-2025.txt');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  repository: { url: string };
  homepage: string;
};

function sarif(args: string[], cwd = ROOT): SarifLog {
  const r = runCli(['check', ...args, '-f', 'sarif'], { cwd });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as SarifLog;
}

/** GitHub's anchors of a Markdown page's headings. */
function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorFor(m[1]!.trim())));
}

describe('SARIF links: each rule to its page in the repository', () => {
  it('the repository is the one package.json names', () => {
    expect(pkg.repository.url).toBe(`git+${REPOSITORY_URL}.git`);
    expect(pkg.homepage.startsWith(REPOSITORY_URL)).toBe(true);
    expect(INFORMATION_URI).toBe(REPOSITORY_URL);
    expect(DEFAULT_HELP_URI).toBe(`${REPOSITORY_URL}/blob/v{version}/{doc}`);
  });

  it('every built-in rule links to a page and heading that exist, at the release tag', () => {
    const log = sarif([TAOJIA, '-p', 'annual-report', '-p', 'outline-2021-2025', '-p', 'numbers', '-p', 'hygiene']);
    const { rules, version, informationUri } = log.runs[0]!.tool.driver;
    expect(version).toBe(pkg.version);
    expect(informationUri).toBe(REPOSITORY_URL);
    expect(rules.length).toBeGreaterThan(40);
    const prefix = `${REPOSITORY_URL}/blob/v${pkg.version}/`;
    for (const rule of rules) {
      expect(rule.helpUri?.startsWith(prefix), rule.id).toBe(true);
      const [file, anchor] = rule.helpUri!.slice(prefix.length).split('#') as [string, string];
      expect(existsSync(path.join(ROOT, file)), `${rule.id}: ${file}`).toBe(true);
      expect(anchorsOf(path.join(ROOT, file)).has(anchor), `${rule.id}: #${anchor}`).toBe(true);
      expect(rule.help.markdown).toContain(`[规则说明](${rule.helpUri})`);
    }
  });

  it("a local pack's own rules have no page in the repository, so no link; inherited rules keep theirs", () => {
    const rules = sarif([TAOJIA, '-p', path.join(ROOT, 'rules', 'examples', 'province.yaml')]).runs[0]!.tool.driver
      .rules;
    const own = rules.filter((r) => r.id.startsWith('province/'));
    expect(own.length).toBeGreaterThan(0);
    for (const r of own) {
      expect(r.helpUri).toBeUndefined();
      expect(r.help.markdown).not.toContain('规则说明');
    }
    expect(rules.find((r) => r.id === 'study/xi-thought')?.helpUri).toMatch(/docs\/rules\/study\.md#studyxi-thought$/);
  });

  it('--sarif-help-uri sets the template, none leaves the links out, anything else is a usage error', () => {
    const mirror = sarif([TAOJIA, '--sarif-help-uri', 'https://intranet.example/fazhi/{version}/{ruleId}']).runs[0]!
      .tool.driver.rules;
    expect(mirror[0]!.helpUri).toBe(`https://intranet.example/fazhi/${pkg.version}/${mirror[0]!.id}`);
    const none = sarif([TAOJIA, '--sarif-help-uri', 'none']).runs[0]!.tool.driver.rules;
    expect(none.every((r) => r.helpUri === undefined)).toBe(true);
    const bad = runCli(['check', TAOJIA, '-f', 'sarif', '--sarif-help-uri', 'docs/{doc}']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(
      /^fazhi: --sarif-help-uri docs\/\{doc\}: 应为 http\(s\):\/\/ 开头的链接模板.* \[usage\]\n$/,
    );
  });
});

describe('SARIF and GitHub paths: relative to the repository root, also from a subfolder', () => {
  function repoWithSubfolder(): { repo: string; site: string } {
    const repo = mkdtempSync(path.join(os.tmpdir(), 'fazhi-root-'));
    mkdirSync(path.join(repo, '.git'));
    const site = path.join(repo, 'site');
    mkdirSync(path.join(site, 'reports'), { recursive: true });
    copyFileSync(TAOJIA, path.join(site, 'reports', '陶家 2025.txt'));
    return { repo, site };
  }
  const uris = (log: SarifLog) =>
    new Set(log.runs[0]!.results.flatMap((r) => r.locations.map((l) => l.physicalLocation.artifactLocation.uri)));

  it('from a subfolder of a git repository, paths start at the repository root', () => {
    const { repo, site } = repoWithSubfolder();
    const log = sarif(['reports/'], site);
    expect(uris(log)).toEqual(new Set(['site/reports/%E9%99%B6%E5%AE%B6%202025.txt']));
    expect(log.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri).toBe(`file://${repo}/`);
    const github = runCli(['check', 'reports/', '-f', 'github'], { cwd: site });
    expect(github.stdout).toMatch(/^::\w+ file=site\/reports\/陶家 2025\.txt,line=/m);
  });

  it('--sarif-root names the root; a folder that does not exist is a usage error', () => {
    const { site } = repoWithSubfolder();
    const log = sarif(['reports/', '--sarif-root', '.'], site);
    expect(uris(log)).toEqual(new Set(['reports/%E9%99%B6%E5%AE%B6%202025.txt']));
    expect(log.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri).toBe(`file://${site}/`);
    const bad = runCli(['check', 'reports/', '-f', 'sarif', '--sarif-root', 'nowhere'], { cwd: site });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('fazhi: --sarif-root nowhere: 不是目录 [usage]\n');
  });

  it('outside any repository, paths are relative to the folder fazhi ran in', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-norepo-'));
    copyFileSync(TAOJIA, path.join(dir, 'r.txt'));
    expect(uris(sarif(['r.txt'], dir))).toEqual(new Set(['r.txt']));
  });
});

describe('paths on Windows (path.win32): drive letters, backslashes, UNC', () => {
  const win = path.win32;
  it.each([
    ['a file below the root', 'reports\\陶家.txt', 'C:\\repo', 'C:\\repo', 'reports/陶家.txt'],
    ['run in a subfolder', 'reports\\a.docx', 'C:\\repo', 'C:\\repo\\site', 'site/reports/a.docx'],
    ['an absolute path with forward slashes', 'C:/repo/x/a.txt', 'C:\\repo', 'C:\\repo', 'x/a.txt'],
    ['drive letters differ in case', 'c:\\Repo\\a.txt', 'C:\\Repo', 'C:\\Repo', 'a.txt'],
    ['another drive', 'D:\\other\\a.txt', 'C:\\repo', 'C:\\repo', null],
    ['above the root', '..\\a.txt', 'C:\\repo', 'C:\\repo', null],
    ['a UNC share', '\\\\server\\share\\town\\a.txt', '\\\\server\\share', '\\\\server\\share', 'town/a.txt'],
    ['another UNC share', '\\\\server\\other\\a.txt', '\\\\server\\share', '\\\\server\\share', null],
  ] as const)('%s', (_name, file, root, base, expected) => {
    expect(relativePath(file, root, base, win)).toBe(expected);
  });

  it('absolute paths and file URLs use forward slashes and the drive or host', () => {
    expect(absolutePath('a.txt', 'D:\\书面报告', win)).toBe('D:/书面报告/a.txt');
    expect(fileUrl('a b.txt', 'D:\\reports', win)).toBe('file:///D:/reports/a%20b.txt');
    expect(fileUrl('a.txt', '\\\\server\\share', win)).toBe('file://server/share/a.txt');
    expect(cwdUrl('C:\\repo', win)).toBe('file:///C:/repo/');
  });
});
