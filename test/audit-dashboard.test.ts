/// <reference lib="dom" />
/**
 * The audit dashboard in a real browser (Debian's Chromium through playwright-core), opened
 * from file:// as an inspector opens it: the ranking sorts and filters, the charts are drawn,
 * and no request leaves the folder. FAZHI_SCREENSHOTS=1 writes docs/images/audit-dashboard.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

const CHROMIUM = process.env.FAZHI_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-dashboard-'));

if (!HAVE_CHROMIUM) {
  console.warn(
    `\n*** test/audit-dashboard.test.ts SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set FAZHI_CHROMIUM). ` +
      'The audit dashboard was NOT tested in a browser. ***\n',
  );
}

describe.runIf(!HAVE_CHROMIUM && process.env.CI === 'true')('the audit dashboard in CI', () => {
  it('needs Chromium', () => {
    throw new Error(`CI=true but no Chromium at ${CHROMIUM}: .ci/run must install it (apt-get install chromium)`);
  });
});

describe.runIf(HAVE_CHROMIUM)('the audit dashboard in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const out = path.join(TMP, '审核结果');

  beforeAll(async () => {
    const sub = path.join(TMP, '报送材料');
    fs.mkdirSync(sub, { recursive: true });
    for (const r of [
      'taojia-2025.txt',
      'xuantan-2024.txt',
      'gurtu-2024.txt',
      'draft-low-mediation.txt',
      'draft-no-first-responsible.txt',
    ])
      fs.copyFileSync(path.join(ROOT, 'reports', r), path.join(sub, r));
    const run = runCli(['audit', '报送材料', '--out', '审核结果'], { cwd: TMP });
    expect(run.code, run.stderr).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--lang=zh-CN'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 1500 } });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(TMP, { recursive: true, force: true });
  });

  const column = (n: number) =>
    page.$$eval(`#ranking tbody tr:not([hidden]) td:nth-child(${n})`, (cells) => cells.map((c) => c.textContent ?? ''));

  it('shows the ranking, highest score first, and the charts', async () => {
    const scores = (await column(4)).map(Number);
    expect(scores).toHaveLength(5);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(await page.locator('svg.heatmap rect title').count()).toBeGreaterThanOrEqual(5 * 14);
    expect(await page.locator('svg.histogram rect.bar').count()).toBe(10);
    expect(await page.locator('#shown').textContent()).toBe('显示 5 / 5 份');
  });

  it('sorts by a column when its header is clicked, and back the other way on a second click', async () => {
    await page.getByRole('button', { name: '单位' }).click();
    const towns = await column(2);
    expect(towns).toEqual([...towns].sort((a, b) => a.localeCompare(b, 'zh')));
    await page.getByRole('button', { name: '单位' }).click();
    expect(await column(2)).toEqual([...towns].reverse());
    await page.getByRole('button', { name: /^矛盾纠纷化解/ }).click();
    const points = (await column(14)).map((t) => (t === '—' ? -1 : Number(t)));
    expect(points).toEqual([...points].sort((a, b) => b - a));
    expect(await page.getByRole('button', { name: /^矛盾纠纷化解/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('filters by grade and by a failed rule', async () => {
    await page.selectOption('#filter-grade', '不合格');
    const grades = await column(5);
    expect(grades.length).toBeGreaterThan(0);
    expect(grades.every((g) => g === '不合格')).toBe(true);
    await page.selectOption('#filter-grade', '');
    await page.selectOption('#filter-rule', 'structure/first-responsible');
    expect(await column(2)).toEqual(['青石镇']);
    await page.selectOption('#filter-rule', '');
    expect(await page.locator('#shown').textContent()).toBe('显示 5 / 5 份');
  });

  it('links each town to its page, which loads its own style and script only', async () => {
    await page.locator('#ranking a', { hasText: '白沙乡' }).first().click();
    await expect.poll(() => page.title()).toMatch(/^白沙乡 · 审核意见$/);
    expect(await page.locator('h1').textContent()).toBe('白沙乡 2025年度');
    if (process.env.FAZHI_SCREENSHOTS === '1') {
      await page.goBack();
      await page.screenshot({ path: path.join(ROOT, 'docs/images/audit-dashboard.png') });
    }
  });

  it('makes no request beyond its own folder', () => {
    const own = pathToFileURL(out).href + '/';
    expect(requests.length).toBeGreaterThan(2);
    expect(requests.filter((u) => !u.startsWith(own))).toEqual([]);
  });
});

describe.runIf(HAVE_CHROMIUM)('a large batch: the ranking loads from data/ranking.js', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const out = path.join(TMP, '大批审核结果');
  const COUNT = 201; // one over the reports whose rows index.html holds itself

  beforeAll(async () => {
    const sub = path.join(TMP, '大批报送材料');
    fs.mkdirSync(sub, { recursive: true });
    const samples = ['taojia-2025.txt', 'xuantan-2024.txt', 'gurtu-2024.txt', 'draft-no-first-responsible.txt'];
    for (let i = 0; i < COUNT; i++)
      fs.copyFileSync(
        path.join(ROOT, 'reports', samples[i % samples.length]!),
        path.join(sub, `r${String(i).padStart(3, '0')}.txt`),
      );
    const run = runCli(['audit', '大批报送材料', '--out', '大批审核结果'], { cwd: TMP });
    expect(run.code, run.stderr).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--lang=zh-CN'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 1500 } });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(TMP, { recursive: true, force: true });
  });

  const column = (n: number) =>
    page.$$eval(`#ranking tbody tr:not([hidden]) td:nth-child(${n})`, (cells) => cells.map((c) => c.textContent ?? ''));

  it('keeps the rows out of index.html, and shows them all, highest score first', async () => {
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).not.toContain('<tr data-rank=');
    expect(html).toContain('<script src="data/ranking.js"></script>');
    const scores = (await column(4)).map(Number);
    expect(scores).toHaveLength(COUNT);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(await page.locator('#shown').textContent()).toBe(`显示 ${COUNT} / ${COUNT} 份`);
  });

  it('sorts and filters the loaded rows', async () => {
    // Its name gains ▲/▼ once sorted.
    await page.getByRole('button', { name: /^得分/ }).click();
    await page.getByRole('button', { name: /^得分/ }).click();
    const scores = (await column(4)).map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    await page.selectOption('#filter-rule', 'structure/first-responsible');
    expect((await column(2)).length).toBeGreaterThan(0);
    expect(await page.locator('#shown').textContent()).not.toBe(`显示 ${COUNT} / ${COUNT} 份`);
  });

  it('makes no request beyond its own folder', () => {
    const own = pathToFileURL(out).href + '/';
    expect(requests.some((u) => u.endsWith('/data/ranking.js'))).toBe(true);
    expect(requests.filter((u) => !u.startsWith(own))).toEqual([]);
  });
});
