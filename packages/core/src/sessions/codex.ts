import path from "node:path";
import { fromVariable, handoffOverride } from "./env.js";
import { isInside, listDir, modifiedAt, readFirstLine, readJsonLines } from "./files.js";
import { patchedFiles, SessionFacts, UnknownKinds } from "./facts.js";
import type { CommandRun } from "../schema/session-state.js";
import type { SessionEnvironment, SessionReader } from "./types.js";
import { asArray, asNumber, asObject, asString, parseJson, type JsonObject } from "./values.js";

/**
 * Codex CLI: one "rollout" JSONL file per session in `<CODEX_HOME>/sessions/YYYY/MM/DD/rollout-<time>-<id>.jsonl`
 * (CODEX_HOME defaults to ~/.codex). Each line is `{timestamp, type, payload}`; the first is `session_meta`
 * with the session's `cwd`. Thread names live in `<CODEX_HOME>/session_index.jsonl`.
 */
const KNOWN = new Set(["session_meta", "response_item", "event_msg", "turn_context", "compacted", "world_state", "inter_agent_communication", "inter_agent_communication_metadata"]);
const SHELL_TOOLS = new Set(["shell", "container.exec", "local_shell"]);
const MAX_CANDIDATES = 100;

function storeDir(where: SessionEnvironment): string {
  return handoffOverride("codex", where) ?? fromVariable(where, "CODEX_HOME") ?? path.join(where.home, ".codex");
}

function rolloutFiles(sessions: string): string[] {
  const files: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const entry of listDir(dir)) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 3) walk(full, depth + 1);
      else if (entry.isFile() && entry.name.startsWith("rollout-") && entry.name.endsWith(".jsonl")) files.push(full);
    }
  };
  walk(sessions, 0);
  return files;
}

function sessionMeta(record: JsonObject | undefined): JsonObject | undefined {
  return record?.type === "session_meta" ? asObject(record.payload) : undefined;
}

/** The command text of a shell call, whatever the tool's generation (argv array, string, `cmd`). */
function commandOf(args: JsonObject): string | undefined {
  const argv = asArray(args.command).map(asString).filter((part): part is string => part !== undefined);
  if (argv.length >= 3 && /(^|\/)(ba|z)?sh$/.test(argv[0]!) && /^-l?c$/.test(argv[1]!)) return argv.slice(2).join(" ");
  if (argv.length) return argv.join(" ");
  return asString(args.command) ?? asString(args.cmd);
}

/** The exit code in a function_call_output: JSON metadata (older) or "Exit code: N" text (newer). */
function exitCodeOf(output: unknown): number | null | undefined {
  const text = asString(output) ?? asString(asObject(output)?.content);
  const metadata = asObject(asObject(parseJson(text))?.metadata);
  const fromJson = asNumber(metadata?.exit_code);
  if (fromJson !== undefined) return fromJson;
  const match = /(?:^|\n)Exit code: (-?\d+)|Process exited with code (-?\d+)/.exec(text ?? "");
  if (match) return Number(match[1] ?? match[2]);
  return undefined;
}

function threadName(store: string, id: string): string | undefined {
  let name: string | undefined;
  for (const record of readJsonLines(path.join(store, "session_index.jsonl")).records) {
    if (record.id === id) name = asString(record.thread_name) ?? name;
  }
  return name;
}

function isTypedRequest(text: string): boolean {
  const trimmed = text.trimStart();
  return !trimmed.startsWith("<") && !trimmed.startsWith("# AGENTS.md instructions");
}

export const codexReader: SessionReader = {
  agent: "codex",
  storeDir,

  async find(root, where) {
    const sessions = path.join(storeDir(where), "sessions");
    const newestFirst = rolloutFiles(sessions)
      .map((file) => ({ file, updatedAt: modifiedAt(file) }))
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .slice(0, MAX_CANDIDATES);
    for (const { file, updatedAt } of newestFirst) {
      const meta = sessionMeta(asObject(parseJson(readFirstLine(file))));
      if (meta && isInside(asString(meta.cwd), root)) {
        return { session: { file, id: asString(meta.id) ?? path.basename(file, ".jsonl"), updatedAt }, notes: [] };
      }
    }
    return { notes: [`no Codex CLI session for this repository in ${sessions}`] };
  },

  async read(found, root, where) {
    const { records, unreadable } = readJsonLines(found.file);
    const meta = sessionMeta(records[0]);
    const facts = new SessionFacts(root, asString(meta?.cwd) ?? root);
    facts.provider = asString(meta?.model_provider) ?? "openai";
    const unknown = new UnknownKinds();
    const calls = new Map<string, CommandRun | undefined>();
    let typedRequests = 0;
    const fallbackRequests: string[] = [];

    for (const record of records) {
      const type = asString(record.type) ?? "";
      const payload = asObject(record.payload) ?? {};
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
      const name = asString(payload.name) ?? "";
      const callId = asString(payload.call_id) ?? asString(payload.id) ?? "";
      if (payload.type === "message" && payload.role === "user") {
        const text = asArray(payload.content)
          .map((part) => asString(asObject(part)?.text) ?? "")
          .join("\n");
        if (isTypedRequest(text)) fallbackRequests.push(text);
      }
      if (payload.type === "local_shell_call") {
        calls.set(callId, facts.ran(commandOf(asObject(payload.action) ?? {})));
      }
      if (payload.type === "function_call" || payload.type === "custom_tool_call") {
        const args = asObject(parseJson(asString(payload.arguments))) ?? {};
        if (SHELL_TOOLS.has(name) || name === "shell_command" || name === "exec_command") calls.set(callId, facts.ran(commandOf(args)));
        if (name === "apply_patch") {
          for (const { file, kind } of patchedFiles(asString(payload.input) ?? asString(args.input) ?? asString(args.patch))) facts.touched(file, kind);
        }
        if (name === "update_plan") {
          facts.todoList(asArray(args.plan).map((item) => ({ text: asString(asObject(item)?.step) ?? "", status: asString(asObject(item)?.status) ?? "pending" })));
        }
      }
      if (payload.type === "function_call_output" || payload.type === "custom_tool_call_output") {
        const run = calls.get(callId);
        const code = exitCodeOf(payload.output);
        if (run && code !== undefined) run.exit_code = code;
      }
    }
    if (typedRequests === 0) facts.request(fallbackRequests[0]);
    facts.titled(threadName(storeDir(where), found.id));
    const input = facts.toInput();
    const notes = [...facts.notes];
    if (unreadable) notes.push(`skipped ${unreadable} line(s) that are not JSON`);
    const skipped = unknown.note("rollout line(s)");
    if (skipped) notes.push(skipped);
    return { input, notes };
  },
};
