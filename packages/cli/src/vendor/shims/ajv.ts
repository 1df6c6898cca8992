import path from "node:path";

/**
 * The MCP SDK imports ajv (and ajv-formats) when it loads, to validate what a client answers to
 * an elicitation, which `handoff mcp` never asks for. Compiling ajv (a sixth of the SDK's bundle)
 * and setting up its meta-schemas would delay the answer to `initialize`, so ajv is a vendor file
 * of its own, dist/vendor/ajv.cjs, loaded when the first instance is made (src/mcp/lazy-validator.ts
 * makes none until it is needed). This shim is bundled only into dist/vendor/mcp-sdk.cjs, beside it.
 */
type AjvConstructor = new (options?: object) => object;

export function loadAjv(): { Ajv: AjvConstructor; addFormats: (ajv: object, options?: object) => object } {
  return require(path.join(__dirname, "ajv.cjs")) as ReturnType<typeof loadAjv>;
}

export default class Ajv {
  constructor(options?: object) {
    return new (loadAjv().Ajv)(options);
  }
}
