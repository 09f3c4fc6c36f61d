/**
 * Bounded resources under hostile input (issue 15): what is not a regular file is refused,
 * never read without end or waited on; PDFs that inflate without bound or have thousands of
 * pages, HTML nested 100,000 deep and reports that take too long end in seconds with a
 * one-line error naming the flag that raises the limit. Every hostile input is built here, in
 * a scratch folder. A hang shows as a killed child (spawnSync's timeout) or vitest's timeout.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileReadError, readRegularFile } from '../src/ingest/files.js';
import { inflatedBytes } from '../src/ingest/pdf-streams.js';
import { pdfAdapter } from '../src/ingest/pdf.js';
import { readHtml, parseHtmlCapped } from '../src/ingest/html.js';
import { readInput } from '../src/ingest/index.js';
import { checkAll } from '../src/run/batch.js';
import { analyseSource } from '../src/report/pipeline.js';
import { builtinRules, MINIMAL_PACK, ROOT } from './helpers.js';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-hostile-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const REPORT = [
  '白沙镇2024年法治政府建设年度报告',
  '一、主要举措和成效',
  '全面推进依法行政，全年调解矛盾纠纷20件，成功调解19件，开展法治宣传12场。',
  '二、存在的不足和原因',
  '执法人员培训不够。',
].join('\n');

/** A scratch folder of its own for one test. */
function scratch(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The built CLI, killed after 20 s: a hang shows as a signal, not as a frozen test worker. */
function fazhi(args: string[], cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'fazhi.js'), ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', CI: '' },
    encoding: 'utf8',
    timeout: 20_000,
    input: '',
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** stderr lines, without the machine code some carry at the end (` [config-invalid]`). */
function errorLines(run: Run): string[] {
  return run.stderr
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.replace(/ \[[a-z-]+\]$/, ''));
}

function expectRefused(run: Run, shown: string): void {
  expect(run.signal).toBeNull();
  expect(run.code).toBe(2);
  expect(errorLines(run)).toContain(`fazhi: ${shown}: 不是普通文件`);
}

