// Checks a real answer against the OpenAPI document: the status is documented for the operation, the
// content type is one it lists, and the body matches that schema (ajv, JSON Schema 2020-12 as
// OpenAPI 3.1 uses it). Shared by the contract test and the spec-driven sampling test.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export interface OpenApiOperation {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean; schema: Record<string, unknown> }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
export interface OpenApi {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown> };
}

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Returns the problems of one answer: an empty list when it is what the document says. */
export function responseChecker(document: OpenApi) {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  type AddFormats = (ajv: Ajv2020) => Ajv2020;
  const wrapped = addFormatsModule as unknown as { default?: AddFormats };
  (wrapped.default ?? (addFormatsModule as unknown as AddFormats))(ajv);
  ajv.addSchema({ ...document, $id: 'openapi' } as object);
  return (method: string, template: string, status: number, contentType: string, text: string): string[] => {
    const name = `${method.toUpperCase()} ${template} → ${status}`;
    const operation = document.paths[template]?.[method.toLowerCase()];
    if (!operation) return [`${method.toUpperCase()} ${template} is not documented`];
    const documented = operation.responses[String(status)];
    if (!documented) return [`${name} is not a documented status: ${text.slice(0, 300)}`];
    if (status === 204) return text === '' ? [] : [`${name} has a body`];
    const type = contentType.split(';')[0]?.trim() ?? '';
    if (!documented.content?.[type]) return [`${name}: ${type} is not a documented content type`];
    let body: unknown = text;
    if (type === 'application/json') {
      try {
        body = JSON.parse(text);
      } catch {
        return [`${name}: not JSON`];
      }
    }
    const pointer = ['paths', template, method.toLowerCase(), 'responses', String(status), 'content', type, 'schema']
      .map(escapePointer)
      .join('/');
    const validate = ajv.getSchema(`openapi#/${pointer}`);
    if (!validate) return [`${name}: no schema at ${pointer}`];
    if (validate(body)) return [];
    return [`${name}: ${JSON.stringify(validate.errors?.slice(0, 3))} in ${text.slice(0, 300)}`];
  };
}
