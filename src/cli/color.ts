import { Chalk, type ChalkInstance } from 'chalk';
/**
 * Whether output is coloured, decided once for every command, by chalk's conventions:
 * `--no-color` and `--color` win; then NO_COLOR (any non-empty value, no-color.org); then
 * FORCE_COLOR (`0` or `false` turns colour off, any other value on); else colour on a terminal.
 */
export function colorEnabled(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  if ((env.NO_COLOR ?? '') !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return isTTY;
}

/** Chalk for the decided colour: level 1 (16 colours) is enough for marks and severities. */
export function paint(io: { color?: boolean }): ChalkInstance {
  return new Chalk({ level: io.color ? 1 : 0 });
}
