/**
 * The MCP SDK imports ajv (and ajv-formats) when it loads, to validate what a client answers to
 * an elicitation, which `handoff mcp` never asks for: loading ajv and compiling its meta-schemas
 * cost about as much as zod itself, before the answer to `initialize`. The real ajv loads when
 * the first instance is made (see src/mcp/lazy-validator.ts, which makes none until needed).
 */
type AjvConstructor = new (options?: object) => object;

export default class Ajv {
  constructor(options?: object) {
    const Real = (require("ajv") as { default: AjvConstructor }).default;
    return new Real(options);
  }
}
