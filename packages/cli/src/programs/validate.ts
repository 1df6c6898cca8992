import validate from "../commands/validate.js";
import { mainOf } from "../main.js";

mainOf("validate", validate);
