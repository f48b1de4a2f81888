/**
 * One turn at the printer at a time: a job's status check, bytes and confirmation, or a drawer
 * kick, never interleaved on the link. A drawer kick (`urgent`) goes before any job still
 * waiting for its turn — the cash drawer opens when the cash is taken — but never cuts into a
 * job already at the printer.
 */
export function createPrinterLane() {
  type Turn = { urgent: boolean; start: () => void };
  const waiting: Turn[] = [];
  let busy = false;

  const next = (): void => {
    const turn = waiting.shift();
    if (!turn) {
      busy = false;
      return;
    }
    turn.start();
  };

  return {
    run<T>(work: () => Promise<T>, urgent = false): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const turn: Turn = {
          urgent,
          start: () => {
            Promise.resolve().then(work).then(resolve, reject).finally(next);
          },
        };
        if (!busy) {
          busy = true;
          turn.start();
          return;
        }
        const at = urgent ? waiting.findIndex((t) => !t.urgent) : -1;
        if (at < 0) waiting.push(turn);
        else waiting.splice(at, 0, turn);
      });
    },
    get busy(): boolean {
      return busy;
    },
  };
}
export type PrinterLane = ReturnType<typeof createPrinterLane>;
