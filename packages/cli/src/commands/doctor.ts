import { CONFIG_FILE, displaySafe, isHandoffError, listAgents, loadConfig, resolveRepo, type HandoffConfig } from "@handoff/core/internal";
import { flag } from "../args.js";
import type { Output } from "../output.js";
import type { Command } from "./command.js";
import { AGENT_WIRING, wiredIn, type Wired } from "./doctor-agent-config.js";
import { nodeFindings, sessionFindings } from "./doctor-environment.js";
import { DOCTOR_SECTIONS, finding, type DoctorFinding, type DoctorLevel } from "./doctor-finding.js";
import { gitHookFindings } from "./doctor-git-hooks.js";
import { hookLogFindings } from "./doctor-hook-log.js";
import { stateFindings } from "./doctor-states.js";
import { takePositionals } from "./positionals.js";
import {
  agentWiring,
  configValid,
  DOCTOR_MARKS,
  doctorTitle,
  doctorVerdict,
  findingLine,
  fixConfig,
  fixLine,
  noWiring,
  wiredNo,
  wiredUnreadable,
  wiredYes,
} from "../messages/doctor.js";

const MARKS: Record<DoctorLevel, string> = DOCTOR_MARKS;

function configFindings(root: string): { config: HandoffConfig; findings: DoctorFinding[] } {
  try {
    const config = loadConfig(root);
    listAgents(config); // agent paths are checked here
    return { config, findings: [finding("Config", "ok", configValid(CONFIG_FILE, Object.keys(config).length === 0))] };
  } catch (error) {
    if (!isHandoffError(error)) throw error;
    // "<file> is invalid:" and one line per field, kept on one line: "<file> is invalid: a: ...; b: ...".
    const [first = "", ...fields] = error.message.replace(`${root}/`, "").split("\n").map((line) => line.trim());
    const detail = fields.length ? `${first} ${fields.join("; ")}` : first;
    return { config: {}, findings: [finding("Config", "fail", detail, error.hint ?? fixConfig(CONFIG_FILE))] };
  }
}

function describeWired(part: string, wired: Wired): string {
  if (wired.state === "yes") return wiredYes(part, wired.file);
  if (wired.state === "unreadable") return wiredUnreadable(part, wired.file, wired.reason);
  return wiredNo(part);
}

/** One line per agent that has handoff's hooks or MCP server (or an unreadable file); one line for the rest. */
function agentWiringFindings(root: string): DoctorFinding[] {
  const findings: DoctorFinding[] = [];
  const bare: string[] = [];
  for (const { agent, hooks, mcp } of AGENT_WIRING) {
    const hooked = wiredIn(root, hooks, "hooks");
    const served = wiredIn(root, mcp, "mcp");
    if (hooked.state === "no" && served.state === "no") {
      bare.push(agent);
      continue;
    }
    const level: DoctorLevel = hooked.state === "unreadable" || served.state === "unreadable" ? "warn" : "ok";
    findings.push(finding("Agent hooks and MCP", level, agentWiring(agent, describeWired("hooks", hooked), describeWired("MCP server", served))));
  }
  if (bare.length) findings.push(finding("Agent hooks and MCP", "info", noWiring(bare)));
  return findings;
}

function print(out: Output, root: string, findings: DoctorFinding[]): void {
  out.line(doctorTitle(displaySafe(root)));
  for (const section of DOCTOR_SECTIONS) {
    const inSection = findings.filter((item) => item.section === section);
    if (inSection.length === 0) continue;
    out.line("");
    out.line(out.paint("bold", section));
    for (const item of inSection) {
      out.line(findingLine(MARKS[item.level], displaySafe(item.detail)));
      if (item.fix && item.level !== "ok") out.line(fixLine(displaySafe(item.fix)));
    }
  }
  const failing = findings.filter((item) => item.level === "fail").length;
  out.line("");
  out.line(doctorVerdict(failing));
}

const doctor: Command = {
  usage: "handoff doctor [--json] [--fix]",
  summary:
    "What works in this clone and what to do about the rest: git hooks, agent hooks and MCP, config, state files, hook errors, Node.js, agent sessions. Exits 1 when something needs action.",
  options: {
    json: { type: "boolean", description: "print the findings as JSON" },
    fix: { type: "boolean", description: "retry the hooks' refresh now and, if it succeeds, clear the logged hook errors" },
  },
  async run(parsed, { cwd, out }) {
    takePositionals(parsed, []);
    const repo = await resolveRepo(cwd);
    const { config, findings: configResult } = configFindings(repo.root);
    const hooks = await gitHookFindings(cwd, process.env);
    const hooksRun = !hooks.some((item) => item.level === "fail");
    const findings = [
      ...hooks,
      ...agentWiringFindings(repo.root),
      ...configResult,
      ...(await stateFindings(repo, listAgents(config))),
      ...(await hookLogFindings(repo, flag(parsed, "fix"), hooksRun)),
      ...nodeFindings(),
      ...(await sessionFindings(repo.root)),
    ];
    const ok = !findings.some((item) => item.level === "fail");
    if (flag(parsed, "json")) out.json({ root: repo.root, ok, findings });
    else print(out, repo.root, findings);
    return ok ? 0 : 1;
  },
};

export default doctor;
