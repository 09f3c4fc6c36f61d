/**
 * A 2D DOMMatrix for pdf.js when the optional `@napi-rs/canvas` is not installed
 * (`npm install --omit=optional`, or a platform without its native binary).
 *
 * pdf.js's Node build takes DOMMatrix from @napi-rs/canvas and builds one when its display
 * module loads (`const SCALE_MATRIX = new DOMMatrix()`): without it, loading fails even though
 * reading the text layer never draws. Text extraction needs only the 2D affine part, so this is
 * that part of the DOMMatrix interface (https://drafts.fxtf.org/geometry/#dommatrix): the six
 * values a–f, the m11…m44 aliases of a 4×4 matrix whose 3D part is the identity, and the
 * methods pdf.js calls (multiply, pre-multiply, translate, scale, invert, transformPoint).
 * A 3D matrix (16 values with a 3D part) is refused rather than silently flattened.
 */

type Init = readonly number[] | DOMMatrix2DLike | undefined;

/** Anything with the six 2D values: a DOMMatrix (ours or a native one) or a plain object. */
export interface DOMMatrix2DLike {
  a?: number;
  b?: number;
  c?: number;
  d?: number;
  e?: number;
  f?: number;
}

export interface PointLike {
  x?: number;
  y?: number;
  z?: number;
  w?: number;
}

/** [a, b, c, d, e, f] of a 16-value column-major matrix whose 3D part is the identity. */
function from16(m: readonly number[]): number[] {
  const identity3d: Array<[number, number]> = [
    [2, 0],
    [3, 0],
    [6, 0],
    [7, 0],
    [8, 0],
    [9, 0],
    [10, 1],
    [11, 0],
    [14, 0],
    [15, 1],
  ];
  for (const [i, v] of identity3d) {
    if (m[i] !== v) throw new TypeError('DOMMatrix (fazhi): only 2D matrices are supported');
  }
  return [m[0]!, m[1]!, m[4]!, m[5]!, m[12]!, m[13]!];
}

function values(init: Init): number[] {
  if (init === undefined) return [1, 0, 0, 1, 0, 0];
  if (Array.isArray(init) || ArrayBuffer.isView(init)) {
    const list = Array.from(init as ArrayLike<number>, Number);
    if (list.length === 6) return list;
    if (list.length === 16) return from16(list);
    throw new TypeError(`DOMMatrix (fazhi): expected 6 or 16 values, got ${list.length}`);
  }
  if (typeof init === 'object' && init !== null) {
    const m = init as DOMMatrix2DLike;
    return [m.a ?? 1, m.b ?? 0, m.c ?? 0, m.d ?? 1, m.e ?? 0, m.f ?? 0];
  }
  // A CSS transform string ("matrix(…)", "rotate(…)") would need a CSS parser: pdf.js never passes one.
  throw new TypeError('DOMMatrix (fazhi): only numeric initialisers are supported');
}

