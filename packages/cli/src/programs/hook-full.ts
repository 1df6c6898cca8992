import hook from "../commands/hook.js";
import { mainOf } from "../main.js";

// `handoff hook` in full, which programs/hook.ts loads for anything it does not answer itself.
mainOf("hook", hook);
