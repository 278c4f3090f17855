/** Placeholder: replaced by the comlink worker pool. */
export interface WorkerPool {
  readonly size: number;
}
