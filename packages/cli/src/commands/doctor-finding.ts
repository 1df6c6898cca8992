/** ok: works; info: worth knowing; warn: degraded but usable; fail: needs the user's action (exit 1). */
export type DoctorLevel = "ok" | "info" | "warn" | "fail";

export interface DoctorFinding {
  /** The heading it is listed under. */
  section: DoctorSection;
  level: DoctorLevel;
  /** One line: what was found. */
  detail: string;
  /** The command or step that fixes it, when something needs doing. */
  fix?: string;
}

export const DOCTOR_SECTIONS = ["Git hooks", "Agent hooks and MCP", "Config", "State files", "Hook log", "Node.js", "Agent sessions"] as const;
export type DoctorSection = (typeof DOCTOR_SECTIONS)[number];

export function finding(section: DoctorSection, level: DoctorLevel, detail: string, fix?: string): DoctorFinding {
  return fix === undefined ? { section, level, detail } : { section, level, detail, fix };
}
