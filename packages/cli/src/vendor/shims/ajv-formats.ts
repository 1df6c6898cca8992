/** ajv-formats loads with ajv, when the first ajv instance is made (see ./ajv.ts). */
export default function addFormats(ajv: object, options?: object): object {
  return (require("ajv-formats") as { default: (ajv: object, options?: object) => object }).default(ajv, options);
}
