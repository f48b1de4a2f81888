import { parseArgs } from 'node:util';
import { isPrinterError } from '../errors';
import * as cmd from './commands';

const USAGE = `usage: printer <command> [options]
  list                         USB printers and serial ports
  status                       live status (--printer URI or TILL_PRINTER)
  test [--drawer]              print a test page (--profile 58mm|80mm-180dpi|80mm)
  decode FILE                  ESC/POS bytes → commands as hex + meaning, then the text
  png FILE OUT.png             render the paper to a PNG (--profile)`;

const out = (line: string): void => void process.stdout.write(line + '\n');

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      printer: { type: 'string' },
      profile: { type: 'string', default: '80mm' },
      drawer: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '2000' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || !command) {
    out(USAGE);
    return command || values.help ? 0 : 2;
  }
  const printer = (): string => {
    const uri = values.printer ?? process.env['TILL_PRINTER'];
    if (!uri) throw new Error('no printer: pass --printer URI or set TILL_PRINTER');
    return uri;
  };
  const timeoutMs = Number(values.timeout);
  switch (command) {
    case 'list':
      await cmd.list(out);
      return 0;
    case 'status':
      return (await cmd.status(printer(), out, timeoutMs)) ? 0 : 1;
    case 'test':
      await cmd.test(printer(), out, values.drawer, values.profile);
      return 0;
    case 'decode':
      if (!args[0]) throw new Error('decode needs FILE');
      cmd.decode(args[0], out);
      return 0;
    case 'png':
      if (!args[0] || !args[1]) throw new Error('png needs FILE OUT.png');
      cmd.png(args[0], args[1], values.profile, out);
      return 0;
    default:
      out(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (isPrinterError(e)) {
      process.stderr.write(`错误 ${e.code}: ${e.messageZh}\nerror: ${e.message}\n`);
      if (e.hint) process.stderr.write(`hint: ${e.hint}\n`);
      process.exitCode = 3;
    } else {
      process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    }
  },
);
