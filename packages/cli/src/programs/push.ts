import push from "../commands/push.js";
import { mainOf } from "../main.js";

mainOf("push", push);
