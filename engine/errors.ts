/** Every error gpulse throws on purpose: a stable code plus a message naming the argument, row or node. */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NAN_IN_INPUT'
  | 'BACKEND_UNAVAILABLE'
  | 'DEVICE_LOST'
  | 'ABORTED'
  | 'DISPOSED'
  | 'INPUT_TOO_LARGE';

export class GpulseError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GpulseError';
    this.code = code;
  }
}

export function invalidArgument(message: string): GpulseError {
  return new GpulseError('INVALID_ARGUMENT', message);
}

/** Throws the DOM-compatible abort reason wrapped in a GpulseError when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new GpulseError('ABORTED', 'operation aborted', { cause: signal.reason });
  }
}

export function isDeviceLost(error: unknown): boolean {
  return error instanceof GpulseError && error.code === 'DEVICE_LOST';
}
