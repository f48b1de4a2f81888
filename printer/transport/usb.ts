import { PrinterError } from '../errors';
import { ByteQueue } from './byte-queue';
import { usbError } from './usb-errors';
import { findPrinterInterface, systemWebUsb, type PrinterInterface } from './usb-find';
import type { UsbDeviceLike, WebUsbLike } from './usb-types';
import type { Transport } from './types';

export interface UsbTransportOptions {
  vid: number;
  pid: number;
  timeoutMs: number;
  /** usb@3's WebUSB by default; tests pass a fake. */
  webusb?: WebUsbLike;
}

/** Bulk OUT chunk: small enough that an unplug is noticed within one chunk. */
const CHUNK = 4096;
/** One IN poll; usb@3's transferIn takes a timeout as its third argument. */
const POLL_MS = 100;

type TransferIn = (
  ep: number,
  len: number,
  timeoutMs?: number,
) => ReturnType<UsbDeviceLike['transferIn']>;

/** USB printer-class link, `usb:0416:5011`, through the WebUSB API of usb@3. */
export class UsbTransport implements Transport {
  private dev: UsbDeviceLike | undefined;
  private itf: PrinterInterface | undefined;
  private queue = new ByteQueue();
  private lost: PrinterError | undefined;
  private readonly vidHex: string;

  constructor(
    readonly uri: string,
    private readonly opts: UsbTransportOptions,
  ) {
    this.vidHex = opts.vid.toString(16).padStart(4, '0');
  }

  /** Known after open(): unidirectional printers (protocol 1) have no bulk IN. */
  get canRead(): boolean {
    return this.itf === undefined || this.itf.in !== undefined;
  }

  async open(): Promise<void> {
    if (this.dev && !this.lost) return;
    if (this.dev) await this.close();
    const webusb = this.opts.webusb ?? (await systemWebUsb());
    let devices: UsbDeviceLike[];
    try {
      devices = await webusb.getDevices();
    } catch (e) {
      throw usbError(e, 'list USB devices', this.vidHex, false);
    }
    const dev = devices.find((d) => d.vendorId === this.opts.vid && d.productId === this.opts.pid);
    if (!dev) {
      throw new PrinterError('NOT_FOUND', `no USB device ${this.uri} is connected`, {
        hint: 'Check the cable and power; `printer list` shows the printers the system sees.',
      });
    }
    const itf = findPrinterInterface(dev);
    if (!itf) {
      throw new PrinterError('NOT_FOUND', `${this.uri} has no printer-class (7) interface`);
    }
    try {
      if (!dev.opened) await dev.open();
      if (dev.configuration?.configurationValue !== itf.configurationValue) {
        await dev.selectConfiguration(itf.configurationValue);
      }
      await dev.claimInterface(itf.interfaceNumber);
    } catch (e) {
      await dev.close().catch(() => undefined);
      throw usbError(e, `open ${this.uri}`, this.vidHex, false);
    }
    this.dev = dev;
    this.itf = itf;
    this.queue = new ByteQueue();
    this.lost = undefined;
  }

  private fail(e: unknown, what: string): PrinterError {
    const err = e instanceof PrinterError ? e : usbError(e, what, this.vidHex, true);
    // Any failure on an open device other than a timeout means the link is unusable.
    if (err.code !== 'TIMEOUT') {
      this.lost ??=
        err.code === 'IO' ? new PrinterError('DISCONNECTED', err.message, { cause: e }) : err;
      this.queue.end(this.lost);
      return this.lost;
    }
    return err;
  }

  async write(data: Uint8Array): Promise<void> {
    const { dev, itf } = this;
    if (!dev || !itf) throw new PrinterError('IO', `${this.uri} is not open`);
    if (this.lost) throw this.lost;
    for (let off = 0; off < data.length; off += CHUNK) {
      const chunk = data.slice(off, off + CHUNK);
      let r;
      try {
        r = await dev.transferOut(itf.out.endpointNumber, chunk);
      } catch (e) {
        throw this.fail(e, `write to ${this.uri}`);
      }
      if (r.status === 'stall' || r.bytesWritten !== chunk.length) {
        throw this.fail(
          new Error(`bulk OUT ${r.status ?? 'short'} (${r.bytesWritten}/${chunk.length})`),
          `write to ${this.uri}`,
        );
      }
    }
  }

  async read(maxBytes: number, timeoutMs: number): Promise<Uint8Array> {
    const { dev, itf } = this;
    if (!dev || !itf) throw new PrinterError('IO', `${this.uri} is not open`);
    if (!itf.in) throw new PrinterError('NO_STATUS', `${this.uri} is a unidirectional printer`);
    const deadline = Date.now() + Math.max(0, timeoutMs);
    // Reads are pulled on demand: an idle printer is not polled between jobs.
    while (!this.lost) {
      try {
        return await this.queue.read(maxBytes, 0);
      } catch (e) {
        if (!(e instanceof PrinterError && e.code === 'TIMEOUT')) throw e;
      }
      const left = deadline - Date.now();
      if (left <= 0) break;
      await this.poll(dev, itf.in.endpointNumber, itf.in.packetSize, Math.min(left, POLL_MS));
    }
    return this.queue.read(maxBytes, 0);
  }

  private async poll(dev: UsbDeviceLike, ep: number, size: number, ms: number): Promise<void> {
    try {
      const r = await (dev.transferIn as TransferIn).call(dev, ep, Math.max(size, 64), ms);
      const v = r.data;
      if (v && v.byteLength > 0) {
        this.queue.push(new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength)));
      } else await new Promise((res) => setTimeout(res, Math.min(ms, 20)));
    } catch (e) {
      this.fail(e, `read from ${this.uri}`);
    }
  }

  async close(): Promise<void> {
    const { dev, itf } = this;
    if (!dev) return;
    this.dev = undefined;
    this.lost ??= new PrinterError('DISCONNECTED', `${this.uri} is closed`);
    this.queue.end(this.lost);
    if (itf) await dev.releaseInterface(itf.interfaceNumber).catch(() => undefined);
    await dev.close().catch(() => undefined);
  }
}
