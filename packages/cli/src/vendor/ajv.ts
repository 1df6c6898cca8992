export { default as Ajv } from "ajv";
export { default as addFormats } from "ajv-formats";
