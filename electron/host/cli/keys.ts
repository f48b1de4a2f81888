import { readFileSync } from 'node:fs';
import { secureDataDir } from '../dataDir';
import { isSecretName, openKeyStore, SECRET_NAMES } from '../keys/keyStore';
import { cliArgs, readSecret } from './args';

const USAGE = `npm run keys -- <command> [--data-dir DIR]
  list                       which keys are held and how they are protected (never their values)
  set <name> [--from-file F] store a key; typed without echo, piped on stdin, or read from a file
  delete <name>              forget a key
  names: ${SECRET_NAMES.join(', ')} (upay terminalKey, WeChat v2 apiKey, Alipay app privateKey PEM, store database sync.password)`;

/** The key CLI for kiosk installs and headless tills; the desktop app has its setup screen. */
export async function keysCli(argv: string[]): Promise<number> {
  const { dataDir, words, flags } = cliArgs(argv);
  const [cmd, name] = words;
  if (!cmd || cmd === 'help') {
    console.log(USAGE);
    return cmd ? 0 : 1;
  }
  secureDataDir(dataDir);
  const keys = openKeyStore(dataDir);
  if (cmd === 'list') {
    const held = keys.names();
    console.log(
      `key file: ${keys.file} (${keys.protection === 'safeStorage' ? 'sealed by the desktop app (safeStorage)' : 'plain, owner-only 0600'})`,
    );
    for (const n of SECRET_NAMES)
      console.log(`  ${n.padEnd(12)} ${held.includes(n) ? 'set' : '-'}`);
    return 0;
  }
  if ((cmd === 'set' || cmd === 'delete') && name && isSecretName(name)) {
    if (cmd === 'delete') keys.delete(name);
    else {
      const file = flags.get('from-file');
      const value = file ? readFileSync(file, 'utf8').trim() : await readSecret(`${name}: `);
      if (!value) {
        console.error('empty key: nothing stored');
        return 1;
      }
      keys.set(name, value);
    }
    console.log(
      `${name} ${cmd === 'set' ? 'stored' : 'deleted'} in ${keys.file}; restart the till to use it`,
    );
    return 0;
  }
  console.error(USAGE);
  return 1;
}
