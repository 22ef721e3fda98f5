"""The names of the world's countries, from the standards rather than a list written here.

- CLDR's English short names, through Babel (the name a reader knows, where ISO writes a long
  form), with the alternative a name carries in brackets ("Name (Other Name)");
- ISO 3166-1's official and common names, and ISO 3166-3's former countries, through pycountry,
  with the inverted forms written the way news copy writes them ("Moldova, Republic of" →
  "Republic of Moldova").

A name two countries share is nobody's: it is left out, so the caller abstains. A name a country
bears today is never a former state's (ISO lists some former states under today's names). Every
country is keyed by its usual name (CLDR's, or ISO's when CLDR's is a disambiguation such as
"Name - Capital").
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict

# CLDR territory codes that are no country: groupings, organisations and unknown regions.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"})
_INVERTED = re.compile(r"^(?P<head>[^,]+),\s*(?P<form>.+\bof(?: the)?)$", re.I)  # "Moldova, Republic of"


def _written(name: str) -> list[str]:
    """The forms a standard's name stands for in running text."""
    out = []
    m = re.fullmatch(r"(?P<main>.+?)\s*\((?P<alt>[^()]+)\)", name)
    if m:  # "Name (Other Name)"
        out += [m["main"], m["alt"]]
    else:
        out.append(name)
    forms = []
    for n in out:
        inv = _INVERTED.match(n)
        if inv:  # "Name, The Federal Republic of the" -> "Federal Republic of the Name"
            form = re.sub(r"^the\s+", "", inv["form"], flags=re.I)
            forms.append(f"{form[:1].upper()}{form[1:]} {inv['head']}")
        elif "," in n:
            first, _, second = (p.strip() for p in n.partition(","))
            if len(second.split()) == 1:  # "Isles, Northern" -> "Northern Isles": a qualifier comes first
                forms.append(f"{second} {first}")
            else:  # "ABC, Alpha Beta Commonwealth": two names of one state
                forms += [first, second]
        else:
            forms.append(n)
    return [f.replace("’", "'") for f in forms if f]


@functools.cache
def countries() -> dict[str, str]:
    """Every name of a country, lower-cased -> the country's usual name."""
    import pycountry
    from babel import Locale

    cldr = Locale("en").territories
    names: dict[str, set[str]] = defaultdict(set)

    def add(usual: str, *forms: str | None) -> None:
        for form in forms:
            for written in _written(form) if form else ():
                names[written.lower()].add(usual)

    for c in pycountry.countries:
        short = cldr.get(c.alpha_2) if c.alpha_2 not in _NOT_COUNTRIES else None
        iso = [getattr(c, "common_name", None), getattr(c, "official_name", None), c.name]
        usual = _written(short)[0] if short and " - " not in short else _written(next(n for n in iso if n))[0]
        add(usual, usual, short if short and " - " not in short else None, *iso)
    current = {name: usual for name, usual in names.items()}
    former: dict[str, set[str]] = defaultdict(set)
    for c in pycountry.historic_countries:
        forms = _written(c.name)
        inverted = _INVERTED.match(c.name)
        # "Upper Volta, Republic of" is named by its head alone; "ABC, Alpha Beta …" by its long name
        usual = inverted["head"] if inverted else forms[-1] if len(forms) > 1 and forms[0].isupper() else forms[0]
        for form in {*forms, usual}:
            if form.lower() not in current:  # a name a country bears today is that country's
                former[form.lower()].add(usual)
    names = {**current, **former}
    return {name: next(iter(usual)) for name, usual in sorted(names.items()) if len(usual) == 1}


@functools.cache
def cities() -> frozenset[str]:
    """Names of cities, lower-cased: CLDR's exemplar cities of the time zones (through Babel), the
    city a zone is named after ("Reykjavik", "Lisbon"). The form before a comma or after a slash
    is the city's ("Knox, Indiana" -> "knox", "Kentucky/Louisville" -> "louisville")."""
    import zoneinfo

    from babel.dates import get_timezone_location

    out: set[str] = set()
    for zone in sorted(zoneinfo.available_timezones()):
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/")):
            continue
        try:
            city = get_timezone_location(zone, locale="en", return_city=True)
        except (LookupError, ValueError):
            continue
        city = city.split(",")[0].split("/")[-1].strip()
        if city:
            out.add(city.replace("’", "'").lower())
    return frozenset(out)
