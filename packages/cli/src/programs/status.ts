import status from "../commands/status.js";
import { mainOf } from "../main.js";

mainOf("status", status);
