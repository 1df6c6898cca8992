import path from "node:path";
import { fromVariable, handoffOverride } from "./env.js";
import { SessionFacts, UnknownKinds } from "./facts.js";
import { fileUriPath } from "./file-uri.js";
import { isInside, listDir, modifiedAt, readJsonFile } from "./files.js";
import { finishReading } from "./finish.js";
import { applyToolCall, argumentsOf, type ToolTable } from "./tool-calls.js";
import type { SessionEnvironment, SessionReader } from "./types.js";
import { UnreadableSession } from "./unreadable.js";
import { asArray, asNumber, asObject, asString, type JsonObject } from "./values.js";

/**
 * Amp (Sourcegraph): one JSON file per thread, `<data>/amp/threads/T-<uuid>.json`, where `<data>`
 * is XDG_DATA_HOME or ~/.local/share. A thread has `id`, `created`, `title`,
 * `env.initial.trees[].uri` (the workspace folders, as file:// URIs) and `messages[]` with `role`,
 * `content[]` blocks in Anthropic's shapes (`text`, `tool_use {id, name, input}`,
 * `tool_result {toolUseID, run: {status, result}}`) and `usage.model`. Amp is closed source; the
 * layout is the one published by projects that read it (jonathan-kellerai/cross_agent_session_resumer
 * src/providers/amp.rs, noamsto/houston docs/AMP_AGENT_SUPPORT.md).
 */
const TOOLS: ToolTable = {
  shell: ["Bash", "bash", "shell_command"],
  edit: ["edit_file", "undo_edit", "format_file"],
  create: ["create_file"],
  todo: ["todo_write"],
};
const KNOWN_BLOCKS = new Set(["text", "tool_use", "tool_result", "thinking", "redacted_thinking", "image", "summary"]);

function storeDir(where: SessionEnvironment): string {
  return handoffOverride("amp", where) ?? path.join(fromVariable(where, "XDG_DATA_HOME") ?? path.join(where.home, ".local", "share"), "amp");
}

function workspaces(thread: JsonObject): string[] {
  const env = asObject(asObject(thread.env)?.initial);
  return asArray(env?.trees)
    .map((tree) => fileUriPath(asString(asObject(tree)?.uri)))
    .filter((dir): dir is string => dir !== undefined);
}

function exitCodeOf(block: JsonObject): number | null {
  const run = asObject(block.run) ?? {};
  const result = asObject(run.result) ?? {};
  const exit = asNumber(result.exitCode) ?? asNumber(result.exit_code);
  if (exit !== undefined) return exit;
  return run.status === "done" ? 0 : run.status === "error" ? 1 : null;
}

export const ampReader: SessionReader = {
  agent: "amp",
  storeDir,

  async find(root, where) {
    const threadsDir = path.join(storeDir(where), "threads");
    const threads = listDir(threadsDir)
      .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
      .map((entry) => ({ file: path.join(threadsDir, entry.name), id: entry.name.slice(0, -5), updatedAt: modifiedAt(path.join(threadsDir, entry.name)) }))
      .sort((a, b) => b.updatedAt - a.updatedAt);
    let unknownFormat: string | undefined;
    for (const thread of threads) {
      const value = asObject(readJsonFile(thread.file));
      if (!value) continue;
      const inRepository = workspaces(value).some((dir) => isInside(dir, root));
      if (inRepository && !Array.isArray(value.messages)) throw new UnreadableSession(thread.file, "Amp thread without messages[]");
      if (inRepository) return { session: thread, notes: [] };
      if (!asObject(value.env)) unknownFormat ??= thread.file;
    }
    if (unknownFormat) throw new UnreadableSession(unknownFormat, "Amp thread without env.initial.trees");
    return { notes: [`no Amp thread for this repository in ${threadsDir}`] };
  },

  async read(found, root) {
    const thread = asObject(readJsonFile(found.file)) ?? {};
    const facts = new SessionFacts(root, workspaces(thread).find((dir) => isInside(dir, root)) ?? root);
    const unknown = new UnknownKinds();
    const pending = new Map<string, ReturnType<SessionFacts["ran"]>>();
    facts.titled(asString(thread.title));
    for (const message of asArray(thread.messages).map(asObject)) {
      if (!message) continue;
      facts.model = asString(asObject(message.usage)?.model) ?? facts.model;
      for (const block of asArray(message.content).map(asObject)) {
        if (!block) continue;
        const type = asString(block.type) ?? "";
        if (!KNOWN_BLOCKS.has(type)) unknown.add(type);
        if (type === "text" && message.role === "user") facts.request(asString(block.text));
        if (type === "tool_use") {
          const run = applyToolCall(facts, TOOLS, asString(block.name), argumentsOf(block.input));
          if (run) pending.set(asString(block.id) ?? "", run);
        }
        if (type === "tool_result") {
          const run = pending.get(asString(block.toolUseID) ?? asString(block.tool_use_id) ?? "");
          if (run) run.exit_code = exitCodeOf(block);
        }
      }
    }
    return finishReading(facts, { unknown, what: "content block(s)" });
  },
};