/** this × other (both as [a b c d e f]), i.e. apply `other` first, then `this`. */
function product(m: readonly number[], n: readonly number[]): number[] {
  const [a1, b1, c1, d1, e1, f1] = m as [number, number, number, number, number, number];
  const [a2, b2, c2, d2, e2, f2] = n as [number, number, number, number, number, number];
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

export class DOMMatrix {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;

  constructor(init?: Init) {
    [this.a, this.b, this.c, this.d, this.e, this.f] = values(init) as [number, number, number, number, number, number];
  }

  static fromMatrix(other?: DOMMatrix2DLike): DOMMatrix {
    return new DOMMatrix(other);
  }

  static fromFloat64Array(array: Float64Array): DOMMatrix {
    return new DOMMatrix(Array.from(array));
  }

  static fromFloat32Array(array: Float32Array): DOMMatrix {
    return new DOMMatrix(Array.from(array));
  }

  get m11(): number {
    return this.a;
  }
  set m11(v: number) {
    this.a = v;
  }
  get m12(): number {
    return this.b;
  }
  set m12(v: number) {
    this.b = v;
  }
  get m21(): number {
    return this.c;
  }
  set m21(v: number) {
    this.c = v;
  }
  get m22(): number {
    return this.d;
  }
  set m22(v: number) {
    this.d = v;
  }
  get m41(): number {
    return this.e;
  }
  set m41(v: number) {
    this.e = v;
  }
  get m42(): number {
    return this.f;
  }
  set m42(v: number) {
    this.f = v;
  }
  // The 3D part of a 2D matrix: fixed.
  get m13(): number {
    return 0;
  }
  get m14(): number {
    return 0;
  }
  get m23(): number {
    return 0;
  }
  get m24(): number {
    return 0;
  }
  get m31(): number {
    return 0;
  }
  get m32(): number {
    return 0;
  }
  get m33(): number {
    return 1;
  }
  get m34(): number {
    return 0;
  }
  get m43(): number {
    return 0;
  }
  get m44(): number {
    return 1;
  }

  get is2D(): boolean {
    return true;
  }

  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }

  private list(): number[] {
    return [this.a, this.b, this.c, this.d, this.e, this.f];
  }

  private set6(v: number[]): this {
    [this.a, this.b, this.c, this.d, this.e, this.f] = v as [number, number, number, number, number, number];
    return this;
  }

  /** this = this × other. */
  multiplySelf(other?: DOMMatrix2DLike): this {
    return this.set6(product(this.list(), values(other)));
  }

  /** this = other × this. */
  preMultiplySelf(other?: DOMMatrix2DLike): this {
    return this.set6(product(values(other), this.list()));
  }

  translateSelf(tx = 0, ty = 0): this {
    return this.set6(product(this.list(), [1, 0, 0, 1, tx, ty]));
  }

  /** Scales about (originX, originY); scaleY defaults to scaleX, as in the DOM. */
  scaleSelf(scaleX = 1, scaleY = scaleX, scaleZ = 1, originX = 0, originY = 0): this {
    if (scaleZ !== 1) throw new TypeError('DOMMatrix (fazhi): only 2D matrices are supported');
    this.translateSelf(originX, originY);
    this.set6(product(this.list(), [scaleX, 0, 0, scaleY, 0, 0]));
    return this.translateSelf(-originX, -originY);
  }

  /** A singular matrix becomes all NaN, as the DOM specifies. */
  invertSelf(): this {
    const { a, b, c, d, e, f } = this;
    const det = a * d - b * c;
    if (det === 0 || !Number.isFinite(det)) return this.set6([NaN, NaN, NaN, NaN, NaN, NaN]);
    return this.set6([d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det]);
  }

  multiply(other?: DOMMatrix2DLike): DOMMatrix {
    return new DOMMatrix(this).multiplySelf(other);
  }

  translate(tx?: number, ty?: number): DOMMatrix {
    return new DOMMatrix(this).translateSelf(tx, ty);
  }

  scale(scaleX?: number, scaleY?: number, scaleZ?: number, originX?: number, originY?: number): DOMMatrix {
    return new DOMMatrix(this).scaleSelf(scaleX, scaleY, scaleZ, originX, originY);
  }

  inverse(): DOMMatrix {
    return new DOMMatrix(this).invertSelf();
  }

  transformPoint(point: PointLike = {}): { x: number; y: number; z: number; w: number } {
    const x = point.x ?? 0;
    const y = point.y ?? 0;
    return {
      x: this.a * x + this.c * y + this.e * (point.w ?? 1),
      y: this.b * x + this.d * y + this.f * (point.w ?? 1),
      z: point.z ?? 0,
      w: point.w ?? 1,
    };
  }

  /** Column-major, 16 values, as the DOM gives them. */
  toFloat64Array(): Float64Array {
    const { a, b, c, d, e, f } = this;
    return new Float64Array([a, b, 0, 0, c, d, 0, 0, 0, 0, 1, 0, e, f, 0, 1]);
  }

  toFloat32Array(): Float32Array {
    return new Float32Array(this.toFloat64Array());
  }

  toString(): string {
    return `matrix(${this.list().join(', ')})`;
  }
}

/** Puts the 2D DOMMatrix on globalThis unless one is there; true when it did. */
export function installDomMatrix(target: { DOMMatrix?: unknown } = globalThis as { DOMMatrix?: unknown }): boolean {
  if (typeof target.DOMMatrix === 'function') return false;
  Object.defineProperty(target, 'DOMMatrix', { value: DOMMatrix, writable: true, configurable: true });
  return true;
}
