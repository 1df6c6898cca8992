/** The config file at the repository root; a module of its own so that fast paths can name it without loading zod. */
export const CONFIG_FILE = "handoff.config.json";
