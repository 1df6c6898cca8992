import path from "node:path";
import type { CommandRun } from "../schema/session-state.js";
import { callArguments, commandOf, exitCodeOf, isShellTool, patchDirectory, patchInCommand, scriptCommands } from "./codex-calls.js";
import { findRollout, isLegacyHeader } from "./codex-rollouts.js";
import { fromVariable, handoffOverride } from "./env.js";
import { readJsonLines } from "./files.js";
import { patchedFiles, SessionFacts, UnknownKinds } from "./facts.js";
import type { SessionEnvironment, SessionReader } from "./types.js";
import { asArray, asNumber, asObject, asString, type JsonObject } from "./values.js";

/**
 * Codex CLI: one "rollout" JSONL file per session (see codex-rollouts.ts for where, and the older
 * formats). Each line is `{timestamp, type, payload}`; the first is `session_meta` with the
 * session's `cwd`. Thread names live in `<CODEX_HOME>/session_index.jsonl`.
 */
const KNOWN = new Set(["session_meta", "response_item", "event_msg", "turn_context", "compacted", "world_state", "inter_agent_communication", "inter_agent_communication_metadata"]);
/** Items written bare (no `{type, payload}` envelope) by the rollouts from before `session_meta`. */
const BARE_ITEMS = new Set(["message", "reasoning", "function_call", "function_call_output", "custom_tool_call", "custom_tool_call_output", "local_shell_call", "web_search_call"]);

function storeDir(where: SessionEnvironment): string {
  return handoffOverride("codex", where) ?? fromVariable(where, "CODEX_HOME") ?? path.join(where.home, ".codex");
}

function threadName(store: string, id: string): string | undefined {
  let name: string | undefined;
  for (const record of readJsonLines(path.join(store, "session_index.jsonl")).records) {
    if (record.id === id) name = asString(record.thread_name) ?? name;
  }
  return name;
}

/** A line as `{type, payload}`: enveloped lines as they are, bare items of older rollouts wrapped. */
function envelope(record: JsonObject): { type: string; payload: JsonObject } | undefined {
  if (record.record_type !== undefined) return undefined; // `{"record_type":"state"}` markers
  if (isLegacyHeader(record)) return { type: "session_meta", payload: record };
  const type = asString(record.type) ?? "";
  if (record.payload === undefined && BARE_ITEMS.has(type)) return { type: "response_item", payload: record };
  return { type, payload: asObject(record.payload) ?? {} };
}

/** Reads one tool call: a shell command (or a patch run through the shell), a patch, or the plan. */
function readCall(facts: SessionFacts, payload: JsonObject, calls: Map<string, CommandRun | undefined>): void {
  const name = asString(payload.name) ?? "";
  const callId = asString(payload.call_id) ?? asString(payload.id) ?? "";
  const args = callArguments(payload);
  if (isShellTool(name)) {
    const command = commandOf(args);
    const patch = patchInCommand(command);
    if (patch) {
      const dir = patchDirectory(patch, args, facts.cwd);
      for (const { file, kind } of patchedFiles(patch)) facts.touched(path.resolve(dir, file), kind);
    } else {
      calls.set(callId, facts.ran(command));
    }
  }
  if (name === "exec") {
    for (const command of scriptCommands(asString(payload.input) ?? "")) calls.set(callId, facts.ran(command));
  }
  if (name === "apply_patch") {
    for (const { file, kind } of patchedFiles(asString(payload.input) ?? asString(args.input) ?? asString(args.patch))) facts.touched(file, kind);
  }
  if (name === "update_plan") {
    facts.todoList(asArray(args.plan).map((item) => ({ text: asString(asObject(item)?.step) ?? "", status: asString(asObject(item)?.status) ?? "pending" })));
  }
}

export const codexReader: SessionReader = {
  agent: "codex",
  storeDir,

  async find(root, where) {
    return findRollout(storeDir(where), root);
  },

  async read(found, root, where) {
    const { records, unreadable } = readJsonLines(found.file);
    const first = records[0] ? envelope(records[0]) : undefined;
    const meta = first?.type === "session_meta" ? first.payload : undefined;
    const facts = new SessionFacts(root, asString(meta?.cwd) ?? root);
    facts.provider = asString(meta?.model_provider) ?? "openai";
    facts.model = asString(meta?.model);
    const unknown = new UnknownKinds();
    const calls = new Map<string, CommandRun | undefined>();
    let typedRequests = 0;
    const fallbackRequests: string[] = [];

    for (const record of records) {
      const line = envelope(record);
      if (!line) continue;
      const { type, payload } = line;
      if (!KNOWN.has(type)) {
        unknown.add(type);
        continue;
      }
      if (type === "turn_context") {
        facts.model = asString(payload.model) ?? facts.model;
        facts.cwd = asString(payload.cwd) ?? facts.cwd;
      }
      if (type === "event_msg") {
        if (payload.type === "user_message" && asString(payload.message)) {
          typedRequests++;
          facts.request(asString(payload.message));
        }
        if (payload.type === "exec_command_end") {
          const run = calls.get(asString(payload.call_id) ?? "");
          const code = asNumber(payload.exit_code);
          if (run && code !== undefined) run.exit_code = code;
        }
      }
      if (type !== "response_item") continue;
      if (payload.type === "message" && payload.role === "user") {
        fallbackRequests.push(
          asArray(payload.content)
            .map((part) => asString(asObject(part)?.text) ?? "")
            .join("\n"),
        );
      }
      if (payload.type === "local_shell_call") {
        calls.set(asString(payload.call_id) ?? asString(payload.id) ?? "", facts.ran(commandOf(asObject(payload.action) ?? {})));
      }
      if (payload.type === "function_call" || payload.type === "custom_tool_call") readCall(facts, payload, calls);
      if (payload.type === "function_call_output" || payload.type === "custom_tool_call_output") {
        const run = calls.get(asString(payload.call_id) ?? "");
        const code = exitCodeOf(payload.output);
        if (run && code !== undefined) run.exit_code = code;
      }
    }
    // Rollouts without `user_message` events (the oldest) have only the messages sent to the model.
    if (typedRequests === 0) for (const text of fallbackRequests) facts.request(text);
    facts.titled(threadName(storeDir(where), found.id));
    const input = facts.toInput();
    const notes = [...facts.notes];
    if (unreadable) notes.push(`skipped ${unreadable} line(s) that are not JSON`);
    const skipped = unknown.note("rollout line(s)");
    if (skipped) notes.push(skipped);
    return { input, notes };
  },
};
