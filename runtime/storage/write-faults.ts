// The last storage fault a write met, for /healthz: "database ok" must not be said while writes
// fail because the disk is full. A later successful write clears it; without one it is forgotten
// after a minute, so an idle web process that nobody writes through can report healthy again.
import type { StorageFault } from './storage-fault.ts';

export interface RecordedFault extends StorageFault {
  at: number;
}

const memoryMs = 60_000;

export class WriteFaults {
  private last: RecordedFault | undefined;

  record(fault: StorageFault, at = Date.now()): void {
    this.last = { ...fault, at };
  }

  wrote(at = Date.now()): void {
    if (this.last && this.last.at <= at) this.last = undefined;
  }

  current(at = Date.now()): RecordedFault | undefined {
    if (this.last && at - this.last.at > memoryMs) this.last = undefined;
    return this.last;
  }
}
