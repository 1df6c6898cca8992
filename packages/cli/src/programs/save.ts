import save from "../commands/save.js";
import { mainOf } from "../main.js";

mainOf("save", save);
