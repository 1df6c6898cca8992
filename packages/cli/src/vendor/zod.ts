export * from "zod";
