// The generated seal's home: one settings row holding the PKCS#12 (base64) and its random password
// together, so two processes that start at once cannot pair one's file with the other's password.
// Insert-if-absent, then read back: whoever inserted first, everyone ends up with that one seal.
import type { Database } from '../storage/open-database.ts';
import type { GeneratedSeal } from './generate-seal-p12.ts';

export const sealSettingKey = 'seal.p12';

interface StoredValue {
  p12: string;
  password: string;
}

export async function readStoredSeal(database: Database): Promise<GeneratedSeal | undefined> {
  const row = await database.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', sealSettingKey)
    .executeTakeFirst();
  if (!row) return undefined;
  const value = JSON.parse(row.value) as StoredValue;
  return { p12: new Uint8Array(Buffer.from(value.p12, 'base64')), password: value.password };
}

/** Stores `seal` unless a seal is already stored, and returns the stored one. */
export async function storeSealOnce(database: Database, seal: GeneratedSeal): Promise<GeneratedSeal> {
  const value: StoredValue = { p12: Buffer.from(seal.p12).toString('base64'), password: seal.password };
  await database.db
    .insertInto('settings')
    .values({ key: sealSettingKey, value: JSON.stringify(value) })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
  const stored = await readStoredSeal(database);
  if (!stored) throw new Error('the seal was stored but cannot be read back');
  return stored;
}
