import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveRequest } from '../src/cli/web.js';
import { SITE_FILES } from '../src/cli/site.js';
import { ROOT, runCli } from './helpers.js';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-web-build-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

describe('fazhi web --out', () => {
  it('writes the site: every file, the CSP, and no inline script or style', () => {
    const out = path.join(TMP, 'site');
    const r = runCli(['web', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已生成自查网页');
    expect(fs.readdirSync(out).sort()).toEqual([...SITE_FILES].sort());
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    // Every <script> has a src, except the result's data block (JSON, never run).
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    for (const [, attrs, body] of scripts) {
      if (/type="application\/json"/.test(attrs as string)) expect(body).toBe('');
      else expect(attrs).toMatch(/\bsrc="[a-z-]+\.js"/);
    }
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=|<style/i);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    // Nothing the page loads at start names another origin.
    for (const name of ['app.js', 'packs.js', 'fazhi.css']) {
      const text = fs.readFileSync(path.join(out, name), 'utf8');
      expect(text).not.toMatch(/fonts\.googleapis|googletagmanager|cdn\.jsdelivr|unpkg\.com/);
    }
  });

  it('is the same bytes as the built site, every time', () => {
    const a = path.join(TMP, 'a');
    const b = path.join(TMP, 'b');
    expect(runCli(['web', '--out', a]).code).toBe(0);
    expect(runCli(['web', '--out', b]).code).toBe(0);
    for (const name of SITE_FILES) {
      const bytes = fs.readFileSync(path.join(a, name));
      expect(bytes.equals(fs.readFileSync(path.join(b, name)))).toBe(true);
      expect(bytes.equals(fs.readFileSync(path.join(ROOT, 'dist/site', name)))).toBe(true);
    }
  });

  it('rebuilds its own site in place and leaves no temporary folder', () => {
    const out = path.join(TMP, 'again');
    expect(runCli(['web', '--out', out]).code).toBe(0);
    fs.writeFileSync(path.join(out, 'app.js'), 'stale');
    expect(runCli(['web', '--out', out]).code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'app.js'), 'utf8')).not.toBe('stale');
    expect(fs.readdirSync(TMP).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('writes into an empty folder', () => {
    const out = path.join(TMP, 'empty');
    fs.mkdirSync(out);
    expect(runCli(['web', '--out', out]).code).toBe(0);
    expect(fs.existsSync(path.join(out, 'index.html'))).toBe(true);
  });

  it('refuses a folder that holds anything else, and changes nothing in it', () => {
    const out = path.join(TMP, 'mine');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'index.html'), '<p>我的网页</p>');
    const r = runCli(['web', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `fazhi: --out ${out}: 目录不是空的，也不是 fazhi 自查网页，不会覆盖其中的文件：请换一个目录 [usage]\n`,
    );
    expect(fs.readdirSync(out)).toEqual(['index.html']);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('<p>我的网页</p>');
  });

  it('refuses a file, and a missing --out, with one Chinese line and exit 2', () => {
    const file = path.join(TMP, 'a-file');
    fs.writeFileSync(file, 'x');
    const r = runCli(['web', '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`fazhi: --out ${file}: 已存在且不是目录，不会被覆盖 [usage]\n`);
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
    const missing = runCli(['web']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^fazhi: .*--out <目录>.*\[usage\]\n$/);
  });
});

describe('fazhi serve', () => {
  it('refuses a bad port and a folder that is not a site, exit 2', () => {
    const port = runCli(['serve', '--port', 'abc']);
    expect(port.code).toBe(2);
    expect(port.stderr).toBe('fazhi: --port abc: 应为 0–65535 之间的整数（0 表示任选一个空闲端口） [usage]\n');
    const dir = runCli(['serve', '--dir', path.join(TMP, 'nowhere')]);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toContain('不是目录');
    const notSite = path.join(TMP, 'not-site');
    fs.mkdirSync(notSite);
    const r = runCli(['serve', '--dir', notSite]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有 index.html');
  });

  it('serves only files inside the site folder', () => {
    const root = path.join(ROOT, 'dist/site');
    expect(resolveRequest(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRequest(root, '/app.js?x=1')).toBe(path.join(root, 'app.js'));
    expect(resolveRequest(root, '/../package.json')).toBeNull();
    expect(resolveRequest(root, '/..%2f..%2fpackage.json')).toBeNull();
    expect(resolveRequest(root, '/%E0%A4%A')).toBeNull();
    expect(resolveRequest(root, '/missing.js')).toBeNull();
  });
});
