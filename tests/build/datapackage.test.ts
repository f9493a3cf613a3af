/**
 * /data/datapackage.json as built: it validates against the published JSON Schema of the Tabular
 * Data Package v1 profile (vendored in tests/fixtures/frictionless/, see its README), each resource
 * names a CSV in dist/data/ whose header is exactly its fields, in order, and every cell satisfies its
 * field's type and constraints (tests/build/table-schema.ts). Broken packages fail both checks. Run
 * `npm run build` first when running alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, test } from 'vitest';
import { CLAIM_LABELS } from '../../src/data/claims';
import { COVERAGE_COLUMNS, FIGURE_COLUMNS, SOURCE_COLUMNS } from '../../src/data/schema';
import { TRAIL_FIGURES } from '../../src/data/trail';
import { CONTEXT_ROW_COHORTS, COHORTS, SOURCE_KINDS, TOPICS, UNITS } from '../../src/data/vocab';
import { checkTable, type Schema } from './table-schema';

const DIST = 'dist';
const FIXTURES = 'tests/fixtures';

interface Resource {
  name: string;
  path: string;
  schema: Schema;
}
interface Package {
  resources: Resource[];
  [key: string]: unknown;
}

let pkg: Package;
beforeAll(() => {
  if (!existsSync(join(DIST, 'data', 'datapackage.json'))) throw new Error('dist/data/datapackage.json is missing: run `npm run build` first');
  pkg = JSON.parse(readFileSync(join(DIST, 'data', 'datapackage.json'), 'utf8')) as Package;
});

/** The spec's schema and the later revision's added rules (tests/fixtures/frictionless/README.md), both must pass. */
function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addFormat('textarea', true); // an editor hint in the spec's schema, not a constraint
  const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(join(FIXTURES, 'frictionless', name), 'utf8')));
  const [spec, additions] = [schema('tabular-data-package.json'), schema('v1-additions.json')];
  const validate = (data: unknown) => {
    const ok = [spec(data), additions(data)];
    validate.errors = [...(spec.errors ?? []), ...(additions.errors ?? [])];
    return ok.every(Boolean);
  };
  validate.errors = [] as NonNullable<typeof spec.errors>;
  return validate;
}

const csvOf = (r: Resource) => readFileSync(join(DIST, 'data', r.path), 'utf8');
const resource = (p: Package, name: string) => {
  const r = p.resources.find((x) => x.name === name);
  if (!r) throw new Error(`no resource "${name}"`);
  return r;
};
const field = (r: Resource, name: string) => r.schema.fields.find((f) => f.name === name)!;
const copy = (p: Package): Package => structuredClone(p);

