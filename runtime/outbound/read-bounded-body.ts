// Reads a response no further than a bound: a receiver that streams gigabytes costs us one buffer
// of excerpt and a closed socket.
import type { IncomingMessage } from 'node:http';

export const excerptBytes = 1024;

export interface BoundedBody {
  /** The first ≤ 1 KiB as text (a multi-byte character cut at the end is dropped). */
  excerpt: string;
  /** More than `maxBytes` came: reading stopped there and the connection was closed. */
  tooLarge: boolean;
}

export function readBoundedBody(response: IncomingMessage, maxBytes: number): Promise<BoundedBody> {
  return new Promise((resolve, reject) => {
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let received = 0;
    const finish = (tooLarge: boolean): void => {
      const bytes = Buffer.concat(kept, keptBytes);
      resolve({ excerpt: new TextDecoder('utf-8').decode(bytes, { stream: true }), tooLarge });
    };
    response.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (keptBytes < excerptBytes) {
        const part = chunk.subarray(0, excerptBytes - keptBytes);
        kept.push(part);
        keptBytes += part.length;
      }
      if (received > maxBytes) {
        // Settled first: destroying emits 'aborted', which must not turn this into a network error.
        finish(true);
        response.destroy();
      }
    });
    response.on('end', () => finish(false));
    response.on('error', reject);
    response.on('close', () => {
      if (!response.complete)
        reject(Object.assign(new Error('the receiver closed the connection mid-answer'), { code: 'ECONNRESET' }));
    });
  });
}
