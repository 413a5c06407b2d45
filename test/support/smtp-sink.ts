// A real SMTP server on loopback for delivery tests: it accepts every mail (or refuses chosen
// recipients with a permanent 550), parses it with mailparser, and lets a test await the next
// mail to an address. stop() and start() on the same port stand for a mail server that goes
// down and comes back.
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SinkMail {
  to: string[];
  mail: ParsedMail;
}

export interface SmtpSink {
  readonly port: number;
  /** smtp://127.0.0.1:<port> (no TLS: loopback). */
  readonly url: string;
  readonly mails: readonly SinkMail[];
  /** Mails to this address so far, oldest first. */
  mailsTo(address: string): SinkMail[];
  /** Resolves with the first mail to address after the ones already received (count = how many came before). */
  nextMailTo(address: string, already?: number): Promise<SinkMail>;
  /** RCPT TO this address gets "550 5.1.1 no such mailbox". */
  refuse(address: string): void;
  stop(): Promise<void>;
  start(): Promise<void>;
}

const lower = (address: string) => address.trim().toLowerCase();

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: SinkMail[] = [];
  const refused = new Set<string>();
  const waiters: Array<{ address: string; index: number; resolve: (mail: SinkMail) => void }> = [];
  let port = 0;
  let server: SMTPServer | undefined;

  const settleWaiters = () => {
    for (const waiter of [...waiters]) {
      const matching = mails.filter((entry) => entry.to.includes(waiter.address));
      const found = matching[waiter.index];
      if (found) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(found);
      }
    }
  };

  const listen = async () => {
    const instance = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 30 * 1024 * 1024,
      onRcptTo(address, _session, callback) {
        if (refused.has(lower(address.address))) {
          const error = new Error('5.1.1 no such mailbox') as Error & { responseCode: number };
          error.responseCode = 550;
          callback(error);
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            mails.push({ to: session.envelope.rcptTo.map((rcpt) => lower(rcpt.address)), mail });
            settleWaiters();
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      instance.server.once('error', reject);
      instance.listen(port, '127.0.0.1', () => resolve());
    });
    port = (instance.server.address() as AddressInfo).port;
    server = instance;
  };

  await listen();
  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    mails,
    mailsTo: (address) => mails.filter((entry) => entry.to.includes(lower(address))),
    nextMailTo(address, already) {
      const wanted = lower(address);
      const index = already ?? mails.filter((entry) => entry.to.includes(wanted)).length;
      return new Promise((resolve) => {
        waiters.push({ address: wanted, index, resolve });
        settleWaiters();
      });
    },
    refuse: (address) => {
      refused.add(lower(address));
    },
    async stop() {
      const current = server;
      server = undefined;
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    async start() {
      if (!server) await listen();
    },
  };
}