describe('datapackage.json', () => {
  test('validates against the Tabular Data Package v1 JSON Schema', () => {
    const validate = validator();
    expect(validate(pkg), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  test('describes figures.csv, sources.csv and context.csv as served beside it, with the licence and sources', () => {
    expect(pkg.resources.map((r) => r.path)).toEqual(['figures.csv', 'sources.csv', 'context.csv', 'coverage.csv']);
    for (const r of pkg.resources) expect(existsSync(join(DIST, 'data', r.path)), r.path).toBe(true);
    expect(pkg.licenses).toEqual([expect.objectContaining({ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' })]);
    expect(pkg.description).toMatch(/remains its sources'/);
    expect(pkg.description).toMatch(/';'-separated lists of sources\.id/);
    const sources = pkg.sources as { title: string; path?: string }[];
    expect(sources.some((s) => s.path === 'https://www.upwork.com/research/navigating-human-ai-relationships')).toBe(true);
    expect(pkg.created).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
  });

  test.each(['figures', 'sources', 'context', 'coverage'])('%s: its fields are exactly the CSV header, in order', (name) => {
    const r = resource(pkg, name);
    const header = csvOf(r).split('\n')[0]!.split(',');
    expect(r.schema.fields.map((f) => f.name)).toEqual(header);
    expect(header).toEqual(name === 'sources' ? [...SOURCE_COLUMNS] : name === 'coverage' ? [...COVERAGE_COLUMNS] : [...FIGURE_COLUMNS]);
  });

  test('coverage: its source_id is a foreign key to sources.id, and every value of it is one', () => {
    const coverage = resource(pkg, 'coverage');
    expect(coverage.schema.primaryKey).toEqual(['source_id', 'figure']);
    expect((coverage.schema as { foreignKeys?: unknown }).foreignKeys).toEqual([{ fields: 'source_id', reference: { resource: 'sources', fields: 'id' } }]);
    const ids = new Set(csvOf(resource(pkg, 'sources')).split('\n').slice(1).map((l) => l.split(',')[0]));
    const cited = csvOf(coverage).split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]!);
    expect(cited.filter((id) => !ids.has(id))).toEqual([]);
    expect(field(coverage, 'figure').constraints?.enum).toEqual([...TRAIL_FIGURES]);
    expect(checkTable('coverage.csv', coverage.schema, csvOf(coverage).replace(',relative-as-share', ',spin'))).toContainEqual(
      expect.stringMatching(/field "drift": "spin(;[a-z-]+)?" does not match/),
    );
  });

  test.each(['figures', 'sources', 'context', 'coverage'])('%s: every value satisfies its field\'s type and constraints', (name) => {
    const r = resource(pkg, name);
    expect(checkTable(r.path, r.schema, csvOf(r))).toEqual([]);
  });

  test('the vocabularies are the enums; required where the zod schema requires; keys', () => {
    const figures = resource(pkg, 'figures');
    const context = resource(pkg, 'context');
    const sources = resource(pkg, 'sources');
    expect(field(figures, 'topic').constraints?.enum).toEqual([...TOPICS]);
    expect(field(figures, 'cohort').constraints?.enum).toEqual([...COHORTS]);
    expect(field(context, 'cohort').constraints?.enum).toEqual([...CONTEXT_ROW_COHORTS]);
    expect(field(figures, 'unit').constraints?.enum).toEqual([...UNITS]);
    expect(field(figures, 'claim').constraints?.enum).toEqual(Object.keys(CLAIM_LABELS));
    expect(field(sources, 'kind').constraints?.enum).toEqual([...SOURCE_KINDS]);
    expect(field(figures, 'value').type).toBe('number');
    const required = (r: Resource) => r.schema.fields.filter((f) => f.constraints?.required).map((f) => f.name);
    expect(required(figures)).toEqual(['id', 'topic', 'cohort', 'value', 'unit', 'statement', 'source_ids', 'quote']);
    expect(required(context)).toEqual(required(figures));
    expect(required(sources)).toEqual(['id', 'publisher', 'title', 'kind']);
    const keyed = pkg.resources.filter((r) => r.name !== 'coverage');
    for (const r of keyed) expect(r.schema.primaryKey).toBe('id');
    // A ';'-list cannot be a foreign key in Table Schema v1: none is declared, the description says so.
    for (const r of keyed) expect((r.schema as { foreignKeys?: unknown }).foreignKeys).toBeUndefined();
    expect(field(figures, 'source_ids')).toMatchObject({ description: expect.stringMatching(/separated by ';'.*sources\.csv/) });
  });
});

describe('a broken package fails', () => {
  test('a descriptor outside the spec (an unknown field type, a licence without name or path, a bad name) fails the JSON Schema', () => {
    const validate = validator();
    const broken = JSON.parse(readFileSync(join(FIXTURES, 'datapackage', 'broken-descriptor.json'), 'utf8'));
    expect(validate(broken)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toEqual(expect.arrayContaining(['/name', '/licenses/0', '/resources/0/schema/fields/1']));
    expect(validate({ ...structuredClone(pkg), resources: [{ ...pkg.resources[0], path: '../figures.csv' }] })).toBe(false);
  });

  test('a wrong field name fails the header check', () => {
    const broken = copy(pkg);
    const figures = resource(broken, 'figures');
    field(figures, 'topic').name = 'topics';
    expect(validator()(broken)).toBe(true); // the spec's schema cannot see it: only the CSV can
    expect(checkTable('figures.csv', figures.schema, csvOf(figures))).toEqual([expect.stringMatching(/^figures\.csv: header .* is not the schema's fields/)]);
  });

  test('a value outside an enum fails the value check', () => {
    const broken = copy(pkg);
    const figures = resource(broken, 'figures');
    const cohort = field(figures, 'cohort');
    const used = readFileSync(join(DIST, 'data', 'figures.csv'), 'utf8').split('\n')[1]!.split(',')[2]!;
    cohort.constraints!.enum = cohort.constraints!.enum!.filter((c) => c !== used);
    expect(checkTable('figures.csv', figures.schema, csvOf(figures))).toContainEqual(expect.stringMatching(new RegExp(`field "cohort": "${used}" is not one of`)));
    const row = readFileSync(join(FIXTURES, 'datapackage', 'unknown-topic.csv'), 'utf8');
    expect(checkTable('unknown-topic.csv', resource(pkg, 'figures').schema, row)).toEqual([
      expect.stringMatching(/^unknown-topic\.csv, row 2, field "topic": "weather" is not one of productivity, /),
    ]);
  });

  test('a missing required value, a non-number and a repeated key fail the value check', () => {
    const schema = resource(pkg, 'figures').schema;
    const [header, row] = readFileSync(join(FIXTURES, 'datapackage', 'unknown-topic.csv'), 'utf8').split('\n');
    const good = row!.replace('weather', 'burnout');
    const text = [header, good, good.replace(',88,', ',eighty,').replace('full_time', '')].join('\n');
    const problems = checkTable('t.csv', schema, text);
    expect(problems).toEqual(
      expect.arrayContaining([
        't.csv, row 3, field "cohort": required, but empty',
        't.csv, row 3, field "value": "eighty" is not a number',
        't.csv, row 3, field "id": "burnout-share" is not unique',
      ]),
    );
  });
});
