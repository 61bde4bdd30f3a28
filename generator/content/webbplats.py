"""content/webbplats.yml: what the site says about itself, as a public authority must.

The accessibility statement (tillgänglighetsredogörelse) follows the parts the
Agency for Digital Government (DIGG) prescribes: how well the site meets the
law (lag 2018:1937), the known deficiencies, how to report a problem and get
the content another way, the supervisory authority, and how and when the site
was assessed. The settings are written by the administration; the rule below
keeps the stated compliance and the listed deficiencies from contradicting
each other (generator.check.webbplats).
"""

from datetime import date
from typing import Literal

from pydantic import Field

from generator.content.models import Base, Markdown, _no_items

Compliance = Literal["helt förenlig", "delvis förenlig", "inte förenlig"]
SETTINGS_FILE = "webbplats.yml"


class Kontakt(Base):
    """Where a reader reports an accessibility problem or asks for content in another form."""

    epost: str
    telefon: str | None = None
    svarstid: str = "Vi svarar normalt inom fem arbetsdagar."


class Brist(Base):
    """One known deficiency: what does not work, for whom, which requirement, and what is done about it."""

    beskrivning: Markdown
    krav: str | None = None  # e.g. "WCAG 2.1 1.3.1 Information och relationer"
    atgard: Markdown = ""


class Tillganglighet(Base):
    """The accessibility statement's settings."""

    efterlevnad: Compliance
    senaste_bedomning: date
    metod: Markdown
    uppdaterad: date
    kontakt: Kontakt
    brister: list[Brist] = Field(default_factory=_no_items)
    undantag: list[Brist] = Field(default_factory=_no_items)  # oskäligt betungande anpassning


class Webbplats(Base):
    """content/webbplats.yml: the publisher and the accessibility statement."""

    utgivare: str | None = None  # default: the council's name in organisation.yml
    tillganglighet: Tillganglighet
    om_webbplatsen: Markdown = ""
    licens: Literal["CC0-1.0", "CC-BY-4.0"] = "CC0-1.0"  # for the open data under data/
