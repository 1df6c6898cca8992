// Loaded with --import when GNU time is missing: reports node's own peak memory on exit.
process.on("exit", () => {
  process.stderr.write(`\nmaxRSS=${process.resourceUsage().maxRSS}\n`);
});
