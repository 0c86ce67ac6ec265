"""`make bench`: every benchmark and quality report in one run, written to bench/results/latest.{json,md} and a plot.

Figures only: nothing here fails on a timing. Goals from issue 7 are printed beside the figures.
Set BENCH_SKIP_TRAIN=1 to skip the from-scratch training measurement (about 4-5 minutes) and BENCH_NLU=1 to rerun
the NLU cross-validation when the data changed (about 20 minutes).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import answers_report  # noqa: E402
import entity_report  # noqa: E402
import knowledge_bench  # noqa: E402
import latency  # noqa: E402
import nlu_report  # noqa: E402
import startup_memory  # noqa: E402

from bot import settings  # noqa: E402
from bot.knowledge.readability import MIN_SCORE, knowledge_texts, response_texts, score_texts  # noqa: E402
from bot.stack import rasa_command  # noqa: E402

ROOT = settings.PROJECT_ROOT
RESULTS = ROOT / "bench" / "results"
GOALS = {
    "p95_ratio_at_20": 1.25,
    "throughput_ratio_at_20": 0.8,
    "rasa_rss_mb": 1300,
    "actions_rss_mb": 250,
    "first_answer_s": 45,
    "train_from_scratch_s": 240,
}


def section(title: str) -> None:
    print(f"\n== {title} ==", flush=True)


def readability() -> dict:
    scored = score_texts(knowledge_texts(ROOT / "data" / "knowledge") + response_texts(ROOT / "domain"))
    return {
        "texts": len(scored),
        "mean": round(statistics.fmean(s.score for s in scored), 1),
        "share_at_or_above": round(sum(s.score >= MIN_SCORE for s in scored) / len(scored), 3),
        "bar": MIN_SCORE,
        "hardest": [{"where": s.where, "score": round(s.score, 1), "text": s.text[:120]}
                    for s in sorted(scored, key=lambda s: s.score)[:10]],
    }


def train_from_scratch() -> dict:
    """A full training run with an empty Rasa cache, into a temporary folder (the project's model is untouched)."""
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    out = Path(tempfile.mkdtemp(prefix="involve-train-"))
    env["RASA_CACHE_DIRECTORY"] = str(out / "cache")
    start = time.monotonic()
    subprocess.run([rasa_command(), "train", "--domain", "domain", "--out", str(out / "models"),
                    "--fixed-model-name", "bench"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.monotonic() - start
    shutil.rmtree(out, ignore_errors=True)
    return {"seconds": round(seconds)}


def ratio(ours: float, base: float) -> float | None:
    return round(ours / base, 2) if base else None


def plot(ours: list[dict], baseline: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(6, 4), dpi=100)
    for label, rows, style in (("Involve", ours, "o-"), ("baseline Rasa bot", baseline, "s--")):
        axis.plot([r["concurrency"] for r in rows], [r["p95_ms"] for r in rows], style, label=f"{label} p95")
        axis.plot([r["concurrency"] for r in rows], [r["p50_ms"] for r in rows], style, alpha=0.4,
                  label=f"{label} p50")
    axis.set_xlabel("concurrent conversations")
    axis.set_ylabel("turn latency (ms)")
    axis.set_title("Turn latency through the REST channel")
    axis.grid(alpha=0.3)
    axis.legend()
    figure.tight_layout()
    figure.savefig(path)


def entity_lines(entities: dict) -> str:
    """The hand-labelled entity evaluation: the fresh2 set is the honest figure; the others guided changes."""
    if not entities.get("sets"):
        return "No entity evaluation (it needs a trained model: `make train`)."
    lines = ["Entities against hand-labelled gold sets (`bench/entity_report.py`; the fresh2 set was not used to "
             "change anything, the others were):", "", "| set | messages | stage F1 | level F1 | audience F1 | micro P | micro R | "
             "macro F1 |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name, fig in entities["sets"].items():
        per = fig["per_entity"]
        lines.append(f"| {name} | {fig['items']} | {per['stage']['f1']:.3f} | {per['level']['f1']:.3f} | "
                     f"{per['audience']['f1']:.3f} | {fig['micro']['precision']:.3f} | {fig['micro']['recall']:.3f} "
                     f"| **{fig['macro_f1']:.3f}** |")
    return "\n".join(lines)


def markdown(results: dict) -> str:
    lat, base = results["latency"]["ours"], results["latency"]["baseline"]
    rows = "\n".join(
        f"| {o['concurrency']} | {o['p50_ms']:.0f} | {o['p95_ms']:.0f} | {o['p99_ms']:.0f} | {o['turns_per_s']:.2f} "
        f"| {b['p50_ms']:.0f} | {b['p95_ms']:.0f} | {b['p99_ms']:.0f} | {b['turns_per_s']:.2f} "
        f"| {ratio(o['p95_ms'], b['p95_ms'])} | {ratio(o['turns_per_s'], b['turns_per_s'])} |"
        for o, b in zip(lat, base, strict=True)
    )
    goals = "\n".join(f"| {g['what']} | {g['figure']} | {g['goal']} | {'yes' if g['met'] else 'NO'} |"
                      for g in results["goals"])
    kb, mem, read, nlu = results["knowledge"], results["startup"], results["readability"], results["nlu"]
    hardest = "\n".join(f"| {h['score']} | `{h['where']}` | {h['text']} |" for h in read["hardest"])
    nlu_lines = "No cross-validation on record: run `make bench-nlu`." if not nlu.get("intent_macro_f1") else (
        f"{'(stale: the NLU data changed since; run `make bench-nlu`) ' if nlu.get('stale') else ''}"
        f"5-fold cross-validation on {nlu['examples']} examples, {nlu['intents']} intents ({nlu['measured_at']}, "
        f"{nlu['seconds']} s): intent macro F1 **{nlu['intent_macro_f1']}**, accuracy {nlu['intent_accuracy']}; "
        "entity F1: not reported by cross-validation (Rasa leaves out the spaCy ruler as 'pretrained', and the "
        "context classifier, which learns from every NLU example, is left out of Rasa's folds); see "
        "`bench/results/entity_cv.json` and the gold sets below.\n\n"
        "Worst intents: " + ", ".join(f"{n} {f}" for n, f in nlu["worst_intents"]) + "\n\n"
        "Most confused (true -> predicted, count): " + ", ".join(f"{a} -> {b} ({n})" for a, b, n in
                                                                 nlu["confused_pairs"]))
    nlu_lines += "\n\n" + entity_lines(results.get("entities") or {})
    answers = results.get("answers") or {}
    if answers:
        nlu_lines += (f"\n\nFree-text answers to {answers['questions']} blind questions (`bench/answers_report.py`): "
                      f"{answers.get('right', 0)} right, {answers.get('wrong', 0)} wrong, {answers.get('missed', 0)} "
                      f"missed, {answers.get('dont_know_right', 0)} rightly \"I don't know\", "
                      f"{answers.get('answered_out_of_sources', 0)} answered although the sources are silent.")
    return f"""# Benchmarks ({results['measured_at']}, {results['machine']})

Written by `make bench`. Figures only; no test fails on them.

## Goals

| what | figure | goal | met |
| --- | --- | --- | --- |
{goals}

## Turn latency and throughput (REST, same client for both bots)

Each conversation sends the same {len(latency.CONVERSATION)} turns: {', '.join(repr(t) for t in latency.CONVERSATION)}.
The baseline is a minimal Rasa bot built by the benchmark (one intent, one rule, no custom action, Rasa's default
pipeline and policies).

| concurrent | p50 ms | p95 ms | p99 ms | turns/s | base p50 | base p95 | base p99 | base turns/s | p95 ratio | throughput ratio |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
{rows}

![latency against concurrency](latency.png)

## Memory and start-up

Rasa server {mem['rasa_rss_mb']} MB and action server {mem['actions_rss_mb']} MB resident after warm-up; servers ready
after {mem['ready_s']} s, first answer {mem['first_answer_s']} s after start. Training from scratch (empty cache):
{results['training'].get('seconds', 'not measured')} s.

## Knowledge base

{kb['files']} files, {kb['activities']} activities, {kb['topics']} topics. Load and validate {kb['load_ms']} ms; search
index {kb['index_ms']} ms; cell lookup {kb['cell_us']} us; stage row {kb['stage_row_us']} us; free-text search
{kb['search_us']} us (a plain dict lookup: {kb['baseline_dict_us']} us).

## NLU

{nlu_lines}

## Readability

{read['texts']} texts (knowledge base and response templates): mean Flesch reading ease {read['mean']},
{read['share_at_or_above'] * 100:.0f}% at {read['bar']:.0f} or more. The ten hardest:

| score | where | text |
| --- | --- | --- |
{hardest}
"""


def goals(results: dict) -> list[dict]:
    ours20, base20 = results["latency"]["ours"][-1], results["latency"]["baseline"][-1]
    p95_ratio = ratio(ours20["p95_ms"], base20["p95_ms"])
    tput_ratio = ratio(ours20["turns_per_s"], base20["turns_per_s"])
    checks = [
        ("p95 at 20 concurrent / baseline", p95_ratio, f"<= {GOALS['p95_ratio_at_20']}",
         p95_ratio is not None and p95_ratio <= GOALS["p95_ratio_at_20"]),
        ("throughput at 20 concurrent / baseline", tput_ratio, f">= {GOALS['throughput_ratio_at_20']}",
         tput_ratio is not None and tput_ratio >= GOALS["throughput_ratio_at_20"]),
        ("Rasa server memory (MB)", results["startup"]["rasa_rss_mb"], f"<= {GOALS['rasa_rss_mb']}",
         results["startup"]["rasa_rss_mb"] <= GOALS["rasa_rss_mb"]),
        ("action server memory (MB)", results["startup"]["actions_rss_mb"], f"<= {GOALS['actions_rss_mb']}",
         results["startup"]["actions_rss_mb"] <= GOALS["actions_rss_mb"]),
        ("start to first answer (s)", results["startup"]["first_answer_s"], f"<= {GOALS['first_answer_s']}",
         results["startup"]["first_answer_s"] <= GOALS["first_answer_s"]),
    ]
    if "seconds" in results["training"]:
        checks.append(("training from scratch (s)", results["training"]["seconds"],
                       f"<= {GOALS['train_from_scratch_s']}",
                       results["training"]["seconds"] <= GOALS["train_from_scratch_s"]))
    return [{"what": w, "figure": f, "goal": g, "met": bool(m)} for w, f, g, m in checks]


def main() -> int:
    started = time.monotonic()
    results: dict = {
        "measured_at": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}",
    }
    section("knowledge base")
    results["knowledge"] = knowledge_bench.measure()
    print(json.dumps(results["knowledge"]))
    section("readability")
    results["readability"] = readability()
    print(f"{results['readability']['texts']} texts, mean {results['readability']['mean']}, "
          f"{results['readability']['share_at_or_above']:.0%} at {MIN_SCORE:.0f}+")
    section("NLU cross-validation")
    results["nlu"] = nlu_report.latest(run_if_stale=os.environ.get("BENCH_NLU") == "1")
    print(f"intent macro F1 {results['nlu'].get('intent_macro_f1')} (stale: {results['nlu'].get('stale')})")
    section("entities against the gold sets")
    results["entities"] = entity_report.evaluate()
    entity_report.save(results["entities"])
    print({name: fig["macro_f1"] for name, fig in results["entities"]["sets"].items()})

    section("answers to blind questions")
    results["answers"] = answers_report.evaluate()
    print(results["answers"])

    section("start-up, memory, latency (ours)")
    stack = startup_memory.bench_stack()
    try:
        results["startup"] = startup_memory.measure_startup(stack)
        print(json.dumps(results["startup"]))
        ours = latency.measure(stack.ports.rasa, "Involve")
        actions, rasa = stack.processes["actions"], stack.processes["rasa"]
        results["startup"]["rasa_rss_after_load_mb"] = round(startup_memory.rss_mb(rasa.pid))
        results["startup"]["actions_rss_after_load_mb"] = round(startup_memory.rss_mb(actions.pid))
    finally:
        stack.stop()

    section("latency (baseline Rasa bot)")
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    folder, model = latency.build_baseline(rasa_command(), env)
    process = latency.start_baseline(rasa_command(), folder, model, 35105, env)
    try:
        latency.wait_for(35105)
        baseline = latency.measure(35105, "baseline")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    results["latency"] = {"ours": ours, "baseline": baseline}

    section("training from scratch")
    results["training"] = {} if os.environ.get("BENCH_SKIP_TRAIN") == "1" else train_from_scratch()
    print(results["training"] or "skipped")

    results["goals"] = goals(results)
    results["bench_seconds"] = round(time.monotonic() - started)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    plot(ours, baseline, RESULTS / "latency.png")
    (RESULTS / "latest.md").write_text(markdown(results))
    section("goals")
    for goal in results["goals"]:
        print(f"  {'met    ' if goal['met'] else 'MISSED '} {goal['what']}: {goal['figure']} (goal {goal['goal']})")
    print(f"\nWrote {RESULTS / 'latest.md'} in {results['bench_seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
