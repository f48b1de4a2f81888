// Public API of the printer library. Self-contained: imports nothing outside printer/.
export type { Align, DocBlock, ReceiptDoc, LaidLine, LaidOutReceipt, LogoSource } from './types';
export {
  PROFILES,
  DEFAULT_PROFILE,
  CHINESE_FONTS,
  type ChineseFont,
  type PrinterProfile,
} from './profiles';
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
export { notReady, type NotReadyCode } from './status/readiness';
export { openDrawer, type DrawerOpened } from './status/drawer';
export { drawerPulseNow } from './escpos/commands';
export {
  startVirtualPrinter,
  type VirtualPrinter,
  type DrawerKick,
} from './virtual/virtual-printer';
export { startVirtualSerialPrinter, type VirtualSerialPrinter } from './virtual/serial-printer';
export { renderPaperPng } from './preview/render';
export type { Fault, GsrReport } from './virtual/faults';
export { testPage } from './cli/test-page';
export { statusWords } from './cli/status-words';
