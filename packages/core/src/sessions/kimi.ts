import path from "node:path";
import { fromVariable, handoffOverride } from "./env.js";
import { SessionFacts, UnknownKinds } from "./facts.js";
import { isInside, listDir, modifiedAt, readJsonFile, readJsonLines } from "./files.js";
import { finishReading } from "./finish.js";
import { isPathInside } from "../util/paths.js";
import { applyToolCall, argumentsOf, type ToolTable } from "./tool-calls.js";
import type { SessionEnvironment, SessionReader } from "./types.js";
import { asArray, asObject, asString } from "./values.js";
import { hexDigest } from "../util/hash.js";

/**
 * Kimi CLI (Moonshot AI): `<share>/sessions/<md5 of the working directory>/<session id>/context.jsonl`
 * (before: `<share>/sessions/<md5>/<session id>.jsonl`), where `<share>` is KIMI_SHARE_DIR or
 * ~/.kimi, and `<share>/kimi.json` lists the working directories (`work_dirs[].path`). Each line of
 * the context is a message in OpenAI's shape (`role`, `content`, `tool_calls[].function {name,
 * arguments}`, `tool_call_id`) or a marker (`_system_prompt`, `_checkpoint`, `_usage`).
 * Source: MoonshotAI/kimi-cli@4a550effdfcb29a25a5d325bf935296cc50cd417 src/kimi_cli/share.py,
 * src/kimi_cli/metadata.py (WorkDirMeta.sessions_dir), src/kimi_cli/session.py,
 * src/kimi_cli/soul/context.py, src/kimi_cli/tools/{shell,file,todo}/ (tool names and parameters).
 */
const TOOLS: ToolTable = {
  shell: ["Shell", "Bash", "bash"],
  edit: ["StrReplaceFile", "PatchFile"],
  write: ["WriteFile"],
  todo: ["SetTodoList"],
};
const KNOWN_ROLES = new Set(["user", "assistant", "tool", "system", "_system_prompt", "_checkpoint", "_usage"]);

function storeDir(where: SessionEnvironment): string {
  return handoffOverride("kimi", where) ?? fromVariable(where, "KIMI_SHARE_DIR") ?? path.join(where.home, ".kimi");
}

const md5 = (text: string) => hexDigest("md5", text);

/** The working directories inside `root` that Kimi has sessions for (`root` itself always counts). */
function workDirs(store: string, root: string): string[] {
  const listed = asArray(asObject(readJsonFile(path.join(store, "kimi.json")))?.work_dirs)
    .map((entry) => asString(asObject(entry)?.path))
    .filter((dir): dir is string => dir !== undefined && isInside(dir, root));
  return [...new Set([root, ...listed])];
}

function contextFiles(sessionsDir: string): { file: string; id: string }[] {
  return listDir(sessionsDir).flatMap((entry) => {
    if (entry.isDirectory()) return [{ file: path.join(sessionsDir, entry.name, "context.jsonl"), id: entry.name }];
    if (entry.isFile() && entry.name.endsWith(".jsonl")) return [{ file: path.join(sessionsDir, entry.name), id: entry.name.slice(0, -6) }];
    return [];
  });
}

function textOf(content: unknown): string | undefined {
  if (typeof content === "string") return content;
  const texts = asArray(content).map(asObject).filter((part) => part?.type === "text").map((part) => asString(part?.text) ?? "");
  return texts.length ? texts.join("\n") : undefined;
}

export const kimiReader: SessionReader = {
  agent: "kimi",
  storeDir,

  async find(root, where) {
    const store = storeDir(where);
    const noSession = { notes: [`no Kimi CLI session for this repository in ${path.join(store, "sessions")}`] };
    // Nothing to hash where Kimi CLI keeps no sessions: node:crypto is not loaded there.
    if (modifiedAt(path.join(store, "sessions")) === 0) return noSession;
    const newest = workDirs(store, root)
      .flatMap((dir) => contextFiles(path.join(store, "sessions", md5(dir))).map((found) => ({ ...found, cwd: dir })))
      .map((found) => ({ ...found, updatedAt: modifiedAt(found.file) }))
      .filter((found) => found.updatedAt > 0)
      .sort((a, b) => b.updatedAt - a.updatedAt)[0];
    if (!newest) return noSession;
    return { session: { file: newest.file, id: newest.id, updatedAt: newest.updatedAt }, notes: [] };
  },

  async read(found, root, where) {
    const store = storeDir(where);
    const cwd = workDirs(store, root).find((dir) => isPathInside(path.join(store, "sessions", md5(dir)), found.file)) ?? root;
    const { records, unreadable } = readJsonLines(found.file);
    const facts = new SessionFacts(root, cwd);
    facts.provider = "moonshot";
    const unknown = new UnknownKinds();
    const pending = new Map<string, ReturnType<SessionFacts["ran"]>>();
    for (const record of records) {
      const role = asString(record.role) ?? "";
      if (!KNOWN_ROLES.has(role)) unknown.add(role);
      if (role === "user") {
        const text = textOf(record.content);
        if (text && !text.trimStart().startsWith("<system")) facts.request(text);
      }
      if (role === "assistant") {
        for (const call of asArray(record.tool_calls).map(asObject)) {
          const fn = asObject(call?.function);
          const run = applyToolCall(facts, TOOLS, asString(fn?.name), argumentsOf(fn?.arguments));
          if (run) pending.set(asString(call?.id) ?? "", run);
        }
      }
      if (role === "tool") {
        const run = pending.get(asString(record.tool_call_id) ?? "");
        const text = textOf(record.content) ?? "";
        const exit = /exit(?:ed with)? code:?\s*(-?\d+)/i.exec(text);
        if (run) run.exit_code = exit ? Number(exit[1]) : /<system>ERROR/i.test(text) ? 1 : 0;
      }
    }
    return finishReading(facts, { unreadableLines: unreadable, unknown, what: "context line(s)" });
  },
};
