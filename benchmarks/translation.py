"""Translation throughput and glossary adherence, on the test model.

1. Segments per second of our batched translation (one `translate_batch` call
   for all segments) against one call per sentence with argostranslate's own
   decoding settings (beam 4, length penalty 0.2, replace_unknowns,
   batch_type tokens: what its `translate()` does per sentence; its sentence
   splitter downloads a model at first use, so the per-sentence calls are
   reproduced directly), same model and sentences, side by side in one run.
2. Glossary term adherence before and after enforcement: the share of
   glossary terms (of the kinds we enforce) whose rendering appears in the
   English, on held-out sentences that contain such terms.

The model is the small test model (models/README.md): these figures say
nothing about real translation quality.

    .venv/bin/python benchmarks/translation.py [--write]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from results_file import write_section

from pipeline.api import glossary_for
from pipeline.document import Document, Segment, SourceFile
from pipeline.enforce import contains_rendering, enforced_terms
from pipeline.models import find_model, install_from_file
from pipeline.options import PipelineOptions, TranslationOptions
from pipeline.translate import load_model, translate_document

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = 300


def held_out() -> list[str]:
    lines = (ROOT / "models" / "test_model_heldout.tsv").read_text("utf-8").splitlines()
    return [line.split("\t")[0] for line in lines][:SENTENCES]


def throughput(models: Path, sentences: list[str]) -> tuple[float, float]:
    loaded = load_model(find_model("id", [models]), 0)
    tokens = [loaded.encode(sentence) for sentence in sentences]
    loaded.translator.translate_batch(tokens[:8], beam_size=4)  # warm up
    started = time.perf_counter()
    loaded.translator.translate_batch(
        tokens, beam_size=4, max_batch_size=32, length_penalty=0.2, replace_unknowns=True
    )
    batched = time.perf_counter() - started
    started = time.perf_counter()
    for sentence in tokens:
        loaded.translator.translate_batch(
            [sentence],
            replace_unknowns=True,
            max_batch_size=32,
            batch_type="tokens",
            beam_size=4,
            num_hypotheses=1,
            length_penalty=0.2,
            return_scores=True,
        )
    per_sentence = time.perf_counter() - started
    return len(sentences) / batched, len(sentences) / per_sentence


def adherence(models: Path, sentences: list[str]) -> tuple[int, int, int, int]:
    """(terms, present without enforcement, present with it, segments with terms)."""
    glossary = glossary_for("id", PipelineOptions())
    with_terms = [s for s in sentences if enforced_terms(glossary.match(s))]
    results = []
    for enforce in (False, True):
        segments = [Segment(f"p1-s{i}", 1, s, language="id") for i, s in enumerate(with_terms, 1)]
        document = Document(
            SourceFile(Path("bench.txt"), "0" * 64, "text/plain"), segments=segments
        )
        options = TranslationOptions(models_dirs=(models,), enforce_glossary=enforce)
        translate_document(document, lambda _: glossary, options)
        present = total = 0
        for segment in document.segments:
            for match in enforced_terms(glossary.match(segment.source)):
                total += 1
                present += contains_rendering(segment.english or "", match.entry.english)
        results.append((total, present))
    return results[0][0], results[0][1], results[1][1], len(with_terms)


def report() -> str:
    sentences = held_out()
    with tempfile.TemporaryDirectory(prefix="mla-bench-") as scratch:
        models = Path(scratch)
        install_from_file(ROOT / "models" / "translate-id_en-test.argosmodel", models)
        batched, single = throughput(models, sentences)
        total, before, after, segments = adherence(models, sentences)
    return "\n".join(
        [
            "| measure | value |",
            "|---|---|",
            f"| batched translation (one call, {len(sentences)} segments) | {batched:.1f} segments/s |",
            f"| one call per sentence (argostranslate's settings) | {single:.1f} segments/s |",
            f"| speed-up | {batched / single:.2f}× |",
            f"| glossary terms in {segments} held-out segments | {total} |",
            f"| adherence without enforcement | {before}/{total} ({before / total:.0%}) |",
            f"| adherence with enforcement | {after}/{total} ({after / total:.0%}) |",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    section = report()
    print(section)
    if parser.parse_args().write:
        write_section("translation", "Translation (test model only)", section)


if __name__ == "__main__":
    main()
