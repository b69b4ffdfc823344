export type WriteLockHolder = { worker: number; id: number };
export declare class WriteLockQueue {
  request(holder: WriteLockHolder): WriteLockHolder | null;
  release(holder: WriteLockHolder): WriteLockHolder | null;
  releaseWorker(worker: number): WriteLockHolder | null;
  readonly length: number;
}
