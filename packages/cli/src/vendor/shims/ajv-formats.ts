import { loadAjv } from "./ajv.js";

/** ajv-formats loads with ajv, from dist/vendor/ajv.cjs, when the first ajv instance is made (see ./ajv.ts). */
export default function addFormats(ajv: object, options?: object): object {
  return loadAjv().addFormats(ajv, options);
}
