import type {
  UsbAlternateLike,
  UsbConfigurationLike,
  UsbDeviceLike,
  UsbEndpointLike,
  WebUsbLike,
} from './usb-types';

/** USB printer class (escpos.md §6): class 7; protocol 2 = bidirectional, 1 = OUT only. */
export const PRINTER_CLASS = 7;

export interface PrinterInterface {
  configurationValue: number;
  interfaceNumber: number;
  alternate: UsbAlternateLike;
  out: UsbEndpointLike;
  in: UsbEndpointLike | undefined;
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** The first printer-class interface with a bulk OUT endpoint (bulk IN when bidirectional). */
export function findPrinterInterface(dev: UsbDeviceLike): PrinterInterface | undefined {
  const configs: UsbConfigurationLike[] =
    dev.configurations.length > 0
      ? dev.configurations
      : dev.configuration
        ? [dev.configuration]
        : [];
  for (const cfg of configs) {
    for (const itf of cfg.interfaces) {
      for (const alt of itf.alternates.length > 0 ? itf.alternates : [itf.alternate]) {
        if (alt.interfaceClass !== PRINTER_CLASS) continue;
        const bulk = (dir: 'in' | 'out'): UsbEndpointLike | undefined =>
          alt.endpoints.find((e) => e.type === 'bulk' && e.direction === dir);
        const out = bulk('out');
        if (!out) continue;
        return {
          configurationValue: cfg.configurationValue,
          interfaceNumber: itf.interfaceNumber,
          alternate: alt,
          out,
          in: alt.interfaceProtocol === 1 ? undefined : bulk('in'),
        };
      }
    }
  }
  return undefined;
}

export interface UsbPrinterInfo {
  vid: string;
  pid: string;
  manufacturer: string | undefined;
  product: string | undefined;
  serial: string | undefined;
  uri: string;
  bidirectional: boolean;
}

export async function systemWebUsb(): Promise<WebUsbLike> {
  const { WebUSB } = await import('usb');
  // usb@3 adds transferIn/transferOut to UsbDevice's prototype at runtime (dist/index.js),
  // but its class typing omits them, so the structural check needs this one cast.
  return new WebUSB({ allowAllDevices: true }) as unknown as WebUsbLike;
}

/** Printer-class USB devices, with the URI to put in TILL_PRINTER. */
export async function listUsbPrinters(webusb?: WebUsbLike): Promise<UsbPrinterInfo[]> {
  const devices = await (webusb ?? (await systemWebUsb())).getDevices();
  const out: UsbPrinterInfo[] = [];
  for (const d of devices) {
    const itf = findPrinterInterface(d);
    if (!itf) continue;
    const [vid, pid] = [hex4(d.vendorId), hex4(d.productId)];
    out.push({
      vid,
      pid,
      manufacturer: d.manufacturerName ?? undefined,
      product: d.productName ?? undefined,
      serial: d.serialNumber ?? undefined,
      uri: `usb:${vid}:${pid}`,
      bidirectional: itf.in !== undefined,
    });
  }
  return out;
}
