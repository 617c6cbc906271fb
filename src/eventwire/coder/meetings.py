"""Meetings (CONSULT): who took part, and the mode PLOVER asks for.

- A capital or city named after a locative ("in Brüssel", "in der Hauptstadt Baku", "in the capital
  Kyiv") is where something happened, not one of its parties: :func:`drop_places`.
- Mode (:func:`consult_mode`): "visit" when the sentence says so (Besuch, besuchte, Reise, visit, trip)
  or when the meeting's place lies in one participant's state, or at an organisation's seat, and
  another participant comes from elsewhere; "third-party" when every participant is a state and the
  place lies in none of them. Otherwise the mode stays open (a phone call has its own triggers).
"""

from __future__ import annotations

import re

from ..model import ActorRef, Event

#: the states where an organisation's seat and main bodies are (a meeting there is a visit to it)
SEATS = {
    "NATO": {"BEL"}, "EU": {"BEL", "FRA", "LUX"}, "UN": {"USA", "CHE", "AUT", "KEN"}, "OSCE": {"AUT"},
    "IAEA": {"AUT"}, "OPEC": {"AUT"}, "AU": {"ETH"}, "ASEAN": {"IDN"}, "WHO": {"CHE"}, "IMF": {"USA"},
    "WB": {"USA"}, "ICC": {"NLD"}, "ARAB_LEAGUE": {"EGY"}, "CoE": {"FRA"}, "OIC": {"SAU"}, "WTO": {"CHE"},
    "OECD": {"FRA"}, "GCC": {"SAU"}, "ECOWAS": {"NGA"},
}
_LOCATIVE = re.compile(
    r"\b(?:in|im|nach|aus|bei|nahe|at|from|near|into|to)\s+(?:der |dem |den |the )?"
    r"(?:(?:ukrainischen |russischen |aserbaidschanischen |\w+en )?(?:Hauptstadt|Stadt|Metropole)\s+|"
    r"(?:capital|city)(?: of)?\s+)?$", re.IGNORECASE)
_VISIT = re.compile(r"(?:[Bb]esuch|[Vv]isit|[Rr]eise\b|reiste|\btrip\b|[Ss]taatsbesuch|[Aa]rbeitsbesuch)")


def after_locative(text: str, ref: ActorRef) -> bool:
    return bool(_LOCATIVE.search(text[max(0, ref.start - 40):ref.start]))


def drop_places(refs: list[ActorRef], text: str) -> list[ActorRef]:
    """The parties without the places named after a locative preposition."""
    return [r for r in refs if not (r.evidence in ("state", "state:place") and after_locative(text, r))]


def consult_mode(event: Event) -> str | None:
    """The PLOVER mode of a meeting from its sentence and place, or None when neither tells."""
    if _VISIT.search(event.sentence):
        return "visit"
    place = (event.location or {}).get("country")
    if not place:
        return None
    codes = [e.get("code") for e in event.actor + event.recipient if e.get("code")]
    states = {c for c in codes if len(c) == 3 and c.isupper() and c not in SEATS}
    seats = {c for c in codes if c in SEATS and place in SEATS[c]}
    if len(set(codes)) < 2:
        return None
    if place in states or seats:
        return "visit" if any(c != place for c in codes) else None
    if states and len(states) == len(set(codes)):
        return "third-party"
    return None
