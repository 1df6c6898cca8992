import doctor from "../commands/doctor.js";
import { mainOf } from "../main.js";

mainOf("doctor", doctor);
