import pull from "../commands/pull.js";
import { mainOf } from "../main.js";

mainOf("pull", pull);
