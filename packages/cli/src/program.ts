import { AGENT_HOOK_COMMANDS, COMMANDS } from "./commands/index.js";
import { main } from "./main.js";

/** Every command, built into dist/program.cjs; a command's code runs only when it is chosen. */
main({ ...COMMANDS, ...AGENT_HOOK_COMMANDS });
