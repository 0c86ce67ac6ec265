"""`rasa data validate`, failing on any warning except two kinds that are correct by design here.

Allowed, and only when the code proves them:
- "utterance X is not used in any story or rule" when X is uttered by a custom action (named in actions/ or bot/),
  asked by a form (utter_ask_<slot> of a form's required slot), or is Rasa's own fallback (utter_default);
- "intent X ... not found in the NLU training data" when X is sent by the project's channels (bot/channels/) or
  only by buttons the core makes (``intent_payload("X", ...)`` in bot/).
Every other warning fails the run.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
UNUSED_UTTERANCE = re.compile(r"The utterance '(\w+)' is not used in any story or rule")
INTENT_WITHOUT_EXAMPLES = re.compile(r"The intent '(\w+)' is listed in the domain file, but is not found in the NLU")


def _python_text(*folders: str) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for f in folders for p in (ROOT / f).rglob("*.py"))


def _form_questions() -> set[str]:
    asked = set()
    for path in (ROOT / "domain").glob("*.yml"):
        for form in ((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("forms") or {}).values():
            asked.update(f"utter_ask_{slot}" for slot in form.get("required_slots", []))
    return asked


def main() -> int:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "rasa"), "data", "validate", "--domain", "domain", "--fail-on-warnings"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    code = _python_text("actions", "bot")
    channel_code = _python_text("bot/channels")
    allowed_utterances = _form_questions() | {"utter_default"}
    problems = []
    for line in output.splitlines():
        if "UserWarning" not in line and "WARNING" not in line:
            continue
        unused = UNUSED_UTTERANCE.search(line)
        if unused and (unused.group(1) in allowed_utterances or f'"{unused.group(1)}"' in code):
            continue
        intent = INTENT_WITHOUT_EXAMPLES.search(line)
        if intent and (f'"/{intent.group(1)}"' in channel_code
                       or re.search(rf'intent_payload\(\s*"{re.escape(intent.group(1))}"\s*[,)]', code)):
            continue
        problems.append(line.strip())
    if result.returncode != 0 or problems:
        print(output if result.returncode != 0 else "", file=sys.stderr)
        print("rasa data validate found problems:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    print("rasa data validate: OK (no warnings beyond utterances used by actions and forms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
