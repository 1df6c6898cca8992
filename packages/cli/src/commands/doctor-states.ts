import {
  currentFreshness,
  gitOutput,
  ignoreEntry,
  isHandoffError,
  judgeFreshness,
  readStateFile,
  runGit,
  splitNul,
  statePath,
  type AgentInfo,
  type RepoPaths,
} from "@handoff/core/internal";
import { age } from "./age.js";
import { finding, type DoctorFinding } from "./doctor-finding.js";
import {
  FIX_NO_STATE,
  fixNotIgnored,
  fixSave,
  fixTracked,
  NO_STATE_IN_TREE,
  stateBroken,
  stateFresh,
  stateNotIgnored,
  stateStale,
  stateTracked,
  stateUnknown,
} from "../messages/doctor.js";
import { savedAgo } from "../messages/common.js";

function existing(root: string, agents: AgentInfo[]): AgentInfo[] {
  const byFile = new Map<string, AgentInfo>();
  for (const agent of agents) {
    if (byFile.has(agent.file)) continue;
    try {
      if (readStateFile(statePath(root, agent)) !== undefined) byFile.set(agent.file, agent);
    } catch {
      byFile.set(agent.file, agent); // an unreadable file is reported below
    }
  }
  return [...byFile.values()];
}

async function isIgnored(root: string, file: string): Promise<boolean> {
  return (await runGit(root, ["check-ignore", "-q", "--", file])).code === 0;
}

/** Each state file: kept out of git (ignored, not tracked), readable, and fresh against HEAD and the index. */
export async function stateFindings(repo: RepoPaths, agents: AgentInfo[]): Promise<DoctorFinding[]> {
  const found = existing(repo.root, agents);
  if (found.length === 0) return [finding("State files", "info", NO_STATE_IN_TREE, FIX_NO_STATE)];
  const tracked = new Set(splitNul(await gitOutput(repo.root, ["ls-files", "-z", "--", ...found.map((agent) => `:(literal)${agent.file}`)])));
  const now = currentFreshness(repo);
  const findings: DoctorFinding[] = [];
  for (const agent of found) {
    if (tracked.has(agent.file)) {
      findings.push(finding("State files", "fail", stateTracked(agent.file), fixTracked(agent.file)));
      continue;
    }
    if (!(await isIgnored(repo.root, agent.file))) {
      findings.push(finding("State files", "fail", stateNotIgnored(agent.file), fixNotIgnored(ignoreEntry(agent.file))));
    }
    try {
      const state = readStateFile(statePath(repo.root, agent))!.state;
      const verdict = judgeFreshness(state, now);
      const saved = savedAgo(age(state.timestamp));
      if (verdict === "fresh") findings.push(finding("State files", "ok", stateFresh(agent.name, agent.file, saved)));
      else if (verdict === "stale") {
        findings.push(finding("State files", "warn", stateStale(agent.name, agent.file, saved), fixSave(agent.name)));
      } else findings.push(finding("State files", "info", stateUnknown(agent.name, agent.file, saved)));
    } catch (error) {
      if (!isHandoffError(error)) throw error;
      findings.push(finding("State files", "fail", stateBroken(agent.name, error.message.split("\n")[0] ?? ""), error.hint ?? fixSave(agent.name)));
    }
  }
  return findings;
}