describe('things that are not regular files are refused, never read or waited on', { timeout: 60_000 }, () => {
  it('a symlink to /dev/zero inside a folder being checked; the folder’s real report is still checked', () => {
    const dir = scratch('zero-in-folder');
    fs.writeFileSync(path.join(dir, 'a.txt'), REPORT);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    const run = fazhi(['check', '-f', 'json', dir]);
    expectRefused(run, `${dir}/zero.txt`);
    const json = JSON.parse(run.stdout) as { reports: Array<{ file: string }>; failures: Array<{ code: string }> };
    expect(json.reports.map((r) => r.file)).toEqual([`${dir}/a.txt`]);
    expect(json.failures.map((f) => f.code)).toEqual(['input-not-a-file']);
  });

  it('a FIFO named as the report, and one inside a folder, never block', () => {
    const dir = scratch('fifo-input');
    mkfifo(path.join(dir, 'pipe.txt'));
    expectRefused(fazhi(['check', path.join(dir, 'pipe.txt')]), path.join(dir, 'pipe.txt'));
    fs.writeFileSync(path.join(dir, 'a.txt'), REPORT);
    const run = fazhi(['check', dir]);
    expect(run.signal).toBeNull();
    // Listed or not by the folder walk, a FIFO is never read: the run ends, the report is checked.
    expect(run.stdout).toContain(`${dir}/a.txt`);
    expect(run.stderr).not.toMatch(/内部错误/);
  });

  it('a symlink to a device given directly (/dev/null reads as empty, /dev/zero without end)', () => {
    const dir = scratch('devices');
    fs.symlinkSync('/dev/null', path.join(dir, 'null.md'));
    expectRefused(fazhi(['check', path.join(dir, 'null.md')]), path.join(dir, 'null.md'));
    expectRefused(fazhi(['check', '/dev/zero']), '/dev/zero');
  });

  for (const kind of ['symlink to /dev/zero', 'FIFO'] as const) {
    it(`a config found upward that is a ${kind}`, () => {
      const dir = scratch(`config-${kind === 'FIFO' ? 'fifo' : 'zero'}`);
      fs.writeFileSync(path.join(dir, 'a.txt'), REPORT);
      const config = path.join(dir, 'fazhi.config.yaml');
      if (kind === 'FIFO') mkfifo(config);
      else fs.symlinkSync('/dev/zero', config);
      expectRefused(fazhi(['check', 'a.txt'], dir), 'fazhi.config.yaml');
      // Named with --config too.
      expectRefused(fazhi(['check', '--config', config, path.join(dir, 'a.txt')]), config);
    });
  }

  it('a pack whose extends names /dev/zero, and a pack that is a FIFO', () => {
    const dir = scratch('pack');
    fs.writeFileSync(path.join(dir, 'a.txt'), REPORT);
    fs.writeFileSync(path.join(dir, 'pack.yaml'), `${MINIMAL_PACK}extends: [/dev/zero]\n`);
    expectRefused(fazhi(['check', '-p', path.join(dir, 'pack.yaml'), path.join(dir, 'a.txt')]), '/dev/zero');
    mkfifo(path.join(dir, 'fifo.yaml'));
    expectRefused(fazhi(['check', '-p', path.join(dir, 'fifo.yaml'), path.join(dir, 'a.txt')]), `${dir}/fifo.yaml`);
    // The same pack without the hostile parent loads: the refusal is about /dev/zero.
    fs.writeFileSync(path.join(dir, 'ok.yaml'), MINIMAL_PACK);
    expect(fazhi(['check', '-p', path.join(dir, 'ok.yaml'), path.join(dir, 'a.txt')]).code).toBe(0);
  });

  it('a baseline that is a FIFO or a symlink to /dev/zero', () => {
    const dir = scratch('baseline');
    fs.writeFileSync(path.join(dir, 'a.txt'), REPORT);
    mkfifo(path.join(dir, 'fifo.json'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.json'));
    for (const name of ['fifo.json', 'zero.json']) {
      expectRefused(fazhi(['check', '--baseline', name, 'a.txt'], dir), name);
    }
  });

  it('an expectations file for eval that is a FIFO or a symlink to /dev/zero', () => {
    const dir = scratch('eval');
    mkfifo(path.join(dir, 'fifo.yaml'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    for (const name of ['fifo.yaml', 'zero.yaml']) expectRefused(fazhi(['eval', name], dir), name);
  });
});

describe('readRegularFile: every kind of path', () => {
  type Kind = 'regular' | 'link-regular' | 'link-zero' | 'link-null' | 'fifo' | 'link-fifo' | 'dir' | 'missing';
  const kinds: Kind[] = ['regular', 'link-regular', 'link-zero', 'link-null', 'fifo', 'link-fifo', 'dir', 'missing'];
  let n = 0;

  function make(kind: Kind, size: number): string {
    const dir = scratch(`kinds-${n++}`);
    const file = path.join(dir, 'x');
    const real = path.join(dir, 'real');
    if (kind.includes('regular')) fs.writeFileSync(real, Buffer.alloc(size, 0x61));
    if (kind.includes('fifo')) mkfifo(real);
    if (kind === 'regular' || kind === 'fifo') fs.renameSync(real, file);
    else if (kind === 'link-zero') fs.symlinkSync('/dev/zero', file);
    else if (kind === 'link-null') fs.symlinkSync('/dev/null', file);
    else if (kind === 'dir') fs.mkdirSync(file);
    else if (kind !== 'missing') fs.symlinkSync(real, file);
    return file;
  }

  it('reads a regular file up to the limit and refuses everything else, at once', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.nat(64), fc.nat(64), (kind, size, max) => {
        const file = make(kind, size);
        let outcome: string;
        try {
          outcome = `read ${readRegularFile(file, { maxBytes: max }).length}`;
        } catch (e) {
          expect(e).toBeInstanceOf(FileReadError);
          outcome = (e as FileReadError).problem;
        }
        const expected: Record<Kind, string> = {
          regular: size > max ? 'too-large' : `read ${size}`,
          'link-regular': size > max ? 'too-large' : `read ${size}`,
          'link-zero': 'not-regular',
          'link-null': 'not-regular',
          fifo: 'not-regular',
          'link-fifo': 'not-regular',
          dir: 'directory',
          missing: 'not-found',
        };
        expect(outcome).toBe(expected[kind]);
      }),
      { numRuns: 120 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// PDF

interface PdfSpec {
  pages?: number;
  /** Blank bytes the first page's content stream inflates to, besides its text. */
  bombBytes?: number;
  /** Flate filters stacked on that stream. */
  layers?: number;
  /** An image XObject stream of this many inflated bytes (text extraction never decodes it). */
  imageBytes?: number;
}

/** A well-formed PDF: pages of one Helvetica line each, cross-reference table and all. */
function makePdf({ pages = 1, bombBytes = 0, layers = 1, imageBytes = 0 }: PdfSpec): Buffer {
  const objects: Buffer[] = [];
  const add = (body: string | Buffer): number => objects.push(Buffer.from(body));
  const stream = (dict: string, data: Buffer): Buffer =>
    Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // 2: the page tree, filled in below
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const image =
    imageBytes > 0
      ? add(
          stream(
            `/Type /XObject /Subtype /Image /Width ${imageBytes} /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
            deflateSync(Buffer.alloc(imageBytes)),
          ),
        )
      : 0;
  const kids: number[] = [];
  for (let p = 1; p <= pages; p++) {
    let content = Buffer.from(
      `BT /F1 12 Tf 72 720 Td (Page ${p} of the annual report on law-based government) Tj ET\n`,
    );
    let filters = '';
    if (p === 1 && bombBytes > 0) {
      content = Buffer.concat([content, Buffer.alloc(bombBytes, 0x20)]);
      for (let i = 0; i < layers; i++) content = deflateSync(content, { level: 9 });
      filters = `/Filter [${' /FlateDecode'.repeat(layers)} ]`;
    }
    const contents = add(stream(filters, content));
    const xobject = image ? `/XObject << /Im1 ${image} 0 R >>` : '';
    kids.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> ${xobject} >> /Contents ${contents} 0 R >>`,
      ),
    );
  }
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${pages} >>`);
  const parts = [Buffer.from('%PDF-1.4\n')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(part);
    offset += part.length;
  });
  const xref = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

const MB = 1024 * 1024;

describe('PDF: inflated bytes, pages and time are bounded', { timeout: 60_000 }, () => {
  it('a small file whose content stream inflates past 4 × --max-size is refused before pdf.js reads it', () => {
    const dir = scratch('pdf-bomb');
    const file = path.join(dir, 'bomb.pdf');
    fs.writeFileSync(file, makePdf({ bombBytes: 40 * MB }));
    expect(fs.statSync(file).size).toBeLessThan(100 * 1024);
    const run = fazhi(['check', '--max-size', '1', 'bomb.pdf'], dir);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(errorLines(run)).toEqual([
      'fazhi: bomb.pdf: PDF 解压后的内容超过 4 MB（上限为 --max-size 的 4 倍；可用 --max-size 调整）',
    ]);
    // Raised, the same file is read (a blank page body is no text layer, said as such).
    const raised = fazhi(['check', '--max-size', '11', 'bomb.pdf'], dir);
    expect(raised.stderr).not.toContain('解压后');
  });

  it('stacked Flate filters count what the last one inflates to', async () => {
    const bytes = makePdf({ bombBytes: 8 * MB, layers: 3 });
    expect(bytes.length).toBeLessThan(4096);
    await expect(pdfAdapter.read(bytes, 'nested.pdf', { maxBytes: MB })).rejects.toThrow(/解压后的内容超过 4 MB/);
    await expect(pdfAdapter.read(bytes, 'nested.pdf', { maxBytes: 3 * MB })).resolves.toMatchObject({
      format: 'pdf',
    });
  });

  it('images do not count: text extraction never inflates them', async () => {
    const bytes = makePdf({ imageBytes: 8 * MB });
    const read = await pdfAdapter.read(bytes, 'image.pdf', { maxBytes: MB });
    expect(read.text).toContain('annual report');
  });

  it('inflatedBytes is exact under the budget and stops just past it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ size: fc.nat(50_000), layers: fc.integer({ min: 1, max: 3 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.nat(120_000),
        (streams, budget) => {
          const parts = streams.map(({ size, layers }, i) => {
            let data = Buffer.alloc(size, i);
            for (let k = 0; k < layers; k++) data = deflateSync(data);
            const filters = ' /FlateDecode'.repeat(layers);
            return Buffer.concat([
              Buffer.from(`${i + 1} 0 obj\n<< /Length ${data.length} /Filter [${filters} ] >>\nstream\n`),
              data,
              Buffer.from('\nendstream\nendobj\n'),
            ]);
          });
          const total = streams.reduce((n, s) => n + s.size, 0);
          const measured = inflatedBytes(Buffer.concat([Buffer.from('%PDF-1.4\n'), ...parts]), budget);
          if (total <= budget) expect(measured).toBe(total);
          else expect(measured).toBeGreaterThan(budget);
        },
      ),
      // The empty stream under two layers once failed: the middle layer outgrew a zero budget.
      {
        numRuns: 60,
        examples: [
          [[{ size: 0, layers: 2 }], 0],
          [[{ size: 10, layers: 3 }], 10],
        ],
      },
    );
  });

  it('a 6,000-page PDF is refused at once by --max-pages (default 300); raised, it is read', () => {
    const dir = scratch('pdf-pages');
    fs.writeFileSync(path.join(dir, 'many.pdf'), makePdf({ pages: 6000 }));
    const run = fazhi(['check', 'many.pdf'], dir);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(errorLines(run)).toEqual(['fazhi: many.pdf: PDF 页数过多（6000 页，上限 300 页；可用 --max-pages 调整）']);
    fs.writeFileSync(path.join(dir, 'six.pdf'), makePdf({ pages: 6 }));
    expect(errorLines(fazhi(['check', '--max-pages', '5', 'six.pdf'], dir))).toEqual([
      'fazhi: six.pdf: PDF 页数过多（6 页，上限 5 页；可用 --max-pages 调整）',
    ]);
    expect(fazhi(['check', '--max-pages', '6', 'six.pdf'], dir).stderr).not.toContain('页数过多');
    expect(fazhi(['check', '--max-pages', '0', 'six.pdf'], dir).code).toBe(2);
  });

  it('a long PDF gives up between pages once --timeout has passed', () => {
    const dir = scratch('pdf-time');
    fs.writeFileSync(path.join(dir, 'long.pdf'), makePdf({ pages: 6000 }));
    const run = fazhi(['check', '--max-pages', '10000', '--timeout', '0.1', '-f', 'json', 'long.pdf'], dir);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(errorLines(run)).toEqual(['fazhi: long.pdf: 检查超时（超过 0.1 秒），已中止（可用 --timeout 调整）']);
    expect((JSON.parse(run.stdout) as { failures: Array<{ code: string }> }).failures[0]?.code).toBe('input-timeout');
  });
});

// ---------------------------------------------------------------------------------------------
// HTML

const PROSE = `<p>${'本镇全面推进依法行政，深化法治政府建设。'.repeat(15)}</p>`;

describe('HTML: deep or huge markup degrades to flat text', { timeout: 60_000 }, () => {
  for (const [name, open, close] of [
    ['100,000 nested <span>s, closed', '<span>', '</span>'],
    ['100,000 nested <div>s, never closed', '<div>', ''],
    ['50,000 nested <b><i> pairs with attributes', '<b class="x"><i id="y">', ''],
  ] as const) {
    it(name, () => {
      const depth = open.includes('<b') ? 50_000 : 100_000;
      const html = `<html><body>${PROSE}${open.repeat(depth)}深处的文字${close.repeat(depth)}${PROSE}</body></html>`;
      const read = readHtml(Buffer.from(html), 'deep.html');
      expect(read.text).toContain('深处的文字');
      expect(read.text).toContain('深化法治政府建设');
    });
  }

  it('through the CLI too', () => {
    const dir = scratch('html-deep');
    const html = `<html><body>${PROSE}${'<span>'.repeat(100_000)}深处的文字${'</span>'.repeat(100_000)}</body></html>`;
    fs.writeFileSync(path.join(dir, 'deep.html'), html);
    const run = fazhi(['check', '-f', 'json', 'deep.html'], dir);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1); // checked: a report with findings
    expect(run.stderr).toBe('');
  });

  type Tree = string | { tag: string; children: Tree[] };
  const tags = ['span', 'b', 'div', 'p', 'td', 'li', 'a', 'section', 'br', 'img', 'font'];
  const tree: fc.Arbitrary<Tree[]> = fc.letrec<{ node: Tree; nodes: Tree[] }>((t) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('法治', '调解', '普法', 'law', '2024'),
      fc.record({ tag: fc.constantFrom(...tags), children: t('nodes') }),
    ),
    nodes: fc.array(t('node'), { maxLength: 4 }),
  })).nodes;
  const render = (nodes: Tree[]): string =>
    nodes
      .map((n) =>
        typeof n === 'string'
          ? n
          : n.tag === 'br' || n.tag === 'img'
            ? `<${n.tag}>${render(n.children)}`
            : `<${n.tag}>${render(n.children)}</${n.tag}>`,
      )
      .join('');
  const textOf = (node: { children?: unknown[]; data?: unknown }): string =>
    typeof node.data === 'string' ? node.data : (node.children ?? []).map((c) => textOf(c as typeof node)).join('');
  /** Elements nested in elements (the document and text nodes do not count). */
  const depthOf = (node: { children?: unknown[]; name?: unknown }): number =>
    (typeof node.name === 'string' ? 1 : 0) +
    Math.max(0, ...(node.children ?? []).map((c) => depthOf(c as typeof node)));
  const countOf = (node: { children?: unknown[]; name?: unknown }): number =>
    (typeof node.name === 'string' ? 1 : 0) +
    (node.children ?? []).reduce<number>((n, c) => n + countOf(c as typeof node), 0);

  it('capped parsing keeps every word in order, and no deeper or more elements than the caps', () => {
    fc.assert(
      fc.property(
        tree,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 30 }),
        fc.nat(3),
        (nodes, maxDepth, maxElements, junkCloses) => {
          // Stray end tags too: markup on portals is rarely balanced.
          const html = render(nodes) + '</span>'.repeat(junkCloses);
          const capped = parseHtmlCapped(html, maxDepth, maxElements);
          const squash = (s: string) => s.replace(/\s+/g, '');
          expect(squash(textOf(capped))).toBe(squash(textOf(parseHtmlCapped(html, Infinity, Infinity))));
          expect(depthOf(capped)).toBeLessThanOrEqual(maxDepth);
          expect(countOf(capped)).toBeLessThanOrEqual(maxElements);
        },
      ),
      { numRuns: 400 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Time

describe('a per-input time limit for every format, in this thread too', { timeout: 60_000 }, () => {
  const long = () =>
    [
      '某镇2024年法治政府建设年度报告',
      '一、主要举措和成效',
      ...Array.from({ length: 40_000 }, (_, i) => `全面推进依法行政，调解矛盾纠纷${i}件，开展法治宣传${i}场。`),
    ].join('\n');

  it('a plain-text report that takes longer than --timeout fails, naming --timeout', () => {
    const dir = scratch('time-text');
    fs.writeFileSync(path.join(dir, 'long.txt'), long());
    fs.writeFileSync(path.join(dir, 'short.txt'), REPORT);
    const run = fazhi(['check', '--timeout', '0.1', '-j', '1', 'long.txt', 'short.txt'], dir);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(errorLines(run)).toEqual(['fazhi: long.txt: 检查超时（超过 0.1 秒），已中止（可用 --timeout 调整）']);
    // The short one, checked after, is not held to the long one's clock.
    expect(run.stdout).toContain('short.txt');
  });

  it('the library applies the same limit to checks in this thread', async () => {
    const dir = scratch('time-lib');
    fs.writeFileSync(path.join(dir, 'long.md'), long());
    const run = await checkAll([path.join(dir, 'long.md')], builtinRules(), { jobs: 1, timeoutMs: 1 });
    expect(run.reports).toEqual([]);
    expect(run.failures.map((f) => f.code)).toEqual(['input-timeout']);
    // Standard input comes at the writer's pace: the clock starts once it is in.
    const slow = Readable.from(
      (async function* () {
        await new Promise((resolve) => setTimeout(resolve, 3500));
        yield Buffer.from(REPORT);
      })(),
    );
    const piped = await checkAll(['-'], builtinRules(), { jobs: 1, timeoutMs: 3000, stdin: slow });
    expect(piped.failures).toEqual([]);
    expect(piped.reports).toHaveLength(1);
    // Without a clock passed, readInput has no time limit.
    expect((await readInput(path.join(dir, 'long.md'))).format).toBe('text');
  });

  it('the pipeline stops at the first checkpoint between stages once the clock has run out', async () => {
    const source = { file: 'a.txt', format: 'text' as const, encoding: null, text: REPORT };
    const stages: string[] = [];
    const stop = new Error('stop');
    await expect(
      analyseSource(source, builtinRules(), () => {
        stages.push('checkpoint');
        if (stages.length === 2) throw stop;
      }),
    ).rejects.toBe(stop);
    // parse → checkpoint → facts → checkpoint (thrown): the engine never ran.
    expect(stages).toEqual(['checkpoint', 'checkpoint']);
    const whole: string[] = [];
    await analyseSource(source, builtinRules(), () => whole.push('checkpoint'));
    expect(whole).toHaveLength(3);
  });
});
