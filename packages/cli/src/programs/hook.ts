import hook from "../commands/hook.js";
import { mainOf } from "../main.js";

mainOf("hook", hook);
