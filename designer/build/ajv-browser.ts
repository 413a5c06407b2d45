// What `ajv` is in the browser bundle (for schemas/validators.ts only): an Ajv whose getSchema
// answers with the validators precompiled at build time; addSchema has nothing left to do.
import { byRef } from 'virtual:inkflow-validators';

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

export class Ajv {
  addSchema(): this {
    return this;
  }

  getSchema(ref: string): Validate | undefined {
    return (byRef as Record<string, Validate | undefined>)[ref];
  }
}

export default Ajv;
