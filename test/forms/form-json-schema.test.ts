import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { formJsonSchema } from '../../src/core/forms/form-json-schema';

describe('docs/form.schema.json', () => {
  it('is the JSON Schema generated from the form schema (run `npm run form-schema` after changing it)', () => {
    const shipped: unknown = JSON.parse(readFileSync(path.join(__dirname, '../../docs/form.schema.json'), 'utf8'));
    expect(shipped).toEqual(formJsonSchema());
  });

  it('describes the fields an official edits, strictly', () => {
    const schema = formJsonSchema() as { properties: Record<string, unknown>; additionalProperties?: unknown; required?: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'version', 'title', 'info', 'tables', 'indicators', 'rules', 'periods', 'calendar']));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'tables']));
  });
});
