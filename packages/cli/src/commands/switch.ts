import {
  agentIn,
  commitWorkInProgress,
  displaySafe,
  ensureIgnored,
  listAgents,
  openRepo,
  redactDeep,
  refuseMidOperation,
  renderRestoreView,
  saveSession,
  stashWorkInProgress,
  takePendingReason,
  validationLines,
  writeHandOver,
  type AgentInfo,
  type GitSnapshot,
  type SessionState,
} from "@handoff/core/internal";
import { flag, stringOption } from "../args.js";
import { UsageError } from "../errors.js";
import type { Output } from "../output.js";
import type { Command } from "./command.js";
import { takePositionals } from "./positionals.js";
import { printSaveNotes } from "./save-notes.js";
import { askGithub, GITHUB_OPTIONS, saveInputFrom, TASK_OPTIONS } from "./save-options.js";
import { deliverPrompt } from "./launch-deliver.js";
import { NO_SESSION_OPTION } from "./session-options.js";
import { redactedInput } from "./redact-input.js";

function changedFiles(snapshot: GitSnapshot): string[] {
  const { staged, unstaged, untracked, conflicted } = snapshot.status;
  return [...new Set([...staged, ...unstaged, ...untracked, ...conflicted])];
}

function who(agent: string, provider: string | undefined): string {
  return provider && provider !== "unknown" ? `${agent} (${provider})` : agent;
}

/** The command that starts the target agent, in the spec's form (`opencode --preset groq_primary`). */
export function launchCommand(agent: AgentInfo, provider: string | undefined): string | undefined {
  if (!agent.command) return undefined;
  const preset = agent.name === "opencode" && provider && provider !== "unknown" ? ` --preset ${provider}` : "";
  return `${agent.command}${preset}`;
}

function printSummary(out: Output, source: SessionState, target: SessionState, to: AgentInfo): void {
  const files = (source.context?.files_modified?.length ?? 0) + (source.context?.files_created?.length ?? 0);
  const next = source.context?.next_steps?.[0];
  const run = launchCommand(to, target.provider);
  out.line(out.tone("Step 5: Handoff complete!"));
  out.line();
  out.line(out.tone(`✨ Ready to continue in ${to.name}`));
  if (run) out.line(`   Run: ${displaySafe(run)}`);
  out.line();
  out.line(out.tone("📝 Handoff Summary:"));
  out.line(`   From: ${displaySafe(who(source.agent, source.provider))}`);
  out.line(`   To: ${displaySafe(who(target.agent, target.provider))}`);
  if (target.handoff?.reason) out.line(`   Reason: ${displaySafe(target.handoff.reason)}`);
  out.line(`   Files in progress: ${files}`);
  if (next) out.line(`   Next action: ${displaySafe(next)}`);
}

function refuseSameAgent(from: string, to: string): void {
  if (from !== to) return;
  throw new UsageError(`<from> and <to> are both ${from}: a handoff goes to another agent (to change ${from}'s provider: handoff save ${from} --provider <name>)`);
}

