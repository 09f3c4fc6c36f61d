import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { START_FILES } from '../src/cli/site.js';
import { buildSiteFiles } from '../src/web/build.js';
import { ROOT } from './helpers.js';

/** The budget of the README (自查网页): what a town office's browser loads to open the page. */
const BUDGET = 3 * 1024 * 1024;

const gzipped = (text: string) => zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 }).length;

describe('the self-check page size', async () => {
  const files = await buildSiteFiles(ROOT);

  it(`loads at most ${BUDGET / 1024 / 1024} MB gzipped at start`, () => {
    const start = START_FILES.reduce((n, name) => n + gzipped(files.get(name) ?? ''), 0);
    const all = [...files.values()].reduce((n, text) => n + gzipped(text), 0);
    console.log(
      `self-check page: ${(start / 1024).toFixed(0)} KB gzipped at start, ${(all / 1024).toFixed(0)} KB with pdf.js`,
    );
    expect(start).toBeLessThanOrEqual(BUDGET);
    expect(start).toBeGreaterThan(0);
  });

  it('loads pdf.js only on demand: the page names only its start files', () => {
    const html = files.get('index.html') ?? '';
    const referenced = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(referenced.sort()).toEqual(START_FILES.filter((f) => f !== 'index.html').sort());
    // A message only pdf.js itself carries.
    expect(files.get('app.js')).not.toContain('Invalid `workerPort` type.');
    expect(files.get('pdf.js')).toContain('Invalid `workerPort` type.');
  });

  it('builds the same bytes twice', async () => {
    const again = await buildSiteFiles(ROOT);
    for (const [name, text] of files) expect(again.get(name) === text, name).toBe(true);
  });
});
