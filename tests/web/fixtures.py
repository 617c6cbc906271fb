"""News-style articles written for the web tests (German, English, and one hostile article)."""

from __future__ import annotations

HOSTILE_MARK = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"

ARTICLES = [
    {
        "url": "https://news.example.org/de/merz-macron",
        "title": "Merz empfängt Macron in Berlin",
        "published": "2024-03-07",
        "language": "de",
        "site": "news.example.org",
        "text": (
            "Bundeskanzler Friedrich Merz hat am Donnerstag in Berlin den französischen Präsidenten "
            "Emmanuel Macron empfangen. Die beiden Politiker sprachen über die Verteidigung Europas und "
            "die Hilfe für die Ukraine. Merz lobte die enge Zusammenarbeit mit Frankreich. Macron "
            "forderte mehr gemeinsame Investitionen der Europäischen Union in die Rüstungsindustrie."
        ),
    },
    {
        "url": "https://news.example.org/de/polen-kritik",
        "title": "Polen kritisiert Russland scharf",
        "published": "2024-03-12",
        "language": "de",
        "site": "news.example.org",
        "text": (
            "Die polnische Regierung hat Russland am Dienstag in Warschau scharf kritisiert. "
            "Außenminister Radosław Sikorski verurteilte die Angriffe auf zivile Ziele in der Ukraine. "
            "Die Regierung in Moskau wies die Vorwürfe zurück. Beobachter erwarten weitere Sanktionen "
            "der Europäischen Union gegen die russischen Banken und Energieunternehmen."
        ),
    },
    {
        "url": "https://wire.example.com/en/japan-korea",
        "title": "Japan and South Korea agree to resume security talks",
        "published": "2024-03-18",
        "language": "en",
        "site": "wire.example.com",
        "text": (
            "The foreign ministers of Japan and South Korea agreed on Monday in Tokyo to resume regular "
            "security talks after a pause of two years. Both governments condemned the latest missile "
            "launch by North Korea and urged Pyongyang to return to negotiations. Officials said a "
            "summit could follow later in the year, and that the talks were constructive."
        ),
    },
    {
        "url": "https://wire.example.com/en/israel-strikes",
        "title": "Israeli forces attack targets in Lebanon",
        "published": "2024-03-26",
        "language": "en",
        "site": "wire.example.com",
        "text": (
            "Israeli forces attacked several targets in southern Lebanon on Tuesday, the military said. "
            "The government of Lebanon accused Israel of violating its sovereignty and called on the "
            "United Nations to intervene. Hezbollah fighters fired rockets at northern Israel in "
            "response, according to officials in Beirut who spoke to reporters on Wednesday."
        ),
    },
    {
        "url": "https://wire.example.com/en/hostile",
        "title": f"Breaking {HOSTILE_MARK} news {HOSTILE_IMG}",
        "published": "2024-03-27",
        "language": "en",
        "site": "wire.example.com",
        "text": (
            f"Germany criticised France on Wednesday in Paris {HOSTILE_MARK} over the budget rules of "
            f"the European Union. {HOSTILE_IMG} Officials in Berlin said the dispute was serious. "
            "Read more at javascript:alert(1) and <a href=\"javascript:alert(1)\">this link</a> "
            "said the spokesman of the government, who asked for patience in the talks."
        ),
    },
]
