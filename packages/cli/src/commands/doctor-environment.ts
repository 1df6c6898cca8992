import { agentLabel, hasAgentSession, SESSION_AGENTS } from "@handoff/core";
import { finding, type DoctorFinding } from "./doctor-finding.js";
import { FIX_NODE, NO_SESSION_FOUND, nodeOk, nodeTooOld, noneFoundFor, sessionsFound, SQLITE_SLOWER } from "../messages/doctor.js";

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
  if (atLeast(version, NEEDS.handoff)) findings.push(finding("Node.js", "ok", nodeOk(version)));
  else findings.push(finding("Node.js", "fail", nodeTooOld(version), FIX_NODE));
  if (!atLeast(version, NEEDS.sqlite)) {
    findings.push(finding("Node.js", "info", SQLITE_SLOWER));
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
      ? finding("Agent sessions", "ok", sessionsFound(found.map(agentLabel)))
      : finding("Agent sessions", "info", NO_SESSION_FOUND),
    ...(found.length && none.length ? [finding("Agent sessions", "info", noneFoundFor(none))] : []),
  ];
}
