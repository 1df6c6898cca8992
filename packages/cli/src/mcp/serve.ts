import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createServer } from "./server.js";
import { watchStateFiles } from "./state-watch.js";
import { guardStdout } from "./stdout-guard.js";

/** `handoff mcp`: serves the repository around `cwd` over stdio until the client closes stdin. */
export async function serve(cwd: string): Promise<void> {
  guardStdout();
  let watch: ReturnType<typeof watchStateFiles> | undefined;
  const server = createServer(cwd, () => void watch?.check());
  // The state files are first looked at once the client is initialized: nothing (not even a git
  // process) competes with the answer to `initialize`.
  server.server.oninitialized = () => {
    watch ??= watchStateFiles(cwd, () => {
      if (server.isConnected()) server.sendResourceListChanged();
    });
  };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    watch?.stop();
    void server.close();
  };
  process.stdin.once("end", stop);
  process.stdin.once("close", stop);
  await server.connect(new StdioServerTransport());
}
