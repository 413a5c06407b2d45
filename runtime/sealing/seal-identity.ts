// The instance's seal: the key and certificate that sign every final PDF. INKFLOW_SEAL_P12 names a
// PKCS#12 file (a certificate from a CA, say); without it a self-signed certificate is generated at
// first use and kept in the database, so every process and every restart seals with the same one.
// Loaded once per database per process. A file that cannot be read or opened is a ConfigError:
// the runtime refuses to start rather than seal with something else.
import { readFile } from 'node:fs/promises';
import { ConfigError } from '../config.ts';
import { loadOurCompany } from '../documents/load-our-company.ts';
import type { RuntimeServices } from '../services.ts';
import type { Database } from '../storage/open-database.ts';
import { generateSealP12 } from './generate-seal-p12.ts';
import { openSealP12 } from './open-seal-p12.ts';
import { readStoredSeal, storeSealOnce } from './stored-seal.ts';

export interface SealIdentity {
  p12: Uint8Array;
  password: string;
  certificatePem: string;
  certificateDer: Uint8Array;
  /** SHA-256 of the certificate's DER, as `openssl x509 -fingerprint -sha256` prints it (AA:BB:…). */
  fingerprintSha256: string;
  subject: string;
  notBefore: string;
  notAfter: string;
  source: 'generated' | 'file';
}

function describe(p12: Uint8Array, password: string, source: SealIdentity['source']): SealIdentity {
  const { certificate, certificateDer } = openSealP12(p12, password);
  return {
    p12,
    password,
    certificatePem: certificate.toString(),
    certificateDer,
    fingerprintSha256: certificate.fingerprint256,
    subject: certificate.subject.replaceAll('\n', ', '),
    notBefore: new Date(certificate.validFrom).toISOString(),
    notAfter: new Date(certificate.validTo).toISOString(),
    source,
  };
}

async function fromFile(file: string, password: string): Promise<SealIdentity> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(`INKFLOW_SEAL_P12: cannot read ${file} (${code})`);
  }
  try {
    return describe(bytes, password, 'file');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(
      `INKFLOW_SEAL_P12: cannot use ${file}: ${reason}; check the file and INKFLOW_SEAL_P12_PASSWORD`,
    );
  }
}

async function fromDatabase(services: RuntimeServices): Promise<SealIdentity> {
  const existing = await readStoredSeal(services.database);
  if (existing) return describe(existing.p12, existing.password, 'generated');
  const company = await loadOurCompany(services, undefined);
  const generated = await generateSealP12(`inkflow seal — ${company?.name ?? 'inkflow'}`, services.now());
  const stored = await storeSealOnce(services.database, generated);
  const identity = describe(stored.p12, stored.password, 'generated');
  if (stored.password === generated.password) {
    services.logger.info({ fingerprint: identity.fingerprintSha256 }, 'seal certificate generated');
  }
  return identity;
}

const loaded = new WeakMap<Database, { source: string; identity: Promise<SealIdentity> }>();

export function loadSealIdentity(services: RuntimeServices): Promise<SealIdentity> {
  const { p12File, p12Password } = services.config.seal;
  const source = p12File ?? 'database';
  const cached = loaded.get(services.database);
  if (cached?.source === source) return cached.identity;
  const identity = p12File ? fromFile(p12File, p12Password) : fromDatabase(services);
  loaded.set(services.database, { source, identity });
  // A failure is not remembered: the next call tries again (e.g. after the database came back).
  identity.catch(() => {
    if (loaded.get(services.database)?.identity === identity) loaded.delete(services.database);
  });
  return identity;
}
