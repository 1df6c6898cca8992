import agents from "../commands/agents.js";
import { mainOf } from "../main.js";

mainOf("agents", agents);
