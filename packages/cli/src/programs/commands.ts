import { COMMANDS } from "../commands/index.js";
import { main } from "../main.js";

main(COMMANDS);
