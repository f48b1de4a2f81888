import type { PrintState } from './domain';

/**
 * The print job state machine: the one table. The host's store enforces the same pairs with a
 * trigger (migration 007; a test holds the two together).
 * - QUEUED: waiting its turn in the queue. SENDING: its bytes are going to the printer.
 * - WAITING: the printer was not ready (nothing was sent); sent once when it reports ready.
 * - PRINTED: confirmed by the printer (GS r answered, status ready before and after). Final.
 * - FAILED: the bytes went out but were not confirmed: it may have printed, the cashier decides.
 * - INTERRUPTED: found SENDING at start-up, its process dead: it may have printed in part.
 * - CANCELLED: a technician or supervisor withdrew it, with a reason. Final.
 * Only a person sends a FAILED or INTERRUPTED job again (→ QUEUED): no automatic path ever
 * sends a job twice.
 */
export const PRINT_TRANSITIONS: Readonly<Record<PrintState, readonly PrintState[]>> = {
  QUEUED: ['SENDING', 'WAITING', 'CANCELLED'],
  WAITING: ['SENDING', 'CANCELLED'],
  SENDING: ['PRINTED', 'FAILED', 'INTERRUPTED'],
  FAILED: ['QUEUED', 'CANCELLED'],
  INTERRUPTED: ['QUEUED', 'CANCELLED'],
  PRINTED: [],
  CANCELLED: [],
};

export const canMove = (from: PrintState, to: PrintState): boolean =>
  PRINT_TRANSITIONS[from].includes(to);

/** In the queue: owned (leased) by a running till, on the way to the printer. */
export const PENDING_PRINT_STATES: readonly PrintState[] = ['QUEUED', 'SENDING', 'WAITING'];
/** May have printed: a person looks at the printer and decides (print again or cancel). */
export const DECIDE_PRINT_STATES: readonly PrintState[] = ['FAILED', 'INTERRUPTED'];

/**
 * Why a job is WAITING (nothing was sent): the host sends it by itself once the printer reports
 * ready, and says so — the cashier must not press "print again" (that would be a duplicate).
 */
export const WAITING_PRINT_TEXT: Readonly<Record<string, string>> = {
  PAPER_END: '打印机缺纸：装入新纸卷后将自动打印，无需重复操作。',
  COVER_OPEN: '打印机纸仓盖未关好：合上盖子后将自动打印，无需重复操作。',
  OFFLINE: '打印机离线：恢复在线后将自动打印，无需重复操作。',
  PRINTER_ERROR: '打印机故障（切刀或机械错误）：排除后将自动打印，无需重复操作。',
  CONNECTION_REFUSED: '打印机拒绝连接：请确认已开机、地址和端口正确；恢复后将自动打印。',
  NOT_FOUND: '找不到打印机：请检查打印机连接和设置；恢复后将自动打印。',
  BUSY: '打印机被其他程序占用：释放后将自动打印。',
  TIMEOUT: '打印机无响应：请检查电源和连线；恢复后将自动打印，无需重复操作。',
  DISCONNECTED: '与打印机的连接断开（尚未发送小票）：恢复后将自动打印。',
  PERMISSION_DENIED: '没有访问打印机端口的权限：请技术员设置；恢复后将自动打印。',
  UNSUPPORTED_URI: '打印机地址设置不正确：请技术员修改；改好后将自动打印。',
  IO: '打印机通信错误（尚未发送小票）：恢复后将自动打印。',
};

/** Why a job is FAILED or INTERRUPTED: it may have printed, so a person decides. */
export const DECIDE_PRINT_TEXT: Readonly<Record<string, string>> = {
  NOT_CONFIRMED: '未收到打印机的完成确认：小票可能已打印，请查看打印机后决定是否重新打印。',
  DISCONNECTED: '打印过程中与打印机的连接断开：小票可能只打印了一部分，请查看后决定是否重新打印。',
  PAPER_END: '打印中途缺纸：小票可能只打印了一部分。请装好纸卷，查看后决定是否重新打印。',
  COVER_OPEN: '打印中途纸仓盖被打开：小票可能只打印了一部分。请合上盖子，查看后决定是否重新打印。',
  OFFLINE: '打印中途打印机离线：小票可能只打印了一部分，请查看后决定是否重新打印。',
  PRINTER_ERROR: '打印中途打印机故障：小票可能只打印了一部分，请排除故障后决定是否重新打印。',
  NOT_READY_AFTER:
    '打印机确认了小票，但随后报告未就绪（缺纸、开盖或离线）：请查看小票是否完整后决定是否重新打印。',
  WRITE_ONLY: '此打印机连接无法回传状态：小票已发送但无法确认，请查看打印机。',
  IO: '打印过程中通信错误：小票可能已打印，请查看打印机后决定是否重新打印。',
  INTERRUPTED: '打印过程中收银机重启，小票可能已打印一部分：请查看打印机后决定是否重新打印。',
};

export const isPendingPrint = (s: PrintState): boolean => PENDING_PRINT_STATES.includes(s);
export const needsDecision = (s: PrintState): boolean => DECIDE_PRINT_STATES.includes(s);
