/**
 * The parts of Frictionless Table Schema v1 that /data/datapackage.json uses, checked against CSV
 * text: the header equals the field names in order, and every cell satisfies its field's type
 * (string, number), format (uri) and constraints (required, unique, pattern, enum, minimum), the
 * missing values and the primary key. Pure: text in, problems out ("figures.csv, row 3, field
 * "topic": …"), so the tests can feed it broken packages and rows.
 */
import Papa from 'papaparse';

export interface Field {
  name: string;
  type: string;
  format?: string;
  constraints?: { required?: boolean; unique?: boolean; pattern?: string; enum?: (string | number)[]; minimum?: number; maximum?: number };
}
export interface Schema {
  fields: Field[];
  primaryKey?: string | string[];
  missingValues?: string[];
}

/** Table Schema v1 number, without bareNumber=false or groupChar (this package uses neither). */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^(NaN|INF|-INF)$/i;
const TYPES = new Set(['string', 'number']);

export function parseCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`CSV does not parse: ${parsed.errors[0]!.message}`);
  return { header: parsed.meta.fields ?? [], rows: parsed.data };
}

export function checkTable(file: string, schema: Schema, text: string): string[] {
  const problems: string[] = [];
  const { header, rows } = parseCsv(text);
  const names = schema.fields.map((f) => f.name);
  if (JSON.stringify(header) !== JSON.stringify(names)) {
    problems.push(`${file}: header ${JSON.stringify(header)} is not the schema's fields ${JSON.stringify(names)}`);
    return problems;
  }
  const missing = new Set(schema.missingValues ?? ['']);
  for (const field of schema.fields) {
    const c = field.constraints ?? {};
    if (!TYPES.has(field.type)) problems.push(`${file}: field "${field.name}" has type "${field.type}", which this check does not know`);
    const pattern = c.pattern === undefined ? null : new RegExp(`^(?:${c.pattern})$`, 'u');
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const at = `${file}, row ${i + 2}, field "${field.name}"`;
      const cell = row[field.name] ?? '';
      if (missing.has(cell)) {
        if (c.required) problems.push(`${at}: required, but empty`);
        return;
      }
      const value: string | number = field.type === 'number' ? Number(cell) : cell;
      if (field.type === 'number' && !NUMBER.test(cell)) problems.push(`${at}: "${cell}" is not a number`);
      if (field.format === 'uri' && !URL.canParse(cell)) problems.push(`${at}: "${cell}" is not a URI`);
      if (pattern && !pattern.test(cell)) problems.push(`${at}: "${cell}" does not match ${c.pattern}`);
      if (c.enum && !c.enum.some((e) => String(e) === cell || e === value)) problems.push(`${at}: "${cell}" is not one of ${c.enum.join(', ')}`);
      if (c.minimum !== undefined && typeof value === 'number' && value < c.minimum) problems.push(`${at}: ${value} is below ${c.minimum}`);
      if (c.maximum !== undefined && typeof value === 'number' && value > c.maximum) problems.push(`${at}: ${value} is above ${c.maximum}`);
      if (c.unique) {
        if (seen.has(cell)) problems.push(`${at}: "${cell}" is not unique`);
        seen.add(cell);
      }
    });
  }
  const key = schema.primaryKey === undefined ? [] : [schema.primaryKey].flat();
  for (const k of key) if (!names.includes(k)) problems.push(`${file}: primary key "${k}" is not a field`);
  if (key.length) {
    const keys = new Set<string>();
    rows.forEach((row, i) => {
      const k = JSON.stringify(key.map((f) => row[f]));
      if (keys.has(k)) problems.push(`${file}, row ${i + 2}: primary key ${k} repeats`);
      keys.add(k);
    });
  }
  return problems;
}
