import hookSave from "../commands/hook-save.js";
import { mainOf } from "../main.js";

mainOf("hook-save", hookSave);
