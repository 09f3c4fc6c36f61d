/**
 * A set of UTF-16 code units as a table, one byte a unit (64 KB): one lookup per character, where a
 * regex over a class of many characters costs several times as much, and the stages test every
 * character of every report.
 */
export type UnitSet = Uint8Array;

/** The units of the strings given, the single units and the inclusive ranges [from, to]. */
export function unitSet(...entries: ReadonlyArray<string | number | readonly [number, number]>): UnitSet {
  const table = new Uint8Array(0x10000);
  for (const entry of entries) {
    if (typeof entry === 'number') table[entry] = 1;
    else if (typeof entry === 'string') for (let i = 0; i < entry.length; i++) table[entry.charCodeAt(i)] = 1;
    else table.fill(1, entry[0], entry[1] + 1);
  }
  return table;
}
