/**
 * `items.map(f)`, built by push. Once TurboFan optimises a function that calls Array.prototype.map,
 * the arrays it returns are holey (the optimised map allocates them at full length first), where
 * the interpreter's were packed: every optimised reader of them then meets a new map, is thrown
 * away and compiled again. Built by push, an array keeps one shape however its maker is compiled.
 * For arrays made per report and read elsewhere (`--trace-deopt` names the readers).
 */
export function mapPacked<T, U>(items: readonly T[], f: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(f(items[i] as T, i));
  return out;
}
