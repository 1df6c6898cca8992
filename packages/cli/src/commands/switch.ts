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
import { addedToGitignore, cannotCombine, redacted } from "../messages/common.js";
import {
  committed,
  handedOverSecrets,
  LAUNCH_WITH_JSON,
  NOTHING_TO_STASH,
  previousStateKept,
  previousStateMovedAside,
  readyIn,
  runCommand,
  sameAgent,
  sessionSaved,
  stashed,
  stashMessage,
  STEP_COMPLETE,
  STEP_GIT,
  STEP_VALIDATION,
  stepRestoring,
  stepSaving,
  summaryFiles,
  summaryFrom,
  summaryNext,
  summaryReason,
  summaryTo,
  SUMMARY_TITLE,
  switchTitle,
  TREE_CLEAN,
  UNCOMMITTED_HINT,
  uncommitted,
  wipCommitMessage,
  WORK_IN_PROGRESS,
} from "../messages/switch.js";

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
  out.line(out.tone(STEP_COMPLETE));
  out.line();
  out.line(out.tone(readyIn(to.name)));
  if (run) out.line(runCommand(displaySafe(run)));
  out.line();
  out.line(out.tone(SUMMARY_TITLE));
  out.line(summaryFrom(displaySafe(who(source.agent, source.provider))));
  out.line(summaryTo(displaySafe(who(target.agent, target.provider))));
  if (target.handoff?.reason) out.line(summaryReason(displaySafe(target.handoff.reason)));
  out.line(summaryFiles(files));
  if (next) out.line(summaryNext(displaySafe(next)));
}

function refuseSameAgent(from: string, to: string): void {
  if (from !== to) return;
  throw new UsageError(sameAgent(from));
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
    if (flag(parsed, "commit") && flag(parsed, "stash")) throw new UsageError(cannotCombine("--commit", "--stash"));
    const json = flag(parsed, "json");
    const say = json ? () => {} : (text = "") => out.line(out.tone(text));
    const opened = await openRepo(cwd);
    const from = agentIn(opened, fromName!);
    const to = agentIn(opened, toName!);
    refuseSameAgent(from.name, to.name);
    if (json && flag(parsed, "launch")) throw new UsageError(LAUNCH_WITH_JSON);
    // Refused before anything is written: a merge half-concluded by a WIP commit cannot be undone.
    if (flag(parsed, "commit")) await refuseMidOperation(opened.repo, "commit");
    if (flag(parsed, "stash")) await refuseMidOperation(opened.repo, "stash");
    const typed = { ...saveInputFrom(parsed), provider: stringOption(parsed, "from-provider") };
    const given = await redactedInput(out, typed);
    const input = flag(parsed, "no-session")
      ? given
      : await (await import("./session-input.js")).inputWithSession(out, { agent: from.name, root: opened.repo.root, given, reportMissing: false });

    say(switchTitle(from.name, to.name));
    say();
    say(stepSaving(from.name));
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
    say(sessionSaved(displaySafe(from.file)));
    say();
    // What goes on to the target's file, the output, prompts and history: redacted, even where the
    // source's file still holds a secret from an older save or another tool.
    const { value: outgoing, count: redactions } = await redactDeep({ source: saved.state, reason });
    const { source } = outgoing;
    if (redactions > 0 && !json) out.note(redacted(redactions, handedOverSecrets(displaySafe(from.file))));

    // Both state files are ignored before a WIP commit or stash, so neither can sweep one up.
    for (const entry of await ensureIgnored(opened.repo.root, [from.file, to.file])) if (!json) out.note(addedToGitignore(displaySafe(entry)));
    say(STEP_GIT);
    const changed = changedFiles(saved.snapshot);
    let commit: string | undefined;
    let stash: string | undefined;
    if (changed.length === 0) {
      say(TREE_CLEAN);
    } else if (flag(parsed, "commit")) {
      const task = source.task?.description ?? WORK_IN_PROGRESS;
      const stateFiles = listAgents(opened.config).map((agent) => agent.file);
      commit = await commitWorkInProgress(opened.repo, wipCommitMessage(task, to.name), stateFiles);
      say(committed(changed.length, commit));
    } else if (flag(parsed, "stash")) {
      const message = stashMessage(from.name);
      if (await stashWorkInProgress(opened.repo, message)) {
        stash = message;
        say(stashed(changed.length, stash));
      } else {
        say(NOTHING_TO_STASH);
      }
    } else {
      say(uncommitted(changed.length));
      say(UNCOMMITTED_HINT);
    }
    say();

    say(STEP_VALIDATION);
    for (const line of validationLines(source.validation)) say(line);
    say();

    say(stepRestoring(to.name));
    const handed = await writeHandOver({
      opened,
      source,
      to,
      provider: stringOption(parsed, "provider"),
      reason: outgoing.reason,
      commit,
      stash,
    });
    if (handed.replaced) out.note(previousStateKept(to.name, displaySafe(handed.replaced)));
    if (handed.backup) out.note(previousStateMovedAside(to.name, displaySafe(handed.backup)));
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
