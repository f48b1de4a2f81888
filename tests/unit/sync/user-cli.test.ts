import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readPin } from '../../../electron/sync/userCli';

const stdin = (...chunks: string[]) => Readable.from(chunks) as unknown as NodeJS.ReadStream;

describe('store-db user: where the PIN comes from', () => {
  it('takes TILL_USER_PIN first, else the first line of stdin', async () => {
    expect(await readPin({ TILL_USER_PIN: ' 2468 ' }, stdin('1111\n'))).toBe('2468');
    expect(await readPin({}, stdin('13', '57\r\n', '9999\n'))).toBe('1357');
    expect(await readPin({}, stdin('8642'))).toBe('8642');
    expect(await readPin({}, stdin())).toBe('');
  });

  it('gives no PIN when typing is abandoned with Ctrl-C or Ctrl-D', async () => {
    expect(await readPin({}, stdin('12\u0003'))).toBe('');
    expect(await readPin({}, stdin('1234\u0004'))).toBe('');
  });
});
