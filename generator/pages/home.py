from __future__ import annotations

from generator.render import Context


def pages(ctx: Context) -> dict[str, str]:
    sources = ctx.briefing.sources
    dates = sorted(a.published for a in (s.article for s in sources) if a.published)
    outlets = sorted({s.article.outlet for s in sources if s.article.outlet})
    independent = [s for s in sources if s.duplicate_of is None]
    return {
        "index.md": ctx.render(
            "home.md.j2",
            "index.md",
            first_date=dates[0] if dates else None,
            last_date=dates[-1] if dates else None,
            outlets=outlets,
            independent=independent,
        )
    }
