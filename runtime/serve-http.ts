// The HTTP server's lifecycle. Listening fails with PortInUseError (not a stack trace) when the
// port is taken. Closing drains: it stops accepting at once, answers every request already read
// with `Connection: close`, gives idle keep-alive connections a moment to send one last request,
// and only then closes what is left. Node's own server.close() destroys idle keep-alive sockets at
// once, and a client whose request was on its way gets "socket hang up" (16 of 200 in a burst).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, Server as NetServer, type Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is in use; set PORT`);
    this.name = 'PortInUseError';
  }
}

export interface HttpServer {
  readonly port: number;
  /** Resolves when every connection is closed; what is still open after deadlineMs is cut. */
  close(deadlineMs: number): Promise<void>;
}

interface Connection {
  inFlight: Set<ServerResponse>;
  idleSince: number;
}

/** How long an idle keep-alive connection may still send a request once draining started. */
const idleGraceMs = 1_000;

export function serveHttp(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  host: string,
  port: number,
): Promise<HttpServer> {
  const server = createServer();
  const connections = new Map<Socket, Connection>();
  let drainingSince: number | undefined;

  server.on('connection', (socket: Socket) => {
    connections.set(socket, { inFlight: new Set(), idleSince: Date.now() });
    socket.once('close', () => connections.delete(socket));
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const connection = connections.get(request.socket);
    connection?.inFlight.add(response);
    if (drainingSince !== undefined) response.setHeader('connection', 'close');
    response.once('close', () => {
      connection?.inFlight.delete(response);
      if (connection) connection.idleSince = Date.now();
    });
    handler(request, response);
  });

  const drain = async (deadlineMs: number): Promise<void> => {
    const startedAt = Date.now();
    drainingSince = startedAt;
    // net.Server's close stops accepting without http.Server's closeIdleConnections().
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
    for (const connection of connections.values()) {
      for (const response of connection.inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
    }
    while (connections.size > 0 && Date.now() - startedAt < deadlineMs) {
      for (const [socket, connection] of connections) {
        const idleFor = Date.now() - Math.max(connection.idleSince, startedAt);
        if (connection.inFlight.size === 0 && idleFor >= idleGraceMs) socket.destroy();
      }
      await delay(50);
    }
    server.closeAllConnections();
    await closed;
  };

  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error),
    );
    server.listen(port, host, () => {
      let closing: Promise<void> | undefined;
      resolve({
        port: (server.address() as AddressInfo).port,
        close: (deadlineMs) => {
          closing ??= drain(deadlineMs);
          return closing;
        },
      });
    });
  });
}
