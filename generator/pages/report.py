"""The Build report page: every seed that was left out or needed a warning, always generated.

A lenient build publishes what it could; this page is where a reader learns what it could not.
"""
from __future__ import annotations

from generator.render import Context

PAGE = "report.md"


def pages(ctx: Context) -> dict[str, str]:
    problems = sorted(ctx.briefing.problems, key=lambda p: (p.path, p.line or 0, p.severity, p.message))
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    undated = [s.article for s in ctx.briefing.sources if not s.article.published or not s.article.outlet]
    return {PAGE: ctx.render("report.md.j2", PAGE, errors=errors, warnings=warnings, incomplete=undated)}
