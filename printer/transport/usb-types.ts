/**
 * The part of the WebUSB API (as implemented by `usb@3`'s WebUSB class) that the USB
 * transport uses. Declared here so tests can hand in a fake device and `printer/` does
 * not depend on DOM typings.
 */
export interface UsbEndpointLike {
  endpointNumber: number;
  direction: 'in' | 'out';
  type: 'bulk' | 'interrupt' | 'isochronous';
  packetSize: number;
}

export interface UsbAlternateLike {
  alternateSetting: number;
  interfaceClass: number;
  interfaceSubclass: number;
  interfaceProtocol: number;
  endpoints: UsbEndpointLike[];
}

export interface UsbInterfaceLike {
  interfaceNumber: number;
  alternate: UsbAlternateLike;
  alternates: UsbAlternateLike[];
  claimed: boolean;
}

export interface UsbConfigurationLike {
  configurationValue: number;
  interfaces: UsbInterfaceLike[];
}

export interface UsbInTransferLike {
  data?: DataView | undefined;
  status?: 'ok' | 'stall' | 'babble' | undefined;
}

export interface UsbOutTransferLike {
  bytesWritten: number;
  status?: 'ok' | 'stall' | 'babble' | undefined;
}

export interface UsbDeviceLike {
  vendorId: number;
  productId: number;
  manufacturerName?: string | null | undefined;
  productName?: string | null | undefined;
  serialNumber?: string | null | undefined;
  opened: boolean;
  configuration?: UsbConfigurationLike | null | undefined;
  configurations: UsbConfigurationLike[];
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(value: number): Promise<void>;
  claimInterface(n: number): Promise<void>;
  releaseInterface(n: number): Promise<void>;
  transferOut(endpoint: number, data: BufferSource): Promise<UsbOutTransferLike>;
  transferIn(endpoint: number, length: number): Promise<UsbInTransferLike>;
}

export interface WebUsbLike {
  getDevices(): Promise<UsbDeviceLike[]>;
}
