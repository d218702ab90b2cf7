import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromEnv, Environment, type VariableDoc } from '../../../server/config.ts';

const README = path.resolve(import.meta.dirname, '../../../README.md');

/** The README's "## Configuration" table: one row per variable, cells as written. */
function readmeTable(): { name: string; default: string; meaning: string }[] {
  const text = fs.readFileSync(README, 'utf8');
  const section = text.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  return rows.map((line) => {
    const [name = '', defaultCell = '', meaning = ''] = line
      .slice(1, -1)
      .split(' | ')
      .map((cell) => cell.trim());
    return { name: name.replace(/`/g, ''), default: defaultCell, meaning };
  });
}

/** A schema entry's default as the README writes it: the value in backticks, or the words for unset. */
function shownDefault(doc: VariableDoc): string | undefined {
  return doc.default !== undefined ? `\`${doc.default}\`` : doc.unset;
}

const schemaDocs = Object.entries(Environment.shape).map(([name, schema]) => ({ name, doc: schema.meta() as VariableDoc }));

describe('configuration', () => {
  it("the README's table lists exactly the schema's variables, in its order", () => {
    expect(readmeTable().map((row) => row.name)).toEqual(schemaDocs.map((entry) => entry.name));
  });

  it("the README's defaults and meanings are the schema's", () => {
    const rows = new Map(readmeTable().map((row) => [row.name, row]));
    for (const { name, doc } of schemaDocs) {
      expect(doc.description, name).toBeTruthy();
      expect(shownDefault(doc), `${name} needs a default or the words shown when unset`).toBeTruthy();
      expect(rows.get(name)?.default, name).toBe(shownDefault(doc));
      expect(rows.get(name)?.meaning, name).toBe(doc.description);
    }
  });

  it('an unset, empty or blank variable takes the documented default', () => {
    for (const value of [undefined, '', '  ']) {
      const config = configFromEnv(value === undefined ? {} : { PORT: value, MAX_ROOMS: value, LOG_LEVEL: value });
      expect([config.port, config.maxRooms, config.logLevel]).toEqual([2567, 50, 'info']);
    }
  });

  it('parses every kind of value, and a bad one stops the server naming the variable', () => {
    const config = configFromEnv({
      PORT: '8080',
      ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      GROUP_BUY_WINDOW_MS: '60000',
      LOG_LEVEL: 'debug',
      METRICS_TOKEN: 'scrape-me',
    });
    expect(config).toMatchObject({
      port: 8080,
      allowedOrigins: ['https://a.example', 'https://b.example'],
      groupBuyWindowMs: 60000,
      logLevel: 'debug',
      metricsToken: 'scrape-me',
    });
    expect(configFromEnv({}).groupBuyWindowMs).toBeUndefined();
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/^PORT: /);
    expect(() => configFromEnv({ MAX_ROOMS: '-1' })).toThrow(/^MAX_ROOMS: must not be negative/);
    expect(() => configFromEnv({ PAYMENT_DELAY_MS: '1.5' })).toThrow(/^PAYMENT_DELAY_MS: must be a whole number/);
    expect(() => configFromEnv({ LOG_LEVEL: 'loud' })).toThrow(/^LOG_LEVEL: /);
  });
});
