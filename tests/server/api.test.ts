/**
 * The API suite on PGlite in memory, and what only the embedded database does: keeping guesses on
 * disk between runs, and migrating once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations, openDb } from '../../src/server/db';
import { apiSuite } from './api-suite';

apiSuite('PGlite', () => openDb({ dataDir: 'memory://' }));

describe('PGlite on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guesses-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps guesses across a restart and applies each migration once', async () => {
    const dataDir = join(dir, 'data');
    const first = await openDb({ dataDir });
    expect(first.kind).toBe('pglite');
    await first.query('insert into guesses (question, value) values ($1, $2)', ['trust-top', 12.25]);
    await first.close();

    const second = await openDb({ dataDir });
    expect(await second.query('select question, value from guesses')).toEqual([{ question: 'trust-top', value: 12.25 }]);
    expect(await second.query('select name from schema_migrations order by name')).toEqual(migrations().map(({ name }) => ({ name })));
    await second.close();
  });
});
