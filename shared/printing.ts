/**
 * Print failures after which nothing was printed: the host sends the job again by itself once the
 * printer reports ready, and says so here — the cashier must not press "print again" (that would
 * be a duplicate). Every other failure may have printed: the cashier checks the paper and decides.
 */
export const RESUMABLE_PRINT_TEXT: Readonly<Record<string, string>> = {
  PAPER_END: '打印机缺纸：装入新纸卷后将自动打印，无需重复操作。',
  COVER_OPEN: '打印机纸仓盖未关好：合上盖子后将自动打印，无需重复操作。',
  OFFLINE: '打印机离线：恢复在线后将自动打印，无需重复操作。',
  CONNECTION_REFUSED: '打印机拒绝连接：请确认已开机、地址和端口正确；恢复后将自动打印。',
  NOT_FOUND: '找不到打印机：请检查打印机连接和设置；恢复后将自动打印。',
  BUSY: '打印机被其他程序占用：释放后将自动打印。',
};

export const RESUMABLE_PRINT_FAILURES: readonly string[] = Object.keys(RESUMABLE_PRINT_TEXT);
