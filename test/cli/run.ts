// Runs the command line in this process, as the tests of the CLI do.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main';

/** `inquiry-router ARGS < stdin`: the exit code and what was written to stdout and stderr. */
export async function run(args: string[], stdin: string | Buffer = '') {
  const out: string[] = [];
  const err: string[] = [];
  const input = Object.assign(Readable.from([stdin]), { isTTY: false });
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) }, input);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A copy of the shipped rules folder, with `extra` files added (name → text). */
export function rulesCopy(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ir-cli-'));
  cpSync('rules', dir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(dir, name), text);
  return dir;
}
