// Its own module, imported on demand: the config reader brings the schema library with it.
import { loadConfig } from "@handoff/core";

export { loadConfig };
