// Public API of the printer library. Self-contained: imports nothing outside printer/.
export type { Align, DocBlock, ReceiptDoc, LaidLine, LaidOutReceipt } from './types';
export { PROFILES, DEFAULT_PROFILE, type PrinterProfile } from './profiles';
export { textWidth } from './text/width';
export { sanitizeText } from './text/sanitize';
export { layoutReceipt } from './layout/layout';
export { renderText } from './layout/render-text';
export { encodeEscPos } from './escpos/encode';
export { decodeEscPos, type DecodedJob } from './escpos/decode';
export type { Transport } from './transport/types';
export { openTransport, type TransportOptions } from './transport/open';
export { createRecordingTransport, type RecordingTransport } from './transport/recording';
export { PrinterError, isPrinterError, type PrinterErrorCode } from './errors';
export type { PrinterStatus } from './status/parse';
export { queryStatus } from './status/query';
export { sendJob } from './status/send-job';
export { startVirtualPrinter, type VirtualPrinter } from './virtual/virtual-printer';
export type { Fault } from './virtual/faults';
