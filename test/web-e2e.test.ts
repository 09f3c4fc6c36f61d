/// <reference lib="dom" />
/**
 * The self-check page in a real browser (Debian's Chromium through playwright-core), from
 * file:// and over `fazhi serve`: the page's JSON is the CLI's, byte for byte; findings and
 * quotes link both ways; downloads; bad input gets a Chinese message; every request stays on
 * the page's own origin. FAZHI_SCREENSHOTS=1 writes docs/images/web-1280.png and web-390.png.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

const CHROMIUM = process.env.FAZHI_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const SITE = path.join(ROOT, 'dist/site');
const SAMPLES = [
  path.join(ROOT, 'test/fixtures/docx/taojia-2025.docx'),
  path.join(ROOT, 'reports/taojia-2025.txt'),
  path.join(ROOT, 'test/fixtures/html/taojia-2025.html'),
];
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-web-e2e-'));

if (!HAVE_CHROMIUM) {
  console.warn(
    `\n*** test/web-e2e.test.ts SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set FAZHI_CHROMIUM). ` +
      'The self-check page was NOT tested in a browser. ***\n',
  );
}

describe.runIf(!HAVE_CHROMIUM && process.env.CI === 'true')('the self-check page in CI', () => {
  it('needs Chromium', () => {
    throw new Error(`CI=true but no Chromium at ${CHROMIUM}: .ci/run must install it (apt-get install chromium)`);
  });
});

/** The CLI's JSON for a file, run from its folder so `file` is the bare name (as the page has it). */
function cliJson(file: string): string {
  const r = runCli(['check', path.basename(file), '--no-config', '-f', 'json'], { cwd: path.dirname(file) });
  expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
  return r.stdout;
}

interface Origin {
  name: string;
  url: string;
  /** A request is the page's own when its URL starts with one of these. */
  own: string[];
}

