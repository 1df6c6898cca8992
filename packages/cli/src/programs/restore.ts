import restore from "../commands/restore.js";
import { mainOf } from "../main.js";

mainOf("restore", restore);
