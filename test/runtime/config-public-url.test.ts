// INKFLOW_PUBLIC_URL is the address put in signers' links and the verify QR code: a wrong one would
// send every signer to a dead link, so it is refused at start rather than used.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../runtime/config.ts';

describe('INKFLOW_PUBLIC_URL', () => {
  it('defaults to localhost on the configured port', () => {
    expect(loadConfig({ PORT: '4100' }).publicUrl).toBe('http://localhost:4100');
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000');
  });

  it('keeps a path prefix and drops trailing slashes, query and fragment', () => {
    expect(loadConfig({ INKFLOW_PUBLIC_URL: 'https://sign.example.com/inkflow///?x=1#y' }).publicUrl).toBe(
      'https://sign.example.com/inkflow',
    );
    expect(loadConfig({ INKFLOW_PUBLIC_URL: 'http://127.0.0.1:8080/' }).publicUrl).toBe('http://127.0.0.1:8080');
  });

  it.each(['sign.example.com', 'ftp://sign.example.com', 'javascript:alert(1)', 'http://'])(
    'refuses %s with a message naming the variable',
    (value) => {
      expect(() => loadConfig({ INKFLOW_PUBLIC_URL: value })).toThrow(ConfigError);
      expect(() => loadConfig({ INKFLOW_PUBLIC_URL: value })).toThrow(/INKFLOW_PUBLIC_URL/);
    },
  );
});
