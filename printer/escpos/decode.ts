import { EscPosInterpreter, type DecodedJob, type DecodeOptions } from './interpreter';
import { EscPosStream } from './stream';

export type { DecodedJob, DecodedImage, DecodeOptions, PaperItem } from './interpreter';

/** Interprets a whole ESC/POS job; never throws on bad input, it reports unknown commands. */
export function decodeEscPos(bytes: Uint8Array, opts?: DecodeOptions): DecodedJob {
  const stream = new EscPosStream();
  const interp = new EscPosInterpreter(opts);
  for (const cmd of [...stream.push(bytes), ...stream.end()]) interp.apply(cmd);
  return interp.finish();
}