const switchCommand: Command = {
  usage: "handoff switch <from> <to> [options]",
  summary:
    "Hand the session over: save <from>, check git, show validation, write <to>'s state and print the summary.",
  options: {
    ...TASK_OPTIONS,
    ...GITHUB_OPTIONS,
    provider: { type: "string", short: "p", value: "name", description: "the provider <to> will use, e.g. groq_primary" },
    "from-provider": { type: "string", value: "name", description: "the provider <from> was using" },
    commit: { type: "boolean", description: 'commit all changes as "wip: <task> (switching to <to>)" first' },
    stash: { type: "boolean", description: 'stash all changes (with untracked files) as "<from> session handoff"' },
    json: { type: "boolean", description: "print only JSON: the saved and the handed-over state" },
    ...NO_SESSION_OPTION,
    launch: { type: "boolean", description: "start <to>'s CLI with the handoff prompt (or print the command when it is not installed)" },
    copy: { type: "boolean", description: "put the handoff prompt on the clipboard (pbcopy, wl-copy, xclip, xsel or clip.exe)" },
  },
  async run(parsed, { cwd, out }) {
    const [fromName, toName] = takePositionals(parsed, ["from", "to"]);
    refuseSameAgent(fromName!, toName!);
    if (flag(parsed, "commit") && flag(parsed, "stash")) throw new UsageError("--commit and --stash cannot be combined");
    const json = flag(parsed, "json");
    const say = json ? () => {} : (text = "") => out.line(out.tone(text));
    const opened = await openRepo(cwd);
    const from = agentIn(opened, fromName!);
    const to = agentIn(opened, toName!);
    refuseSameAgent(from.name, to.name);
    if (json && flag(parsed, "launch")) throw new UsageError("--launch cannot be combined with --json");
    // Refused before anything is written: a merge half-concluded by a WIP commit cannot be undone.
    if (flag(parsed, "commit")) await refuseMidOperation(opened.repo, "commit");
    if (flag(parsed, "stash")) await refuseMidOperation(opened.repo, "stash");
    const typed = { ...saveInputFrom(parsed), provider: stringOption(parsed, "from-provider") };
    const given = await redactedInput(out, typed);
    const input = flag(parsed, "no-session")
      ? given
      : await (await import("./session-input.js")).inputWithSession(out, { agent: from.name, root: opened.repo.root, given, reportMissing: false });

    say(`🔄 Session Handoff: ${from.name} → ${to.name}`);
    say();
    say(`Step 1: Saving ${from.name} session state...`);
    // The reason goes to this handoff only: neither --reason nor one recorded by `save --reason`
    // stays in the source's state, where the next, unrelated handoff would pick it up again.
    let reason = input.reason;
    const saved = await saveSession({
      cwd,
      agent: from.name,
      opened,
      input: { ...input, reason: undefined },
      github: askGithub(parsed),
      finish: (state) => {
        const taken = takePendingReason(state);
        reason ??= taken.reason;
        return taken.state;
      },
    });
    if (!json) printSaveNotes(out, saved);
    say(`✅ Session saved to ${displaySafe(from.file)}`);
    say();
    // What goes on to the target's file, the output, prompts and history: redacted, even where the
    // source's file still holds a secret from an older save or another tool.
    const { value: outgoing, count: redactions } = await redactDeep({ source: saved.state, reason });
    const { source } = outgoing;
    if (redactions > 0 && !json) out.note(`🔒 Redacted ${redactions} secret${redactions === 1 ? "" : "s"} from ${displaySafe(from.file)} in what is handed over`);

    // Both state files are ignored before a WIP commit or stash, so neither can sweep one up.
    for (const entry of await ensureIgnored(opened.repo.root, [from.file, to.file])) if (!json) out.note(`🙈 Added ${displaySafe(entry)} to .gitignore`);
    say("Step 2: Git status check...");
    const changed = changedFiles(saved.snapshot);
    let commit: string | undefined;
    let stash: string | undefined;
    if (changed.length === 0) {
      say("✅ Working tree clean");
    } else if (flag(parsed, "commit")) {
      const task = source.task?.description ?? "work in progress";
      const stateFiles = listAgents(opened.config).map((agent) => agent.file);
      commit = await commitWorkInProgress(opened.repo, `wip: ${task} (switching to ${to.name})`, stateFiles);
      say(`✅ Committed ${changed.length} changed file(s) as ${commit} (undo with: git reset HEAD~1)`);
    } else if (flag(parsed, "stash")) {
      const message = `${from.name} session handoff`;
      if (await stashWorkInProgress(opened.repo, message)) {
        stash = message;
        say(`✅ Stashed ${changed.length} changed file(s) as "${stash}" (restore with: git stash pop)`);
      } else {
        say("✅ Nothing to stash besides .gitignore");
      }
    } else {
      say(`⚠️  Uncommitted changes detected (${changed.length} files)`);
      say("   Consider committing before switching agents (--commit or --stash)");
    }
    say();

    say("Step 3: Validation status...");
    for (const line of validationLines(source.validation)) say(line);
    say();

    say(`Step 4: Restoring ${to.name} session state...`);
    const handed = await writeHandOver({
      opened,
      source,
      to,
      provider: stringOption(parsed, "provider"),
      reason: outgoing.reason,
      commit,
      stash,
    });
    if (handed.replaced) out.note(`📦 ${to.name}'s previous state (another task) was kept as ${displaySafe(handed.replaced)}`);
    if (handed.backup) out.note(`⚠️  ${to.name}'s previous state could not be read; it was moved to ${displaySafe(handed.backup)}`);
    const deliver = { state: handed.state, to, cwd, copy: flag(parsed, "copy"), launch: flag(parsed, "launch") };
    if (json) {
      if (deliver.copy) await deliverPrompt(out, deliver);
      out.json({ from: source, to: handed.state, ...(commit ? { commit } : {}), ...(stash ? { stash } : {}) });
      return;
    }
    for (const line of renderRestoreView(handed.state).split("\n")) say(line);
    say();
    printSummary(out, source, handed.state, to);
    if (deliver.copy || deliver.launch) {
      say();
      return deliverPrompt(out, deliver);
    }
  },
};

export default switchCommand;
