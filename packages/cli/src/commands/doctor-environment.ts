import { agentLabel, hasAgentSession, SESSION_AGENTS } from "@handoff/core";
import { finding, type DoctorFinding } from "./doctor-finding.js";

/** What needs which Node.js: handoff itself (package.json "engines"), and the fast SQLite reader (node:sqlite). */
const NEEDS = { handoff: [20, 19, 0], sqlite: [22, 13, 0] } as const;

function atLeast(version: string, wanted: readonly number[]): boolean {
  const parts = version.split(".").map(Number);
  for (let i = 0; i < wanted.length; i++) {
    const have = parts[i] ?? 0;
    if (have !== wanted[i]) return have > wanted[i]!;
  }
  return true;
}

export function nodeFindings(version = process.versions.node): DoctorFinding[] {
  const findings: DoctorFinding[] = [];
  if (atLeast(version, NEEDS.handoff)) findings.push(finding("Node.js", "ok", `v${version} runs handoff (it needs 20.19 or newer)`));
  else findings.push(finding("Node.js", "fail", `v${version} is older than the 20.19 handoff needs`, "install Node.js 20.19 or newer (nvm install 22)"));
  if (!atLeast(version, NEEDS.sqlite)) {
    findings.push(
      finding(
        "Node.js",
        "info",
        "agents' SQLite sessions (OpenCode, Crush, Goose, cursor-agent) are read with sql.js here, a copy in memory; Node.js 22.13 or newer reads them in place with node:sqlite, about 5x faster",
      ),
    );
  }
  return findings;
}

/** Which agents' own session stores hold a session for this repository (what `save --from-session` reads). */
export async function sessionFindings(root: string): Promise<DoctorFinding[]> {
  const found: string[] = [];
  for (const agent of SESSION_AGENTS) if (await hasAgentSession(agent, root)) found.push(agent);
  const none = SESSION_AGENTS.filter((agent) => !found.includes(agent)).map(agentLabel);
  return [
    found.length
      ? finding("Agent sessions", "ok", `sessions for this repository: ${found.map(agentLabel).join(", ")} (handoff save <agent> --from-session)`)
      : finding("Agent sessions", "info", "no agent session found for this repository"),
    ...(found.length && none.length ? [finding("Agent sessions", "info", `none found for: ${none.join(", ")}`)] : []),
  ];
}
