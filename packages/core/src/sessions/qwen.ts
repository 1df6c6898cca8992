import path from "node:path";
import { fromVariable, handoffOverride } from "./env.js";
import { SessionFacts, UnknownKinds } from "./facts.js";
import { isInside, listDir, modifiedAt, readHeadRecords, readJsonLines } from "./files.js";
import { finishReading } from "./finish.js";
import { isPathInside } from "../util/paths.js";
import { geminiReader } from "./gemini.js";
import { applyToolCall, argumentsOf, type ToolTable } from "./tool-calls.js";
import type { SessionEnvironment, SessionReader } from "./types.js";
import { asArray, asObject, asString, type JsonObject } from "./values.js";

/**
 * Qwen Code: `<runtime>/projects/<project id>/chats/<session id>.jsonl`, where `<runtime>` is
 * QWEN_RUNTIME_DIR or ~/.qwen and the project id is the working directory with every character
 * other than an ASCII letter or digit replaced by "-" (lowercased on Windows).
 * Source: QwenLM/qwen-code packages/core/src/config/storage.ts@013e660f5799186a369c737aea6b4bcb9ca0ef47
 * (getRuntimeBaseDir, getProjectDir) and packages/core/src/services/chatRecordingService.ts
 * @015346f1d5d7312fddaf84a7ef1f83c7d217d389 (ChatRecord): one record per line with `type`
 * (user, assistant, tool_result, system), `cwd`, `model`, `message` (Gemini API Content: `role`,
 * `parts` with `text`, `functionCall {name, args}`, `functionResponse`) and `toolCallResult`.
 */
const TOOLS: ToolTable = {
  shell: ["run_shell_command"],
  edit: ["edit", "replace", "smart_edit"],
  write: ["write_file"],
  todo: ["todo_write", "write_todos"],
};
const KNOWN = new Set(["user", "assistant", "tool_result", "system"]);

function storeDir(where: SessionEnvironment): string {
  return handoffOverride("qwen", where) ?? fromVariable(where, "QWEN_RUNTIME_DIR") ?? path.join(where.home, ".qwen");
}

/**
 * Qwen Code is a fork of Gemini CLI, and before its projects/ layout it kept Gemini CLI's:
 * `<store>/tmp/<SHA-256 of the root>/chats/session-*.json`. Those are read by the Gemini reader,
 * pointed at Qwen's store.
 */
function legacyWhere(where: SessionEnvironment): SessionEnvironment {
  return { home: where.home, env: { HANDOFF_GEMINI_DIR: storeDir(where) } };
}

const isLegacy = (file: string, where: SessionEnvironment) => isPathInside(path.join(storeDir(where), "tmp"), file);

function projectId(dir: string): string {
  return (process.platform === "win32" ? dir.toLowerCase() : dir).replace(/[^a-zA-Z0-9]/g, "-");
}

function recordCwd(records: JsonObject[]): string | undefined {
  for (const record of records) if (asString(record.cwd)) return asString(record.cwd);
  return undefined;
}

function textOf(message: JsonObject | undefined): string | undefined {
  const texts = asArray(message?.parts).map(asObject).filter((part) => part && typeof part.text === "string" && part.thought !== true);
  return texts.length ? texts.map((part) => asString(part!.text)).join("\n") : undefined;
}

function exitCodeOf(record: JsonObject): number | null {
  const result = asObject(record.toolCallResult) ?? {};
  const display = typeof result.resultDisplay === "string" ? result.resultDisplay : JSON.stringify(result.resultDisplay ?? "");
  const match = /exit code:?\s*(-?\d+)/i.exec(display);
  if (match) return Number(match[1]);
  return result.error ? 1 : result.status === "error" ? 1 : 0;
}

export const qwenReader: SessionReader = {
  agent: "qwen",
  storeDir,

  async find(root, where) {
    const projects = path.join(storeDir(where), "projects");
    const own = projectId(root);
    const files = listDir(projects)
      .filter((entry) => entry.isDirectory() && (entry.name === own || entry.name.startsWith(`${own}-`)))
      .flatMap((entry) => {
        const chats = path.join(projects, entry.name, "chats");
        return listDir(chats).filter((chat) => chat.isFile() && chat.name.endsWith(".jsonl")).map((chat) => path.join(chats, chat.name));
      })
      .map((file) => ({ file, updatedAt: modifiedAt(file) }))
      .sort((a, b) => b.updatedAt - a.updatedAt);
    for (const { file, updatedAt } of files) {
      if (isInside(recordCwd(readHeadRecords(file)), root)) return { session: { file, id: path.basename(file, ".jsonl"), updatedAt }, notes: [] };
    }
    const legacy = await geminiReader.find(root, legacyWhere(where));
    if (legacy.session) return { session: legacy.session, notes: ["an older Qwen Code chat, in Gemini CLI's format"] };
    return { notes: [`no Qwen Code chat for this repository in ${projects}`] };
  },

  async read(found, root, where) {
    if (isLegacy(found.file, where)) {
      const reading = await geminiReader.read(found, root, legacyWhere(where));
      return { input: { ...reading.input, provider: undefined }, notes: reading.notes };
    }
    const { records, unreadable } = readJsonLines(found.file);
    const facts = new SessionFacts(root, recordCwd(records) ?? root);
    const unknown = new UnknownKinds();
    const pending = new Map<string, ReturnType<SessionFacts["ran"]>>();
    for (const record of records) {
      const type = asString(record.type) ?? "";
      if (!KNOWN.has(type)) unknown.add(type);
      const message = asObject(record.message);
      if (type === "user") {
        const text = textOf(message);
        if (text && !text.trimStart().startsWith("/")) facts.request(text);
      }
      if (type === "system" && record.subtype === "custom_title") facts.titled(asString(asObject(record.systemPayload)?.title));
      if (type === "assistant") {
        facts.model = asString(record.model) ?? facts.model;
        for (const part of asArray(message?.parts).map(asObject)) {
          const call = asObject(part?.functionCall);
          if (!call) continue;
          const run = applyToolCall(facts, TOOLS, asString(call.name), argumentsOf(call.args));
          if (run) pending.set(asString(call.id) ?? "", run);
        }
      }
      if (type === "tool_result") {
        const id = asString(asObject(record.toolCallResult)?.callId) ?? asString(asObject(asObject(asArray(message?.parts)[0])?.functionResponse)?.id) ?? "";
        const run = pending.get(id);
        if (run) run.exit_code = exitCodeOf(record);
      }
    }
    return finishReading(facts, { unreadableLines: unreadable, unknown, what: "chat record(s)" });
  },
};
