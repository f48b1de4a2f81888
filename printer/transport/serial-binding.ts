/**
 * The slice of serialport's binding interface (@serialport/bindings-interface) we use.
 * Talking to the binding, not the SerialPort stream, gives one promise per write and a
 * real drain (tcdrain), and lets tests pass @serialport/binding-mock's MockBinding as is.
 */
export interface SerialOpenOptions {
  path: string;
  baudRate: number;
  rtscts?: boolean;
  xon?: boolean;
  xoff?: boolean;
  lock?: boolean;
}

export interface SerialPortHandle {
  readonly isOpen: boolean;
  read(
    buffer: Buffer,
    offset: number,
    length: number,
  ): Promise<{ buffer: Buffer; bytesRead: number }>;
  write(buffer: Buffer): Promise<void>;
  drain(): Promise<void>;
  close(): Promise<void>;
}

export interface SerialPortInfo {
  path: string;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
}

export interface SerialBinding {
  open(options: SerialOpenOptions): Promise<SerialPortHandle>;
  list(): Promise<SerialPortInfo[]>;
}

/** The OS binding, loaded on first use so hosts without serial never load the addon. */
export async function systemSerialBinding(): Promise<SerialBinding> {
  const { SerialPort } = await import('serialport');
  return SerialPort.binding;
}

/** Serial ports the OS knows (USB-serial adapters, built-in COM ports). */
export async function listSerialPorts(binding?: SerialBinding): Promise<SerialPortInfo[]> {
  const b = binding ?? (await systemSerialBinding());
  return b.list();
}
