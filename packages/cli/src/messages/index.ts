/**
 * Every text the CLI prints, by command: named constants and small functions returning strings.
 * Commands import the file of their group directly (`../messages/save.js`), so that a command's
 * build carries its own texts only; this index is the table of contents.
 */
export * from "./common.js";
export * from "./main.js";
export * from "./restore.js";
export * from "./status.js";
export * from "./save.js";
export * from "./share.js";
export * from "./switch.js";
export * from "./setup.js";
export * from "./doctor.js";
export * from "./validate.js";
export * from "./mcp.js";
