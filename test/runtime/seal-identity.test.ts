// The instance's seal: generated once per database and reused by every process and restart (also
// when two start at once), or read from INKFLOW_SEAL_P12; a file that cannot be read or opened
// stops the start with a message naming the variable.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../runtime/config.ts';
import { loadSealIdentity } from '../../runtime/sealing/seal-identity.ts';
import { sealPdf } from '../../runtime/sealing/seal-pdf.ts';
import { sealSettingKey } from '../../runtime/sealing/stored-seal.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import { verifyPdf } from '../../runtime/verification/verify-pdf.ts';
import { dialects, dropPlace, newDatabasePlace, openPlace } from '../support/database-places.ts';
import { pdfsig, smallPdf } from '../support/seal-tools.ts';
import { noPdfConverter } from '../support/test-services.ts';

const run = promisify(execFile);

async function servicesOn(place: ReturnType<typeof newDatabasePlace>, env: NodeJS.ProcessEnv = {}) {
  const database = await openPlace(place);
  const services: RuntimeServices = {
    config: { ...loadConfig(env), dataDir: place.directory, sqliteFile: place.sqliteFile },
    database,
    pdf: noPdfConverter,
    logger: pino({ level: 'silent' }),
    now: () => new Date(),
  };
  return services;
}

for (const dialect of dialects) {
  describe(`the generated seal on ${dialect}`, () => {
    const place = newDatabasePlace(dialect);
    const opened: RuntimeServices[] = [];
    afterAll(async () => {
      for (const services of opened) await services.database.close();
      await dropPlace(place);
    });

    it('is created once when two processes start at once, and reused by a later one', async () => {
      const first = await servicesOn(place);
      const second = await servicesOn(place);
      opened.push(first, second);
      await first.database.db
        .insertInto('settings')
        .values({ key: 'ourCompany', value: JSON.stringify({ name: 'Construtora São Paulo' }) })
        .execute();
      const [a, b] = await Promise.all([loadSealIdentity(first), loadSealIdentity(second)]);
      expect(a.fingerprintSha256).toBe(b.fingerprintSha256);
      expect(a.source).toBe('generated');
      expect(a.subject).toBe('CN=inkflow seal — Construtora São Paulo');
      const years = new Date(a.notAfter).getUTCFullYear() - new Date(a.notBefore).getUTCFullYear();
      expect(years).toBe(10);
      const rows = await first.database.db
        .selectFrom('settings')
        .selectAll()
        .where('key', '=', sealSettingKey)
        .execute();
      expect(rows).toHaveLength(1);

      const later = await servicesOn(place);
      opened.push(later);
      const c = await loadSealIdentity(later);
      expect(c.fingerprintSha256).toBe(a.fingerprintSha256);
      // What one process seals, another verifies as its own.
      const sealed = await sealPdf(await smallPdf(), a, { reason: 'r', name: 'n', location: 'l', contactInfo: '' });
      expect((await verifyPdf(sealed, c)).result).toBe('intact');
    });
  });
}

describe('INKFLOW_SEAL_P12', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inkflow-seal-p12-'));
  const place = newDatabasePlace('sqlite');
  const opened: RuntimeServices[] = [];
  afterAll(async () => {
    for (const services of opened) await services.database.close();
    await dropPlace(place);
    rmSync(dir, { recursive: true, force: true });
  });

  it('seals with a PKCS#12 made by openssl, and pdfsig validates it', async () => {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    const p12 = join(dir, 'seal.p12');
    await run(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '30',
        '-subj',
        '/CN=Acme Seal/O=Acme Ltda',
      ],
      { timeout: 60_000 },
    );
    await run('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', 'pass:s3cret']);
    const services = await servicesOn(place, { INKFLOW_SEAL_P12: p12, INKFLOW_SEAL_P12_PASSWORD: 's3cret' });
    opened.push(services);
    const identity = await loadSealIdentity(services);
    expect(identity.source).toBe('file');
    expect(identity.subject).toContain('CN=Acme Seal');
    const { stdout } = await run('openssl', ['x509', '-in', cert, '-noout', '-fingerprint', '-sha256']);
    expect(stdout.trim().split('=')[1]).toBe(identity.fingerprintSha256);
    const sealed = await sealPdf(await smallPdf(), identity, {
      reason: 'r',
      name: 'n',
      location: 'l',
      contactInfo: '',
    });
    const report = await pdfsig(sealed);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
    // Nothing generated in the database when a file is given.
    const stored = await services.database.db
      .selectFrom('settings')
      .selectAll()
      .where('key', '=', sealSettingKey)
      .execute();
    expect(stored).toHaveLength(0);
  }, 120_000);

  it('refuses to start with a missing file, a wrong password or a file that is no PKCS#12', async () => {
    const notP12 = join(dir, 'not.p12');
    writeFileSync(notP12, 'hello');
    const cases: [NodeJS.ProcessEnv, RegExp][] = [
      [{ INKFLOW_SEAL_P12: join(dir, 'missing.p12') }, /INKFLOW_SEAL_P12: cannot read .*missing\.p12 \(ENOENT\)/],
      [{ INKFLOW_SEAL_P12: join(dir, 'seal.p12'), INKFLOW_SEAL_P12_PASSWORD: 'wrong' }, /INKFLOW_SEAL_P12_PASSWORD/],
      [{ INKFLOW_SEAL_P12: notP12 }, /not a PKCS#12 file/],
    ];
    for (const [env, message] of cases) {
      const other = newDatabasePlace('sqlite');
      const services = await servicesOn(other, env);
      try {
        const failure = await loadSealIdentity(services).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(ConfigError);
        expect((failure as Error).message).toMatch(message);
      } finally {
        await services.database.close();
        await dropPlace(other);
      }
    }
  });
});
