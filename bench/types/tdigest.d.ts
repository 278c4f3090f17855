// tdigest (npm) ships no types; only what the percentile benchmark calls.
declare module 'tdigest' {
  export class TDigest {
    /** delta: compression (default 0.01); K: recompression threshold (default 25). */
    constructor(delta?: number | false, K?: number, CX?: number);
    push(x: number | number[], n?: number): void;
    compress(): void;
    size(): number;
    percentile(p: number): number;
    percentile(p: number[]): number[];
  }
}