describe.runIf(HAVE_CHROMIUM)('the self-check page in Chromium', () => {
  let browser: Browser;
  let server: ChildProcess | null = null;
  const origins: Origin[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--lang=zh-CN'] });
    origins.push({
      name: 'file://',
      url: pathToFileURL(path.join(SITE, 'index.html')).href,
      own: [pathToFileURL(SITE).href + '/', 'blob:null/'],
    });
    server = spawn(process.execPath, [path.join(ROOT, 'bin/fazhi.js'), 'serve', '--port', '0'], { cwd: TMP });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server?.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (found) resolve(found[0]);
      });
      server?.once('exit', (code) => reject(new Error(`fazhi serve exited ${code}: ${out}`)));
    });
    origins.push({ name: 'fazhi serve', url, own: [url, `blob:${url.slice(0, -1)}/`] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    fs.rmSync(TMP, { recursive: true, force: true });
  });

  async function openPage(origin: Origin, width = 1280, height = 900): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => requests.push(`pageerror: ${e.message}`));
    await page.goto(origin.url);
    await page.waitForFunction(() => document.body.dataset.state === 'idle');
    return page;
  }

  async function checkFile(page: Page, file: string): Promise<string> {
    await page.setInputFiles('#fazhi-file', file);
    await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state ?? ''), null, {
      timeout: 60_000,
    });
    return page.evaluate(() => document.body.dataset.state ?? '');
  }

  const resultJson = (page: Page) => page.evaluate(() => document.getElementById('fazhi-result')?.textContent ?? '');

  for (const origin of ['file://', 'fazhi serve']) {
    for (const sample of SAMPLES) {
      it(`${origin}: ${path.basename(sample)} gives the CLI's JSON, linked findings and downloads`, async () => {
        const o = origins.find((x) => x.name === origin) as Origin;
        const page = await openPage(o);
        const started = Date.now();
        expect(await checkFile(page, sample)).toBe('done');
        console.log(
          `${origin} ${path.basename(sample)}: checked in ${await page.evaluate(() => document.body.dataset.checkMs)} ms (${Date.now() - started} ms with the page's work)`,
        );
        const expected = cliJson(sample);
        expect(await resultJson(page)).toBe(expected);

        // A finding's quote, clicked: its mark in the text is highlighted and focused.
        const link = page.locator('.quote-link').first();
        await link.evaluate((n) => n.closest('details')?.setAttribute('open', ''));
        const key = (await link.getAttribute('data-ev')) as string;
        await link.click();
        const focused = await page.evaluate(() => {
          const a = document.activeElement as HTMLElement | null;
          return a?.tagName === 'MARK' ? { ev: a.dataset.ev ?? '', active: a.classList.contains('active') } : null;
        });
        expect(focused?.ev.split(' ')).toContain(key);
        expect(focused?.active).toBe(true);

        // A mark, clicked: its finding opens, highlighted.
        const mark = page.locator('mark.ev').nth(1);
        const index = ((await mark.getAttribute('data-findings')) as string).split(' ')[0];
        await mark.click();
        const finding = page.locator(`#finding-${index}`);
        expect(await finding.evaluate((d) => (d as HTMLDetailsElement).open && d.classList.contains('active'))).toBe(
          true,
        );

        // The JSON download is the same bytes.
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
        const saved = path.join(TMP, `${origin.replace(/\W/g, '')}-${download.suggestedFilename()}`);
        await download.saveAs(saved);
        expect(fs.readFileSync(saved, 'utf8')).toBe(expected);

        // The Word download is the same bytes as fazhi annotate's.
        const [word] = await Promise.all([page.waitForEvent('download'), page.click('#download-docx')]);
        expect(word.suggestedFilename()).toBe(`${path.basename(sample).replace(/\.[^.]+$/, '')}.批注.docx`);
        const pageWord = path.join(TMP, `${origin.replace(/\W/g, '')}-${word.suggestedFilename()}`);
        await word.saveAs(pageWord);
        const cliWord = path.join(TMP, `cli-${path.basename(sample)}.docx`);
        const annotated = runCli(['annotate', path.basename(sample), '--no-config', '-o', cliWord], {
          cwd: path.dirname(sample),
        });
        expect(annotated.code, annotated.stderr).toBe(0);
        expect(fs.readFileSync(pageWord).equals(fs.readFileSync(cliWord))).toBe(true);
        await page.context().close();
      }, 120_000);
    }
  }

  it("a report in traditional script: opencc.js loads then, and the JSON is the CLI's", async () => {
    // opencc-js's own declarations do not resolve under NodeNext (see src/text/script.ts).
    const OpenCC = createRequire(import.meta.url)('opencc-js') as {
      Converter: (o: { from: string; to: string }) => (text: string) => string;
    };
    const traditional = write(
      '陶家鎮-繁體.txt',
      Buffer.from(OpenCC.Converter({ from: 'cn', to: 'tw' })(fs.readFileSync(SAMPLES[1] as string, 'utf8'))),
    );
    const page = await openPage(origins[0] as Origin);
    const scripts: string[] = [];
    page.on('request', (r) => scripts.push(path.basename(new URL(r.url()).pathname)));
    expect(await checkFile(page, SAMPLES[1] as string)).toBe('done');
    expect(scripts).not.toContain('opencc.js');
    expect(await checkFile(page, traditional)).toBe('done');
    expect(scripts).toContain('opencc.js');
    expect(await resultJson(page)).toBe(cliJson(traditional));
    await page.context().close();
  }, 60_000);

  it('checks pasted text as the CLI checks the same text', async () => {
    const page = await openPage(origins[0] as Origin);
    await page.getByLabel('或者粘贴报告全文').fill(fs.readFileSync(SAMPLES[1] as string, 'utf8'));
    await page.getByRole('button', { name: '检查粘贴的文字' }).click();
    await page.waitForFunction(() => document.body.dataset.state === 'done');
    const json = JSON.parse(await resultJson(page)) as { reports: Array<{ score: unknown; findings: unknown }> };
    const cli = JSON.parse(cliJson(SAMPLES[1] as string)) as typeof json;
    expect(json.reports[0]?.score).toEqual(cli.reports[0]?.score);
    expect(json.reports[0]?.findings).toEqual(cli.reports[0]?.findings);
    await page.context().close();
  }, 60_000);

  it("a province's pack: the CLI's JSON with the same pack; a bad pack the CLI's messages", async () => {
    const page = await openPage(origins[0] as Origin);
    const dir = path.join(TMP, 'province');
    fs.mkdirSync(dir, { recursive: true });
    const pack = path.join(dir, 'province.yaml');
    const report = path.join(dir, 'taojia-2025.txt');
    fs.copyFileSync(path.join(ROOT, 'rules/examples/province.yaml'), pack);
    fs.copyFileSync(SAMPLES[1] as string, report);
    const scripts: string[] = [];
    page.on('request', (r) => scripts.push(path.basename(new URL(r.url()).pathname)));
    await page.setInputFiles('#fazhi-pack', pack);
    await page.waitForFunction(() => document.getElementById('pack-status')?.textContent?.startsWith('已加载'));
    expect(scripts).toEqual(['yaml.js']);
    expect(await checkFile(page, report)).toBe('done');
    const cli = runCli(['check', 'taojia-2025.txt', '--no-config', '-p', 'province.yaml', '-f', 'json'], { cwd: dir });
    expect(await resultJson(page)).toBe(cli.stdout);
    expect(cli.stdout).toContain('"id":"example-province"');

    const bad = write('bad.yaml', Buffer.from('id: bad\nversion: x\ntitle: 1\nrulez: {}\n'));
    await page.setInputFiles('#fazhi-pack', bad);
    await page.waitForFunction(() => document.getElementById('pack-status')?.textContent?.startsWith('规则包未加载'));
    const status = (await page.textContent('#pack-status')) ?? '';
    const refused = runCli(['check', 'taojia-2025.txt', '--no-config', '-p', bad], { cwd: dir });
    expect(refused.code).toBe(2);
    const lines = refused.stderr
      .trim()
      .split('\n')
      .map((l) => l.replace(/^fazhi: .*?bad\.yaml/, 'bad.yaml').replace(/ \[pack-invalid\]$/, ''));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(status).toContain(line);
    // The built-in packs apply again.
    expect(await checkFile(page, SAMPLES[1] as string)).toBe('done');
    expect(await resultJson(page)).toBe(cliJson(SAMPLES[1] as string));
    await page.context().close();
  }, 90_000);

  const bad: Array<[string, () => string, RegExp]> = [
    [
      'a legacy .doc',
      () =>
        write('旧报告.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)])),
      /旧报告\.doc：.*另存为 \.docx/,
    ],
    ['an empty file', () => write('空.txt', Buffer.alloc(0)), /空\.txt：文件为空/],
    ['a scanned PDF', () => path.join(ROOT, 'test/fixtures/pdf/scanned.pdf'), /scanned\.pdf：无文字层（可能是扫描件）/],
    ['a corrupt PDF', () => path.join(ROOT, 'test/fixtures/pdf/corrupt.pdf'), /corrupt\.pdf：PDF 文件已损坏/],
    [
      'a file over 50 MB',
      () => sparse('大文件.docx', 51 * 1024 * 1024),
      /大文件\.docx：文件过大（51 MB，网页上限 50 MB/,
    ],
  ];
  for (const [what, make, message] of bad) {
    it(`${what}: a Chinese message in an alert, state error`, async () => {
      const page = await openPage(origins[0] as Origin);
      expect(await checkFile(page, make())).toBe('error');
      const alert = page.getByRole('alert');
      expect(await alert.isVisible()).toBe(true);
      expect(await alert.textContent()).toMatch(message);
      expect(await resultJson(page)).toBe('');
      await page.context().close();
    }, 90_000);
  }

  it('a good file after a bad one is checked (the page recovers)', async () => {
    const page = await openPage(origins[0] as Origin);
    expect(await checkFile(page, write('空2.txt', Buffer.alloc(0)))).toBe('error');
    expect(await checkFile(page, SAMPLES[1] as string)).toBe('done');
    expect(await page.getByRole('alert').isVisible()).toBe(false);
    await page.context().close();
  }, 60_000);

  it('is usable by keyboard: every control has a label, a mark opens its finding with Enter', async () => {
    const page = await openPage(origins[0] as Origin);
    expect(await page.getByLabel('选择报告文件，或把文件拖到这里').getAttribute('id')).toBe('fazhi-file');
    expect(await checkFile(page, SAMPLES[0] as string)).toBe('done');
    const mark = page.locator('mark.ev').first();
    const index = ((await mark.getAttribute('data-findings')) as string).split(' ')[0];
    await mark.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator(`#finding-${index}`).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.context().close();
  }, 60_000);

  it('checks a dropped file; the print view hides the controls and opens every finding', async () => {
    const page = await openPage(origins[0] as Origin);
    const text = fs.readFileSync(SAMPLES[1] as string, 'utf8');
    const transfer = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'taojia-2025.txt', { type: 'text/plain' }));
      return dt;
    }, text);
    await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer: transfer });
    await page.waitForFunction(() => document.body.dataset.state === 'done');
    expect(await resultJson(page)).toBe(cliJson(SAMPLES[1] as string));
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.input').isVisible()).toBe(false);
    expect(await page.locator('#download-json').isVisible()).toBe(false);
    expect(await page.locator('details.finding:not([open])').count()).toBe(0);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.locator('details.finding:not([open])').count()).toBeGreaterThan(0);
    await page.context().close();
  }, 60_000);

  it('takes the screenshots (FAZHI_SCREENSHOTS=1) at 1280 and 390 px', async () => {
    for (const width of [1280, 390]) {
      const page = await openPage(origins[0] as Origin, width, width > 800 ? 1500 : 1600);
      expect(await checkFile(page, SAMPLES[0] as string)).toBe('done');
      // A finding opened and its quote shown, as a clerk would look at it.
      const link = page.locator('.quote-link').first();
      await link.evaluate((n) => n.closest('details')?.setAttribute('open', ''));
      await link.click();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal scroll at ${width} px`).toBeLessThanOrEqual(0);
      if (process.env.FAZHI_SCREENSHOTS === '1') {
        // From the result's head: the score card, the opened finding, its quote marked in the text.
        await page.evaluate(() => document.getElementById('fazhi-status')?.scrollIntoView());
        await page.screenshot({ path: path.join(ROOT, `docs/images/web-${width}.png`) });
      }
      await page.context().close();
    }
  }, 90_000);

  it('never asks for anything beyond its own origin (and loads pdf.js only for a PDF)', async () => {
    const page = await openPage(origins[0] as Origin);
    const loaded = () => requests.filter((u) => /\/pdf(-worker)?\.js$/.test(u)).length;
    const before = loaded();
    await checkFile(page, SAMPLES[1] as string);
    expect(loaded()).toBe(before);
    expect(await checkFile(page, path.join(ROOT, 'test/fixtures/pdf/taojia-2025.pdf'))).toBe('done');
    expect(loaded()).toBe(before + 2);
    await page.context().close();
    const own = origins.flatMap((o) => o.own);
    const foreign = requests.filter((u) => !own.some((prefix) => u.startsWith(prefix)) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(10);
  }, 90_000);
});

function write(name: string, bytes: Buffer): string {
  const file = path.join(TMP, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** A large file without writing its bytes (a hole). */
function sparse(name: string, size: number): string {
  const file = path.join(TMP, name);
  const fd = fs.openSync(file, 'w');
  fs.ftruncateSync(fd, size);
  fs.closeSync(fd);
  return file;
}
