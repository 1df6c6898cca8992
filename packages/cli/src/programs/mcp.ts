import mcp from "../commands/mcp.js";
import { mainOf } from "../main.js";

mainOf("mcp", mcp);
