import hooks from "../commands/hooks.js";
import { mainOf } from "../main.js";

mainOf("hooks", hooks);
