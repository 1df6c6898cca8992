import switchCommand from "../commands/switch.js";
import { mainOf } from "../main.js";

mainOf("switch", switchCommand);
