import { resolve } from 'node:path';
import { dataDirOf } from '../config';

/** `--data-dir DIR` (else TILL_DATA_DIR, else ~/.till) and the positional words after it. */
export function cliArgs(argv: string[]): {
  dataDir: string;
  words: string[];
  flags: Map<string, string>;
} {
  const words: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
      flags.set(k, v ?? argv[++i] ?? '');
    } else words.push(a);
  }
  const dir = flags.get('data-dir');
  return { dataDir: dir ? resolve(dir) : dataDirOf(process.env), words, flags };
}

/** Reads a secret from a pipe, or from the terminal without echoing it. */
export async function readSecret(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = '';
    for await (const chunk of stdin) text += String(chunk);
    return text.replace(/\r?\n$/, '');
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((done, fail) => {
    let text = '';
    const onData = (s: string) => {
      for (const ch of s) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          return done(text);
        }
        if (ch === '\u0003') return fail(new Error('cancelled'));
        if (ch === '\u007f') text = text.slice(0, -1);
        else text += ch;
      }
    };
    stdin.on('data', onData);
  });
}
