import type { SandboxGateway } from '../../gateway/sandbox/server';
import type { SandboxProtocolName } from '../../gateway/sandbox/client';
import type { PaymentGateway } from '../../gateway/types';
import type { SandboxScenario } from '../../gateway/sandbox/scenarios';
import type { VirtualPrinter } from '../../../printer/virtual/virtual-printer';

/**
 * Which build this is. `dev` is a development checkout (`npm run build`: what `npm start` and the
 * tests run); `demo` and `production` are the packaged builds (`npm run dist:demo`, `npm run dist`).
 */
export type Flavour = 'dev' | 'demo' | 'production';

/** Timing knobs the test rigs turn; a packaged build always runs at the acquirers' real pace. */
export interface Knobs {
  /** The acquirer's query schedule is divided by this (the crash test compresses 45 s). */
  timeScale: number;
  reconcileMs: number;
  /** How often waiting receipts re-check a printer that was not ready. */
  printWatchMs: number;
  /** How often the header's printer health is refreshed. */
  printerCheckMs: number;
  /** How often another (dead) owner's print jobs are looked for. */
  printOrphansMs: number;
  /** Crash tests: the named point where the till SIGKILLs itself (see crashPoint.ts). */
  crashAt: string | null;
  /** Store-database sync worker: batch size, idle poll, pull period, back-off cap (tests, bench). */
  sync: SyncKnobs;
}

export interface SyncKnobs {
  batchSize?: number;
  idleMs?: number;
  pullEveryMs?: number;
  backoffMaxMs?: number;
}

/** What only a dev or demo build carries: the embedded sandbox gateway and the virtual printer. */
export interface DemoKit {
  startSandbox(): Promise<SandboxGateway>;
  sandboxClient(s: SandboxGateway, protocol: SandboxProtocolName): PaymentGateway;
  scenarios: readonly SandboxScenario[];
  startVirtualPrinter(): Promise<VirtualPrinter>;
}

export interface Edition {
  flavour: Flavour;
  knobs(env: NodeJS.ProcessEnv): Knobs;
  demo: DemoKit | null;
}

export const REAL_PACE: Knobs = {
  timeScale: 1,
  reconcileMs: 60_000,
  printWatchMs: 2_000,
  printerCheckMs: 15_000,
  printOrphansMs: 5_000,
  crashAt: null,
  sync: {},
};
