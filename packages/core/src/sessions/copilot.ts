import path from "node:path";
import { fromVariable, handoffOverride } from "./env.js";
import { SessionFacts, UnknownKinds } from "./facts.js";
import { finishReading } from "./finish.js";
import { isInside, listDir, modifiedAt, readHeadRecords, readJsonLines, readText } from "./files.js";
import { applyToolCall, argumentsOf, type ToolTable } from "./tool-calls.js";
import type { SessionEnvironment, SessionReader } from "./types.js";
import { UnreadableSession } from "./unreadable.js";
import { asObject, asString, type JsonObject } from "./values.js";

/**
 * GitHub Copilot CLI: one event log per session, `<home>/session-state/<id>/events.jsonl` (older
 * versions: `<home>/session-state/<id>.jsonl`), where `<home>` is COPILOT_HOME or ~/.copilot
 * (https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-config-dir-reference;
 * versions up to 0.0.421 honoured XDG_CONFIG_HOME: github/copilot-cli issue #1954). Each line is
 * `{type, data, id, timestamp, parentId}`: `session.start` (data.context.cwd), `user.message`
 * (data.content), `tool.execution_start` (data.toolName, data.arguments),
 * `tool.execution_complete` (data.success, data.result), `session.model_change` (data.newModel).
 * The CLI is closed source; the shapes are those of its published session files, e.g.
 * qiaolei81/copilot-session-viewer README.md and the event envelope documented by the Copilot SDK.
 */
const TOOLS: ToolTable = {
  shell: ["bash", "powershell", "shell"],
  edit: ["edit", "str_replace", "str_replace_editor", "apply_patch"],
  create: ["create"],
  write: ["write"],
  todo: ["update_todo", "todo_write", "write_todos"],
};
const KNOWN = new Set(["session.start", "session.resume", "session.info", "session.model_change", "session.error", "session.shutdown", "session.idle", "session.truncation", "session.compaction_start", "session.compaction_complete", "user.message", "assistant.message", "assistant.message_delta", "assistant.turn_start", "assistant.turn_end", "assistant.reasoning", "assistant.usage", "assistant.intent", "tool.execution_start", "tool.execution_partial_result", "tool.execution_progress", "tool.execution_complete", "tool.user_requested", "abort", "hook.start", "hook.end", "subagent.started", "subagent.completed", "subagent.failed", "subagent.selected", "system.message", "session.handoff", "session.usage_info", "session.context_changed", "session.title_changed", "session.plan_changed", "session.workspace_file_changed", "session.task_complete", "permission.requested", "permission.completed", "skill.invoked", "pending_messages.modified"]);

function storeDir(where: SessionEnvironment): string {
  const xdg = fromVariable(where, "XDG_CONFIG_HOME");
  const legacy = xdg && path.join(xdg, ".copilot");
  return (
    handoffOverride("copilot", where) ??
    fromVariable(where, "COPILOT_HOME") ??
    (legacy && modifiedAt(path.join(legacy, "session-state")) > 0 ? legacy : path.join(where.home, ".copilot"))
  );
}

/** Each session's event log, newest first. */
function eventLogs(stateDir: string): { file: string; id: string; updatedAt: number }[] {
  return listDir(stateDir)
    .flatMap((entry) => {
      if (entry.isDirectory()) return [{ file: path.join(stateDir, entry.name, "events.jsonl"), id: entry.name }];
      if (entry.isFile() && entry.name.endsWith(".jsonl")) return [{ file: path.join(stateDir, entry.name), id: entry.name.slice(0, -6) }];
      return [];
    })
    .map((log) => ({ ...log, updatedAt: modifiedAt(log.file) }))
    .filter((log) => log.updatedAt > 0)
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

/** The working directory: `session.start`'s context, else `cwd:` in the folder's workspace.yaml. */
function sessionCwd(records: JsonObject[], file: string): string | undefined {
  for (const record of records) {
    const context = asObject(asObject(record.data)?.context);
    const cwd = asString(context?.cwd) ?? asString(context?.gitRoot);
    if (cwd) return cwd;
  }
  const yaml = path.basename(file) === "events.jsonl" ? readText(path.join(path.dirname(file), "workspace.yaml")) : undefined;
  const match = /^cwd:\s*["']?(.+?)["']?\s*$/m.exec(yaml ?? "");
  return match?.[1];
}

function exitCodeOf(data: JsonObject): number | null {
  const result = asObject(data.result);
  const text = asString(result?.content) ?? asString(data.result) ?? asString(asObject(data.error)?.message) ?? "";
  const match = /exit(?:ed with)? code[:\s]+(-?\d+)/i.exec(text);
  if (match) return Number(match[1]);
  return data.success === true ? 0 : data.success === false ? 1 : null;
}

export const copilotReader: SessionReader = {
  agent: "copilot",
  storeDir,

  async find(root, where) {
    const stateDir = path.join(storeDir(where), "session-state");
    let unknownFormat: string | undefined;
    for (const log of eventLogs(stateDir)) {
      const head = readHeadRecords(log.file);
      const cwd = sessionCwd(head, log.file);
      if (isInside(cwd, root)) return { session: log, notes: [] };
      if (!cwd && head.length > 0 && head.every((record) => typeof record.type !== "string")) unknownFormat ??= log.file;
    }
    // Only when nothing of this repository was found: a log of a shape handoff does not know may be its.
    if (unknownFormat) throw new UnreadableSession(unknownFormat, "Copilot CLI events without a type");
    return { notes: [`no GitHub Copilot CLI session for this repository in ${stateDir}`] };
  },

  async read(found, root) {
    const { records, unreadable } = readJsonLines(found.file);
    const facts = new SessionFacts(root, sessionCwd(records, found.file) ?? root);
    facts.provider = "github-copilot";
    const unknown = new UnknownKinds();
    const pending = new Map<string, ReturnType<SessionFacts["ran"]>>();
    for (const record of records) {
      const type = asString(record.type) ?? "";
      if (!KNOWN.has(type)) unknown.add(type);
      const data = asObject(record.data) ?? {};
      if (type === "session.start") facts.model = asString(data.selectedModel) ?? facts.model;
      if (type === "session.model_change") facts.model = asString(data.newModel) ?? asString(data.model) ?? facts.model;
      if (type === "assistant.usage") facts.model = asString(data.model) ?? facts.model;
      if (type === "user.message") facts.request(asString(data.content));
      if (type === "session.title_changed") facts.titled(asString(data.title));
      if (type === "tool.execution_start") {
        const run = applyToolCall(facts, TOOLS, asString(data.toolName), argumentsOf(data.arguments));
        if (run) pending.set(asString(data.toolCallId) ?? "", run);
      }
      if (type === "tool.execution_complete") {
        const run = pending.get(asString(data.toolCallId) ?? "");
        if (run) run.exit_code = exitCodeOf(data);
      }
    }
    return finishReading(facts, { unreadableLines: unreadable, unknown, what: "event(s)" });
  },
};
