"""Speed and memory of extractor against natasha 1.6's full pipeline, on the same texts, in the same run.

    python bench/run.py ../shared/bench/nerel-dev.jsonl            # both systems, one process each
    python bench/run.py ../shared/bench/*.jsonl -j 2               # our pipeline with 2 worker processes
    python bench/run.py texts.jsonl --limit 200 --repeat 3

Input: JSONL with a "text" field (the bench gold files qualify). Each system runs in a fresh
subprocess, so load time and peak RSS are its own. natasha's pipeline is Segmenter + NewsNERTagger +
NamesExtractor (on each PER span) + DatesExtractor + MoneyExtractor, as its README runs them.
Prints a table; nothing is asserted.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path


def load_texts(paths: list[str], limit: int | None, repeat: int) -> list[str]:
    texts = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f if line.strip()]
    texts = texts * repeat
    return texts[:limit] if limit else texts


def run_ours(texts: list[str], jobs: int) -> dict:
    t0 = time.perf_counter()
    from extractor.batch import run
    from extractor.io import Document
    from extractor.pipeline import Pipeline

    pipeline = Pipeline().load()  # with -j N the forked workers share it
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    n, trace, step, first = 0, [], max(1, len(texts) // 10), None
    for _ in run((Document(id=str(i), text=t) for i, t in enumerate(texts)), pipeline, jobs=jobs):
        n += 1
        if first is None:  # with -j N the workers load their pipelines before this: steady speed counts after
            first = (n, time.perf_counter())
        if n % step == 0:
            trace.append((n, current_rss_mib()))  # this process: the pipeline's own with -j 1
    end = time.perf_counter()
    steady = (n - first[0]) / (end - first[1]) if first and end > first[1] else 0.0
    return {"load_s": load, "docs": n, "seconds": end - t1, "first_s": first[1] - t1 if first else 0.0,
            "steady_docs_s": steady, "rss_trace": trace}


def current_rss_mib() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run_natasha(texts: list[str], jobs: int) -> dict:
    t0 = time.perf_counter()
    import yargy  # noqa: F401  (pymorphy2 on Python >= 3.11)
    from natasha import (DatesExtractor, Doc, MoneyExtractor, MorphVocab, NamesExtractor, NewsEmbedding,
                         NewsNERTagger, Segmenter)

    segmenter, morph_vocab = Segmenter(), MorphVocab()
    ner = NewsNERTagger(NewsEmbedding())
    names, dates, money = NamesExtractor(morph_vocab), DatesExtractor(morph_vocab), MoneyExtractor(morph_vocab)
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(ner)
        for span in doc.spans:
            if span.type == "PER":
                names.find(span.text)
        list(dates(text))
        list(money(text))
    return {"load_s": load, "docs": len(texts), "seconds": time.perf_counter() - t1}


def worker(system: str, paths: list[str], limit, repeat, jobs) -> None:
    texts = load_texts(paths, limit, repeat)
    out = (run_ours if system == "extractor" else run_natasha)(texts, jobs)
    out["chars"] = sum(map(len, texts))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out["peak_rss_mib"] = own
    out["worker_peak_rss_mib"] = children if jobs > 1 else own
    print(json.dumps(out))


def measure(system: str, args) -> dict:
    cmd = [sys.executable, __file__, "--worker", system, "-j", str(args.jobs if system == "extractor" else 1),
           "--repeat", str(args.repeat)] + (["--limit", str(args.limit)] if args.limit else []) + args.paths
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    if proc.returncode:
        sys.exit(f"Error: the {system} run failed:\n{proc.stderr[-2000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["wall_s"] = time.perf_counter() - t0
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="worker processes for extractor (natasha runs in one)")
    ap.add_argument("--limit", type=int, default=None, help="use the first N texts")
    ap.add_argument("--repeat", type=int, default=1, help="repeat the texts N times (longer, steadier runs)")
    ap.add_argument("--systems", default="extractor,natasha")
    ap.add_argument("--json", action="store_true", help="print the measurements as JSON")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.paths, args.limit, args.repeat, args.jobs)
        return
    rows = {s: measure(s, args) for s in args.systems.split(",")}
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'system':<22} {'load s':>7} {'first s':>8} {'docs':>6} {'docs/s':>8} {'steady':>8} {'chars/s':>9} "
          f"{'peak RSS MiB':>13}")
    for s, r in rows.items():
        name = f"{s} (-j {args.jobs})" if s == "extractor" else s
        rss = r["worker_peak_rss_mib"]
        first = f"{r['first_s']:>8.2f}" if "first_s" in r else f"{'-':>8}"
        steady = f"{r['steady_docs_s']:>8.1f}" if "steady_docs_s" in r else f"{'-':>8}"
        print(f"{name:<22} {r['load_s']:>7.2f} {first} {r['docs']:>6} {r['docs'] / r['seconds']:>8.1f} {steady} "
              f"{r['chars'] / r['seconds']:>9.0f} {rss:>13.0f}")
    print("\ndocs/s: every document over the whole run, after loading (with -j N the workers are forked from the\n"
          "loaded process; where there is no fork they load inside the run); steady: after the first record;\n"
          "first s: seconds to the first record; load s: loading the models before the run.")
    trace = rows.get("extractor", {}).get("rss_trace")
    if trace and args.jobs <= 1:
        print("\nRSS while running (documents: MiB): " + ", ".join(f"{n}: {r:.0f}" for n, r in trace))
        rss = [r for _, r in trace]
        print(f"growth from the first tenth to the end: {100 * (rss[-1] - rss[0]) / rss[0]:+.1f}%")
    if "extractor" in rows and "natasha" in rows:
        a, b = rows["extractor"], rows["natasha"]
        nat = b["docs"] / b["seconds"]
        print(f"\nextractor / natasha throughput: {a['docs'] / a['seconds'] / nat:.2f}x over the whole run, "
              f"{a['steady_docs_s'] / nat:.2f}x steady")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
