export type PrinterErrorCode =
  | 'NOT_FOUND'
  | 'CONNECTION_REFUSED'
  | 'TIMEOUT'
  | 'DISCONNECTED'
  | 'PAPER_END'
  | 'COVER_OPEN'
  | 'OFFLINE'
  | 'NOT_CONFIRMED'
  | 'UNSUPPORTED_URI'
  | 'REFUSED_ADDRESS'
  | 'PERMISSION_DENIED'
  | 'BUSY'
  | 'NO_STATUS'
  | 'PRINTER_ERROR'
  | 'IO';

// Cashier-facing text: every failure says what happened and what to do next (DESIGN.md invariants).
const MESSAGES_ZH: Record<PrinterErrorCode, string> = {
  NOT_FOUND: '找不到打印机，请检查打印机地址设置。',
  CONNECTION_REFUSED: '打印机拒绝连接，请确认打印机已开机且地址、端口正确。',
  TIMEOUT: '打印机无响应（超时），请检查电源和网线后重试。',
  DISCONNECTED: '与打印机的连接已断开，请检查连线后重新打印。',
  PAPER_END: '打印机缺纸，请装入新纸卷后重新打印。',
  COVER_OPEN: '打印机纸仓盖未关好，请合上盖子后重新打印。',
  OFFLINE: '打印机处于离线状态，请检查打印机后重新打印。',
  NOT_CONFIRMED: '未收到打印机的完成确认，小票可能未打印，请查看打印机后决定是否重打。',
  UNSUPPORTED_URI: '不支持的打印机地址类型，请检查打印机设置。',
  REFUSED_ADDRESS:
    '这个地址不是打印机：只能用本店局域网内的打印机 IP（端口 9100）、打印机设备或串口，未做任何更改。',
  PERMISSION_DENIED: '没有访问打印机端口的权限，请联系技术人员设置权限后重试。',
  BUSY: '打印机端口被其他程序或驱动占用，请关闭占用的程序后重试。',
  NO_STATUS: '此连接方式无法读取打印机状态，请直接查看打印机。',
  PRINTER_ERROR: '打印机故障（切刀卡住或机械错误），请检查打印机，必要时关机重启。',
  IO: '打印机通信错误，请重试；如仍失败请联系技术人员。',
};

export class PrinterError extends Error {
  readonly code: PrinterErrorCode;
  readonly messageZh: string;
  /** For the technician: the concrete fix (udev rule, dialout group, Zadig…), when known. */
  readonly hint: string | undefined;

  constructor(
    code: PrinterErrorCode,
    message: string,
    options?: { cause?: unknown; hint?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PrinterError';
    this.code = code;
    this.messageZh = MESSAGES_ZH[code];
    this.hint = options?.hint;
  }
}

export function isPrinterError(e: unknown): e is PrinterError {
  return e instanceof PrinterError;
}
