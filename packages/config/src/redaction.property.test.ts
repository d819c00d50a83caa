import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainConfig, loadConfig, redactUrl } from './index';
import { tempDir } from './internal/__fixtures__/temp';

// Every output `precog config show` builds on (explainConfig, as text and JSON) and every rendering of
// the config object itself, for a database URL whose password sits in the user-info (encoded, or
// raw with an unencoded `@`), in a `password=` or `sslpassword=` query parameter.
const cwd = tempDir();

/** Passwords with a fixed, distinctive start, so a match can only be the password itself. */
const password = (chars: fc.Arbitrary<string>) =>
  fc.string({ unit: chars, minLength: 4, maxLength: 24 }).map((s) => `Pw9${s}`);
// What a raw (unencoded) password can hold and still be a URL: no `/`, `?`, `#`, `\`, `%`, space.
const rawChar = fc.constantFrom(...'abcXYZ019@:!$&*()+,;=~-_.[]'.split(''));
const anyChar = fc.oneof(fc.constantFrom(...'abc019@:/?#%& \'"\\=+'.split('')), fc.string({ maxLength: 1 }));

const forms: Array<[string, fc.Arbitrary<string>, (pw: string) => string]> = [
  [
    'user-info, encoded',
    password(anyChar),
    (pw) => `postgres://precog:${encodeURIComponent(pw)}@db.example:5432/p`,
  ],
  [
    'user-info, raw with @',
    password(rawChar),
    (pw) => `postgres://precog:${pw}@db.example/p?sslmode=disable`,
  ],
  [
    '?password=',
    password(anyChar),
    (pw) => `postgres://precog@db.example/p?password=${encodeURIComponent(pw)}`,
  ],
  [
    '&sslpassword=',
    password(anyChar),
    (pw) =>
      `postgresql://db.example/p?sslmode=require&sslpassword=${encodeURIComponent(pw)}&application_name=x`,
  ],
];

function outputs(databaseUrl: string): string[] {
  const config = loadConfig({ cwd, runtimeEnv: {}, overrides: { databaseUrl } });
  const values = explainConfig(config);
  return [
    values.map((e) => `${e.path}  ${e.value}  ${e.origin}`).join('\n'),
    JSON.stringify(values),
    JSON.stringify(config),
    inspect(config, { depth: null }),
    String(config),
  ];
}

describe('no generated password ever appears in config show text, JSON or explain', () => {
  it.each(forms)('%s', (_name, passwords, urlOf) => {
    fc.assert(
      fc.property(passwords, (pw) => {
        const url = urlOf(pw);
        for (const out of outputs(url)) {
          expect(out).not.toContain(pw);
          expect(out).not.toContain(encodeURIComponent(pw));
        }
        expect(outputs(url)[0]).toContain('[redacted]');
      }),
      { numRuns: 40 },
    );
  });

  it('libpq keyword/value strings: the password value (bare or quoted) is hidden', () => {
    fc.assert(
      fc.property(password(anyChar), (pw) => {
        const quoted = `'${pw.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
        const shown = redactUrl(
          `host=db.example port=5432 password=${quoted} sslpassword = ${quoted} dbname=p`,
        );
        expect(shown).toBe('host=db.example port=5432 password=[redacted] sslpassword = [redacted] dbname=p');
      }),
      { numRuns: 200 },
    );
  });

  it('keeps what is not secret, exactly', () => {
    expect(
      redactUrl('postgres://precog:p@ss@db.example:5432/p?sslmode=require&password=x&sslpassword=y'),
    ).toBe(
      'postgres://precog:[redacted]@db.example:5432/p?sslmode=require&password=[redacted]&sslpassword=[redacted]',
    );
    expect(redactUrl('postgres://precog@db.example/p?options=-c%20search_path%3Dx')).toBe(
      'postgres://precog@db.example/p?options=-c%20search_path%3Dx',
    );
  });
});
