import { lintSource } from "@secretlint/core";
import { creator as recommended } from "@secretlint/secretlint-rule-preset-recommend";

export interface SecretRange {
  start: number;
  end: number;
}

const CONFIG = { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: recommended }] };

/** Where secretlint's maintained "recommend" preset finds secrets in `text`. */
export async function secretlintRanges(text: string): Promise<SecretRange[]> {
  const result = await lintSource({
    source: { content: text, filePath: "handoff-text.txt", contentType: "text", ext: ".txt" },
    options: { config: CONFIG, noPhysicFilePath: true },
  });
  return result.messages.map((message) => ({ start: message.range[0], end: message.range[1] }));
}
