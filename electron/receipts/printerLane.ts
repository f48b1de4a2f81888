import type { Transport } from '../../printer';

/**
 * One turn at the printer at a time: a job's status check, bytes and confirmation, or a drawer
 * kick, never interleaved on the link. A drawer kick (`urgent`) goes before any job still
 * waiting for its turn. While a job holds the printer, its open link is `active`: a real-time
 * command (the drawer's DLE DC4) may be added to it, after whole commands, and runs at once.
 */
export function createPrinterLane() {
  let active: Transport | null = null;
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
    get active(): Transport | null {
      return busy ? active : null;
    },
    set active(t: Transport | null) {
      active = t;
    },
  };
}
export type PrinterLane = ReturnType<typeof createPrinterLane>;
