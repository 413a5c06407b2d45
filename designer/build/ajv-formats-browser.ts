// ajv-formats in the browser: formats are already compiled into the precompiled validators.
export default function addFormats<T>(ajv: T): T {
  return ajv;
}
