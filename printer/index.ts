// Public API of the printer library. Self-contained: imports nothing outside printer/.
export type { Align, DocBlock, ReceiptDoc, LaidLine, LaidOutReceipt, LogoSource } from './types';
export { PROFILES, DEFAULT_PROFILE, type PrinterProfile } from './profiles';
export { textWidth } from './text/width';
export { sanitizeText } from './text/sanitize';
export { layoutReceipt } from './layout/layout';
export { renderText } from './layout/render-text';
export { encodeEscPos } from './escpos/encode';
export { bitmapFromRgba, rasterBands, type MonoBitmap } from './escpos/raster';
export { decodeEscPos, type DecodedJob, type DecodedImage, type PaperItem } from './escpos/decode';
export { describeBytes, type ByteDescription } from './escpos/describe';
export type { Transport } from './transport/types';
export { openTransport, type TransportOptions } from './transport/open';
export {
  checkPrinterUri,
  parsePortList,
  DEFAULT_PRINTER_PORTS,
  type PrinterPolicy,
} from './transport/allow';
export { createRecordingTransport, type RecordingTransport } from './transport/recording';
export {
  listSerialPorts,
  type SerialBinding,
  type SerialPortInfo,
} from './transport/serial-binding';
export { listUsbPrinters, type UsbPrinterInfo } from './transport/usb-find';
export type { WebUsbLike, UsbDeviceLike } from './transport/usb-types';
export { PrinterError, isPrinterError, type PrinterErrorCode } from './errors';
export type { PrinterStatus } from './status/parse';
export { queryStatus, probeStatus, type StatusReport } from './status/query';
export { AsbFramer, enableAsb, parseAsb, type AsbStatus } from './status/asb';
export { identifyPrinter, type PrinterIdentity } from './status/identify';
export {
  sendJob,
  type ConfirmedJob,
  type UnconfirmedJob,
  type SendJobOptions,
} from './status/send-job';
export { startVirtualPrinter, type VirtualPrinter } from './virtual/virtual-printer';
export { startVirtualSerialPrinter, type VirtualSerialPrinter } from './virtual/serial-printer';
export { renderPaperPng } from './preview/render';
export type { Fault } from './virtual/faults';
export { testPage } from './cli/test-page';
export { statusWords } from './cli/status-words';
