"""The Method page: how each part is found, its known limits, and how well it does.

The figures are read from `generator/measured/quality.json`, which `bench/quality.py` writes:
the sample figures (the bundled seeds against the gold written by reading them, the articles the
rules were first written from) and the figures on annotated real coverage of other stories. The
page shows both, labelled for what each is, and never runs the pipeline itself.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from generator.render import Context

QUALITY = Path(__file__).resolve().parents[1] / "measured" / "quality.json"


@dataclass(frozen=True)
class Row:
    part: str
    measure: str
    value: str  # shown as given: a ratio with its counts, or a count
    corpus: str = ""


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a:,} of {b:,})" if b else "—"


def _articles(part: dict, what: str, stories: bool = True) -> str:
    """A corpus in words; a folder of unrelated articles (`stories` False) is not one story."""
    if not stories:
        return f"{part['articles']:,} articles of many stories, {what}"
    told = "one story" if part["clusters"] == 1 else f"{part['clusters']} stories"
    return f"{part['articles']:,} articles, {told}, {what}"


def real_rows(real: dict) -> list[Row]:
    """The real-coverage figures in words, one row a measure."""
    rows: list[Row] = []
    if t := real.get("attributions", {}).get("totals"):
        corpus = _articles(real["attributions"], "annotated attributions")
        rows += [
            Row("Who said what", "quotes and claims found that the annotators also marked (precision)", _ratio(t["pred_ok"], t["pred"]), corpus),
            Row("Who said what", "annotated attributions found (recall)", _ratio(t["gold_ok"], t["gold"]), corpus),
            Row("Who said what", "annotated speech (said, told, according to …) found", _ratio(t["speech_ok"], t["speech"]), corpus),
            Row("Who said what", "annotated quotes in quotation marks found", _ratio(t["marks_ok"], t["marks"]), corpus),
            Row("Who said what", "named speaker right", _ratio(t["named_ok"], t["named"]), corpus),
            Row("Who said what", "named speaker wrong (somebody else named)", _ratio(t["named_wrong"], t["named"]), corpus),
            Row("Who said what", "named speaker left unattributed", _ratio(t["named_none"], t["named"]), corpus),
        ]
    if t := real.get("entities", {}).get("totals"):
        corpus = _articles(real["entities"], "annotated actors, five outlets a story")
        rows += [
            Row("Actors", "named people and organisations found", _ratio(t["found"], t["concepts"]), corpus),
            Row("Actors", "of them split over two or more profiles", f"{t['split']:,}", corpus),
            Row("Actors", "profiles merging two annotated actors", f"{t['wrong_merge']:,}", corpus),
        ]
    if t := real.get("timexes", {}).get("totals"):
        corpus = _articles(real["timexes"], "annotated time expressions", stories=False)
        p = t["correct"] / t["pred"] if t["pred"] else 0.0
        r = t["correct"] / t["gold"] if t["gold"] else 0.0
        rows += [
            Row("Chronology", "dates found with the right value (precision)", _ratio(t["correct"], t["pred"]), corpus),
            Row("Chronology", "annotated dates found with the right value (recall)", _ratio(t["correct"], t["gold"]), corpus),
            Row("Chronology", "F1 of the two", f"{2 * p * r / (p + r):.2f}" if p + r else "—", corpus),
            Row("Chronology", "right value, of the dates found", _ratio(t["correct"], t["matched"]), corpus),
        ]
    return rows


def load(path: Path | None = None) -> dict | None:
    try:
        return json.loads((path or QUALITY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f}"


def pages(ctx: Context) -> dict[str, str]:
    from generator.scoring import Score

    quality = load()
    sample = tuple(Score(**row) for row in quality["sample"]) if quality else ()
    real = real_rows(quality["real"]) if quality else []
    return {"method.md": ctx.render("method.md.j2", "method.md", quality=quality, sample=sample, real=real, pct=pct)}
