/** Append-only typed arrays that double their capacity, so a column of unknown length is parsed in one pass. */

export class GrowableFloat64 {
  private data = new Float64Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) this.data = grow(this.data, new Float64Array(this.data.length * 2));
    this.data[this.length++] = v;
  }

  /** A copy trimmed to length, so the doubled slack is released. */
  finish(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

export class GrowableUint32 {
  private data = new Uint32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) this.data = grow(this.data, new Uint32Array(this.data.length * 2));
    this.data[this.length++] = v;
  }

  finish(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

function grow<T extends Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
