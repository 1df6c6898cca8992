import init from "../commands/init.js";
import { mainOf } from "../main.js";

mainOf("init", init);
