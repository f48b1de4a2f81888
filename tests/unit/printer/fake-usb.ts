import type { UsbDeviceLike, WebUsbLike } from '../../../printer/index';
import type { UsbConfigurationLike } from '../../../printer/transport/usb-types';

/** A printer-class USB device: interface 0, class 7 protocol 2, bulk OUT 1 and bulk IN 2. */
export class FakeUsbDevice implements UsbDeviceLike {
  vendorId = 0x0416;
  productId = 0x5011;
  manufacturerName = 'Winbond';
  productName = 'POS-80';
  serialNumber = 'FAKE1';
  opened = false;
  configuration: UsbConfigurationLike | undefined;
  configurations: UsbConfigurationLike[];
  claimed: number[] = [];
  received: number[] = [];
  chunks = 0;
  private replies: number[] = [];
  private unplugged = false;

  constructor(
    private readonly o: {
      cls?: number;
      openError?: string;
      claimError?: string;
      unplugAfterBytes?: number;
    } = {},
  ) {
    const alt = {
      alternateSetting: 0,
      interfaceClass: o.cls ?? 7,
      interfaceSubclass: 1,
      interfaceProtocol: 2,
      endpoints: [
        { endpointNumber: 1, direction: 'out' as const, type: 'bulk' as const, packetSize: 64 },
        { endpointNumber: 2, direction: 'in' as const, type: 'bulk' as const, packetSize: 64 },
      ],
    };
    this.configurations = [
      {
        configurationValue: 1,
        interfaces: [{ interfaceNumber: 0, alternate: alt, alternates: [alt], claimed: false }],
      },
    ];
  }
  async open() {
    if (this.o.openError) throw new Error(this.o.openError);
    this.opened = true;
  }
  async close() {
    this.opened = false;
  }
  async selectConfiguration(v: number) {
    this.configuration = this.configurations.find((c) => c.configurationValue === v);
  }
  async claimInterface(n: number) {
    if (this.o.claimError) throw new Error(this.o.claimError);
    this.claimed.push(n);
  }
  async releaseInterface() {}
  async transferOut(ep: number, data: BufferSource) {
    const bytes = new Uint8Array(data as ArrayBuffer);
    if (this.unplugged) throw new Error('No such device (os error 19)');
    this.chunks++;
    for (const b of bytes) this.received.push(b);
    if (this.o.unplugAfterBytes !== undefined && this.received.length >= this.o.unplugAfterBytes)
      this.unplugged = true;
    // Answer DLE EOT n and GS r 1 like a healthy printer.
    for (let i = 0; i + 2 < bytes.length + 0; i++) {
      if (bytes[i] === 0x10 && bytes[i + 1] === 0x04) this.replies.push(0x12);
      if (bytes[i] === 0x1d && bytes[i + 1] === 0x72) this.replies.push(0x00);
    }
    return { bytesWritten: bytes.length, status: 'ok' as const };
  }
  async transferIn(_ep: number, len: number) {
    if (this.unplugged) throw new Error('No such device (os error 19)');
    const out = this.replies.splice(0, len);
    return { data: new DataView(Uint8Array.from(out).buffer), status: 'ok' as const };
  }
}

export const fakeWebUsb = (devices: UsbDeviceLike[]): WebUsbLike => ({
  getDevices: async () => devices,
});
