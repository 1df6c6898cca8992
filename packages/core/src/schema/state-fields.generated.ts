// Generated from the zod schema in session-state.ts by scripts/generate-state-fields.mjs: do not edit.
// After changing the schema: `pnpm --filter @handoff/core build && pnpm --filter @handoff/core generate:state-fields`.

/**
 * Session state v2.0 as plain data (a JSON Schema subset), free of zod: the quick parser and the
 * key order read it on paths that must not load zod. test/schema/state-fields.test.ts fails when
 * it does not follow the zod schema.
 */
export const STATE_FIELDS = {
  "type": "object",
  "properties": {
    "version": {"type":"string","const":"2.0"},
    "timestamp": {"type":"string"},
    "agent": {"type":"string"},
    "provider": {"type":"string"},
    "model": {"type":"string"},
    "task": {
      "type": "object",
      "properties": {
        "description": {"type":"string"},
        "status": {"type":"string","enum":["pending","in_progress","blocked","completed"]},
        "priority": {"type":"string","enum":["low","medium","high","critical"]},
        "estimated_time": {"type":"string"},
        "time_spent": {"type":"string"},
        "latest_request": {"type":"string"}
      },
      "required": ["description"]
    },
    "context": {
      "type": "object",
      "properties": {
        "files_modified": {"type":"array","items":{"type":"string"}},
        "files_created": {"type":"array","items":{"type":"string"}},
        "files_modified_omitted": {"type":"integer","minimum":0,"maximum":9007199254740991},
        "files_created_omitted": {"type":"integer","minimum":0,"maximum":9007199254740991},
        "next_steps": {"type":"array","items":{"type":"string"}},
        "commands_run": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "command": {"type":"string"},
              "exit_code": {
                "anyOf": [
                  {"type":"integer","minimum":-9007199254740991,"maximum":9007199254740991},
                  {"type":"null"}
                ]
              }
            },
            "required": ["command"]
          }
        }
      }
    },
    "git": {
      "type": "object",
      "properties": {
        "branch": {"type":"string"},
        "uncommitted_changes": {"type":"boolean"},
        "staged_files": {"type":"array","items":{"type":"string"}},
        "last_commit": {"type":"string"},
        "issues": {"type":"array","items":{"type":"string"}},
        "prs": {"type":"array","items":{"type":"string"}},
        "detached": {"type":"boolean"},
        "upstream": {"type":"string"},
        "ahead": {"type":"integer","minimum":-9007199254740991,"maximum":9007199254740991},
        "behind": {"type":"integer","minimum":-9007199254740991,"maximum":9007199254740991},
        "conflicted_files": {"type":"array","items":{"type":"string"}},
        "operation": {"type":"string","enum":["merge","rebase","am","cherry-pick","revert","bisect"]},
        "staged_files_omitted": {"type":"integer","minimum":0,"maximum":9007199254740991},
        "conflicted_files_omitted": {"type":"integer","minimum":0,"maximum":9007199254740991}
      },
      "required": ["branch","uncommitted_changes","staged_files","last_commit"]
    },
    "validation": {
      "type": "object",
      "properties": {
        "typescript": {"type":"string","enum":["pass","fail","not_run","pending"]},
        "eslint": {"type":"string","enum":["pass","fail","not_run","pending"]},
        "tests": {"type":"string","enum":["pass","fail","not_run","pending"]},
        "strict_rules": {"type":"string","enum":["pass","fail","not_run","pending"]},
        "violations": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "file": {"type":"string"},
              "line": {"type":"integer","minimum":0,"maximum":9007199254740991},
              "rule": {"type":"string"},
              "severity": {"type":"string","enum":["STRICT","FLEXIBLE"]},
              "message": {"type":"string"},
              "fix": {"type":"string"}
            },
            "required": ["file","line","rule","severity","message"]
          }
        },
        "checked_at": {"type":"string"}
      }
    },
    "handoff": {
      "type": "object",
      "properties": {
        "from": {"type":"string"},
        "from_provider": {"type":"string"},
        "to": {"type":"string"},
        "reason": {"type":"string"},
        "at": {"type":"string"},
        "commit": {"type":"string"},
        "stash": {"type":"string"}
      }
    },
    "freshness": {
      "type": "object",
      "properties": {"head":{"type":"string"},"ref":{"type":"string"},"index":{"type":"string"}},
      "required": ["head","ref","index"]
    }
  },
  "required": ["version","timestamp","agent","git"]
} as const;
