// One pooled nodemailer transport per process and SMTP_URL: opening a connection (and TLS) per
// message would be slow and would look like a spammer to the receiving server.
import nodemailer, { type Transporter } from 'nodemailer';

const transports = new Map<string, Transporter>();

export function smtpTransport(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    // The timeouts bound how long a server that accepts TCP but never answers holds a worker.
    // Options in the URL's query (?ignoreTLS=true, ?requireTLS=true) are nodemailer's own.
    transport = nodemailer.createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: 2,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    });
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** Closes the pooled connections (runtime shutdown, tests). */
export function closeSmtpTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}

/**
 * SMTP replies 5xx are the receiver's final word (no such mailbox, refused); 4xx, refused or
 * dropped connections and timeouts may pass later. 503 (bad sequence) is a session hiccup.
 */
export function isPermanentSmtpError(error: unknown): boolean {
  const { responseCode, code } = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === 'number') return responseCode >= 500 && responseCode < 600 && responseCode !== 503;
  // No reply at all: a message nodemailer cannot build or address will not improve.
  return code === 'EENVELOPE' || code === 'EMESSAGE';
}
