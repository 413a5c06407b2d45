// A TCP port on 127.0.0.1 that nobody listens on right now: the OS picks it for a throwaway
// listener. Another process may take it before soffice binds it; the UNO bridge checks that the
// soffice it reaches runs with our profile, so a lost race fails the start instead of mixing instances.
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}
