import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOMMatrix, installDomMatrix } from '../src/ingest/dom-matrix.js';
import { ROOT } from './helpers.js';

const PDF = path.join(ROOT, 'test', 'fixtures', 'pdf', 'taojia-2025.pdf');

/**
 * A preloaded script that makes Node's resolver fail for @napi-rs/canvas the way it does for a
 * package that is not installed (`npm install --omit=optional`). pdf.js loads it with require().
 */
function hideCanvasPreload(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-no-canvas-'));
  const preload = path.join(dir, 'hide-canvas.cjs');
  writeFileSync(
    preload,
    `const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === '@napi-rs/canvas' || request.startsWith('@napi-rs/canvas/')) {
    const error = new Error("Cannot find module '" + request + "'");
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }
  return resolve.call(this, request, ...rest);
};
`,
  );
  return preload;
}

/** Reads the PDF through the built library in a fresh process; reports what it saw. */
function extract(hideCanvas: boolean) {
  const pdfModule = pathToFileURL(path.join(ROOT, 'dist', 'ingest', 'pdf.js')).href;
  const script = `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const pdfjsFile = createRequire(${JSON.stringify(pathToFileURL(path.join(ROOT, 'package.json')).href)}).resolve('pdfjs-dist/legacy/build/pdf.mjs');
let canvas = null;
try { canvas = createRequire(pdfjsFile)('@napi-rs/canvas'); } catch {}
const before = typeof globalThis.DOMMatrix;
const { pdfAdapter } = await import(${JSON.stringify(pdfModule)});
const source = await pdfAdapter.read(new Uint8Array(readFileSync(${JSON.stringify(PDF)})), 'report.pdf');
const place = source.place(3, 1);
process.stdout.write(JSON.stringify({
  canvas: canvas !== null,
  before,
  fromCanvas: canvas !== null && globalThis.DOMMatrix === canvas.DOMMatrix,
  text: source.text,
  place,
}));
`;
  const args = hideCanvas ? ['-r', hideCanvasPreload()] : [];
  const run = spawnSync(process.execPath, [...args, '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return {
    stderr: run.stderr,
    out: JSON.parse(run.stdout) as {
      canvas: boolean;
      before: string;
      fromCanvas: boolean;
      text: string;
      place: unknown;
    },
  };
}

function canvasInstalled(): boolean {
  try {
    const pdfjs = createRequire(path.join(ROOT, 'package.json')).resolve('pdfjs-dist/legacy/build/pdf.mjs');
    createRequire(pdfjs).resolve('@napi-rs/canvas');
    return true;
  } catch {
    return false;
  }
}

describe('PDF text without @napi-rs/canvas', () => {
  it('reads the same text, places and no warnings as with it', () => {
    const without = extract(true);
    expect(without.out.canvas).toBe(false);
    expect(without.out.before).toBe('undefined'); // Node 20 has no DOMMatrix of its own
    expect(without.stderr).toBe(''); // pdf.js's warnings about drawing are held back
    expect(without.out.text.length).toBeGreaterThan(1000);
    expect(without.out.text).toContain('法治政府建设');

    const withCanvas = extract(false);
    expect(withCanvas.out.canvas).toBe(canvasInstalled());
    // When the package is there, pdf.js keeps using its DOMMatrix.
    expect(withCanvas.out.fromCanvas).toBe(withCanvas.out.canvas);
    expect(without.out.text).toBe(withCanvas.out.text);
    expect(without.out.place).toEqual(withCanvas.out.place);
  });

  it('the command-line check of a PDF gives the same JSON', () => {
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [...args, path.join(ROOT, 'bin/fazhi.js'), 'check', PDF, '--format', 'json'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
    const without = cli(['-r', hideCanvasPreload()]);
    const withCanvas = cli([]);
    expect(without.stderr).toBe('');
    expect([0, 1]).toContain(without.status);
    expect(without.status).toBe(withCanvas.status);
    expect(JSON.parse(without.stdout)).toEqual(JSON.parse(withCanvas.stdout));
  });
});

type Six = [number, number, number, number, number, number];
const six = (m: DOMMatrix): Six => [m.a, m.b, m.c, m.d, m.e, m.f];

describe('the 2D DOMMatrix stand-in', () => {
  it('starts as the identity, takes 6 values, or 16 with an identity 3D part', () => {
    expect(six(new DOMMatrix())).toEqual([1, 0, 0, 1, 0, 0]);
    expect(new DOMMatrix().isIdentity).toBe(true);
    const m = new DOMMatrix([1, 2, 3, 4, 5, 6]);
    expect([m.m11, m.m12, m.m21, m.m22, m.m41, m.m42]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([m.m13, m.m14, m.m23, m.m24, m.m31, m.m32, m.m33, m.m34, m.m43, m.m44]).toEqual([
      0, 0, 0, 0, 0, 0, 1, 0, 0, 1,
    ]);
    expect(six(new DOMMatrix(m.toFloat64Array() as unknown as number[]))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(six(new DOMMatrix(new Float32Array([2, 0, 0, 2, 1, 1]) as unknown as number[]))).toEqual([2, 0, 0, 2, 1, 1]);
    expect(() => new DOMMatrix([1, 2, 3])).toThrow(TypeError);
    const threeD = Array.from(m.toFloat64Array());
    threeD[10] = 2;
    expect(() => new DOMMatrix(threeD)).toThrow(TypeError);
    expect(m.toString()).toBe('matrix(1, 2, 3, 4, 5, 6)');
  });

  it('multiplies, translates, scales and inverts as the DOM does', () => {
    const m = new DOMMatrix([1, 2, 3, 4, 5, 6]);
    // this × [2 0 0 2 0 0]
    expect(six(m.scale(2))).toEqual([2, 4, 6, 8, 5, 6]);
    expect(six(m.scale(2, 3))).toEqual([2, 4, 9, 12, 5, 6]);
    expect(six(m.translate(1, 1))).toEqual([1, 2, 3, 4, 9, 12]);
    expect(six(m)).toEqual([1, 2, 3, 4, 5, 6]); // the non-Self forms leave it alone
    expect(six(new DOMMatrix([2, 0, 0, 2, 0, 0]).multiply(new DOMMatrix([1, 0, 0, 1, 3, 4])))).toEqual([
      2, 0, 0, 2, 6, 8,
    ]);
    expect(six(new DOMMatrix([1, 0, 0, 1, 3, 4]).preMultiplySelf(new DOMMatrix([2, 0, 0, 2, 0, 0])))).toEqual([
      2, 0, 0, 2, 6, 8,
    ]);
    expect(six(m.inverse())).toEqual([-2, 1, 1.5, -0.5, 1, -2]);
    expect(six(new DOMMatrix([1, 0, 0, 0, 0, 0]).inverse()).every(Number.isNaN)).toBe(true);
    expect(m.transformPoint({ x: 1, y: 1 })).toEqual({ x: 9, y: 12, z: 0, w: 1 });
    // Scaling about an origin keeps the origin in place.
    const p = new DOMMatrix().scale(3, 3, 1, 10, 20).transformPoint({ x: 10, y: 20 });
    expect([p.x, p.y]).toEqual([10, 20]);
    // pdf.js's Type 3 glyph outlines: scaleSelf(1/w, -1/h).translateSelf(0, -h).
    expect(six(new DOMMatrix().scaleSelf(0.5, -0.25).translateSelf(0, -4))).toEqual([0.5, 0, 0, -0.25, 0, 1]);
  });

  it('matches @napi-rs/canvas on random matrices, when it is installed', (ctx) => {
    let Native: (new (init?: number[]) => DOMMatrix) | undefined;
    try {
      const pdfjs = createRequire(path.join(ROOT, 'package.json')).resolve('pdfjs-dist/legacy/build/pdf.mjs');
      Native = (createRequire(pdfjs)('@napi-rs/canvas') as { DOMMatrix: typeof Native }).DOMMatrix;
    } catch {
      Native = undefined;
    }
    if (!Native) {
      ctx.skip('@napi-rs/canvas is not installed: nothing to compare with');
      return;
    }
    const N = Native;
    const num = fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true });
    const matrix = fc.tuple(num, num, num, num, num, num);
    const close = (ours: Six, theirs: Six) => {
      for (let i = 0; i < 6; i++) expect(ours[i]).toBeCloseTo(theirs[i]!, 6);
    };
    fc.assert(
      fc.property(matrix, matrix, num, num, (m, n, x, y) => {
        close(six(new DOMMatrix(m).multiply(new DOMMatrix(n))), six(new N(m).multiply(new N(n))));
        close(six(new DOMMatrix(m).preMultiplySelf(new DOMMatrix(n))), six(new N(m).preMultiplySelf(new N(n))));
        close(six(new DOMMatrix(m).translate(x, y)), six(new N(m).translate(x, y)));
        close(six(new DOMMatrix(m).scale(x, y)), six(new N(m).scale(x, y)));
        if (Math.abs(m[0] * m[3] - m[1] * m[2]) > 1e-3) {
          const ours = six(new DOMMatrix(m).inverse());
          const theirs = six(new N(m).inverse());
          for (let i = 0; i < 6; i++) expect(ours[i]).toBeCloseTo(theirs[i]!, 3);
        }
        const p = new DOMMatrix(m).transformPoint({ x, y });
        const q = new N(m).transformPoint({ x, y });
        expect(p.x).toBeCloseTo(q.x, 6);
        expect(p.y).toBeCloseTo(q.y, 6);
      }),
      { numRuns: 200, seed: 16 },
    );
  });

  it('is installed only where no DOMMatrix exists', () => {
    const bare: { DOMMatrix?: unknown } = {};
    expect(installDomMatrix(bare)).toBe(true);
    expect(bare.DOMMatrix).toBe(DOMMatrix);
    class Other {}
    const taken: { DOMMatrix?: unknown } = { DOMMatrix: Other };
    expect(installDomMatrix(taken)).toBe(false);
    expect(taken.DOMMatrix).toBe(Other);
  });
});
