from __future__ import annotations

from generator.render import Context


def pages(ctx: Context) -> dict[str, str]:
    by_id = {s.id: s for s in ctx.briefing.sources}
    out = {"sources/index.md": ctx.render("sources_index.md.j2", "sources/index.md")}
    for source in ctx.briefing.sources:
        page = ctx.source_pages[source.id]
        out[page] = ctx.render("source.md.j2", page, source=source, by_id=by_id)
    return out
