import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasAgentSession, readAgentSession, SESSION_AGENTS, sessionReaderFor } from "@handoff/core/internal";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { installRepoFixture, REPO_FIXTURES, setUpSessions } from "../fixtures/sessions/install.js";
import { currentEnvironment } from "../../src/sessions/env.js";
import { isPathInside } from "../../src/util/paths.js";

afterAll(cleanupTempDirs);

describe("hasAgentSession (handoff agents' SESSION column)", () => {
  it("finds every agent's fixture session, and nothing in an empty home folder", async () => {
    const { root, env } = setUpSessions();
    for (const agent of Object.keys(REPO_FIXTURES) as (keyof typeof REPO_FIXTURES)[]) installRepoFixture(agent, root);
    for (const agent of SESSION_AGENTS) expect(await hasAgentSession(agent, root, env), agent).toBe(true);

    const empty = { HOME: makeTempDir("handoff-home-") };
    const bare = makeTempDir("handoff-repo-");
    for (const agent of SESSION_AGENTS) expect(await hasAgentSession(agent, bare, empty), agent).toBe(false);
  });

  it("may answer from the store folder alone: every session found lies inside an absolute store folder", async () => {
    // The contract the one-stat answer relies on (SessionReader.storeDir).
    const { root, env } = setUpSessions();
    const where = currentEnvironment(env);
    for (const agent of SESSION_AGENTS) {
      const store = sessionReaderFor(agent)!.storeDir(where);
      if (!path.isAbsolute(store)) continue;
      const { session } = await readAgentSession({ agent, root, env });
      expect(session, agent).toBeDefined();
      expect(isPathInside(store, session!.file), `${agent}: ${session!.file} is outside ${store}`).toBe(true);
    }
  });
});
