import { describe, expect, it } from "vitest";
import { SessionFacts } from "../../src/sessions/facts.js";
import { isSubstantive, typedText } from "../../src/sessions/requests.js";

describe("which messages are requests", () => {
  it("drops the wrappers agents add and keeps what the user typed", () => {
    expect(typedText("<system-reminder>The user changed a.ts</system-reminder>\nFix the build")).toBe("Fix the build");
    expect(typedText('<ide_selection path="a.ts">x</ide_selection>Explain this')).toBe("Explain this");
    expect(typedText("# Context from my IDE setup:\n\n## Open tabs:\n- a.ts\n\n## My request for Codex:\nAdd retries\nwith backoff")).toBe("Add retries\nwith backoff");
    expect(typedText("# Files mentioned by the user:\n\n## shot.png: /tmp/shot.png\n\n## My request for Codex:\nMatch the screenshot")).toBe("Match the screenshot");
    expect(typedText("# Context from my IDE setup:\n\n## Active file: a.ts")).toBe("");
    expect(typedText("<command-name>/clear</command-name>")).toBe("");
    expect(typedText("<task-notification>done</task-notification>")).toBe("");
    expect(typedText("# AGENTS.md instructions for /repo\n\n<INSTRUCTIONS>…</INSTRUCTIONS>")).toBe("");
    expect(typedText("<div> is misaligned, fix it")).toBe("<div> is misaligned, fix it");
  });

  it("greetings, thanks and bare slash commands are not tasks", () => {
    for (const text of ["hi", "Hello!", "hey there", "thanks!", "ok", "continue", "go ahead please", "/init", "/review:pr 12"]) {
      expect(isSubstantive(text), text).toBe(false);
    }
    for (const text of ["fix the flaky test", "hi, can you fix the flaky test?", "/explain\nwhy does the cache miss", "Continue with the migration of the orders table"]) {
      expect(isSubstantive(text), text).toBe(true);
    }
  });

  it("a session that opened with 'hi' and made fourteen requests hands over the first real one and the latest", () => {
    const facts = new SessionFacts("/repo");
    facts.request("hi");
    for (let i = 1; i <= 14; i++) facts.request(`Request number ${i}: change module ${i}`);
    facts.request("thanks!");
    expect(facts.toInput()).toMatchObject({ task: "Request number 1: change module 1", latestRequest: "Request number 14: change module 14" });
  });

  it("a session of small talk only falls back to its title, then to what was said", () => {
    const titled = new SessionFacts("/repo");
    titled.request("hi");
    titled.titled("Login rate limiting");
    expect(titled.toInput()).toMatchObject({ task: "Login rate limiting", latestRequest: undefined });
    const untitled = new SessionFacts("/repo");
    untitled.request("hello");
    expect(untitled.toInput().task).toBe("hello");
  });
});
