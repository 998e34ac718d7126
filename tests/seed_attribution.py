"""The seed article (Al Arabiya English, 2016) attributed as its 13 gold attributions say, built by
hand without the model: the notebook API's tests (test_results.py) read a known result."""
from __future__ import annotations

import re

from quotelens.types import Article, Attribution, Quote, Span, Speaker

SEED_TEXT = """Russia wants to work with US over Syria gas probe

A UN investigation has established that President al-Assad’s forces and ISIS had carried out gas attacks in Syria

Published: Updated:
Enable Read mode
100% Font Size

Russia will work with the United States on a response after a UN investigation found that the Syrian regime had carried out chemical attacks, Moscow’s UN Ambassador Vitaly Churkin said Thursday.

“We have a joint interest in discouraging such things from happening, preventing such things from happening even in the fog of war,” Churkin told reporters.

Meanwhile, France’s foreign minister urged on Thursday that the Security Council had to respond firmly after a UN probe found that Syrian government troops were responsible for two toxic gas attacks.

“The use of chemical weapons, which the Syrian authorities agreed to ban in 2013 under international pressure ... is an abomination that highlights the damning role played by the Damascus regime in the worsening situation in Syria,” Foreign Minister Jean-Marc Ayrault said in a statement.

A joint investigation by the United Nations and the global chemical weapons watchdog also found that ISIS militants had used sulphur mustard gas, according to a confidential report seen by Reuters.

“France calls for a response that measures the seriousness of this. The Security Council must not shirk its responsibilities and France is already working with its partners” on the matter, Ayrault said.

The results set the stage for a Security Council showdown between the five veto-wielding powers, likely pitting Russia and China against the United States, Britain and France over whether sanctions should be imposed in the wake of the inquiry.

French diplomatic sources said Paris wanted to use the chemical weapons report to push for a resolution at the Security Council that would force Russia, the key backer to Syrian President Bashar al-Assad, to accept that its ally had used banned weapons and as a result would use its influence to back a credible ceasefire across the country.

“We need to use this report to force Russia out of its ambiguity. If they were to veto such a resolution they would need to justify the use of chemical weapons,” one senior diplomat said.

The 15-member Security Council is due to discuss the report next week. UN Secretary-General Ban Ki-moon said the report would be made public after that meeting.

US: Assad must be held accountable

On Wednesday, the White House said it was “impossible to deny” that Syria had launched chemical weapon attacks, while calling for Assad’s regime to be held accountable.

“It is now impossible to deny that the Syrian regime has repeatedly used industrial chlorine as a weapon against its own people,” National Security Council spokesman Ned Price said.

“The United States will work with our international partners to seek accountability through appropriate diplomatic mechanisms, including through the United Nations Security Council.”

Price said the findings “present yet another opportunity for all nations to speak with one voice to address these heinous crimes and to make it clear that the use of chemical weapons is intolerable.” That is likely to be seen as a veiled message to Russian leader Vladimir Putin, among others.

President Barack Obama recently warned Russia it faces fierce international rebuke if it continues to make common cause with Syria’s brutal regime. The White House is turning up the diplomatic heat as Putin prepares to travel to the G20 in China and UN General Assembly in New York in the coming weeks.

Watch: Chlorine gas used ‘systematically’ in northern Syria"""

# (first words of the quote, its last words, kind, speaker, type, role, cue, mention): the seed gold.
SEED_GOLD = [
    ("Russia will work", "carried out chemical attacks", "indirect", "Vitaly Churkin", "person",
     "Moscow’s UN Ambassador", "said", "Vitaly Churkin"),
    ("We have a joint", "fog of war,", "direct", "Vitaly Churkin", "person", "Moscow’s UN Ambassador", "told", "Churkin"),
    ("the Security Council had to", "two toxic gas attacks", "indirect", "Jean-Marc Ayrault", "person",
     "Foreign Minister", "urged", "France’s foreign minister"),
    ("The use of chemical", "situation in Syria,", "direct", "Jean-Marc Ayrault", "person", "Foreign Minister",
     "said", "Jean-Marc Ayrault"),
    ("France calls for", "with its partners", "direct", "Jean-Marc Ayrault", "person", "Foreign Minister",
     "said", "Ayrault"),
    ("Paris wanted to use", "at the Security Council", "indirect", "French diplomatic sources", "anonymous",
     None, "said", "French diplomatic sources"),
    ("We need to use this", "chemical weapons,", "direct", "one senior diplomat", "anonymous", "senior diplomat",
     "said", "one senior diplomat"),
    ("the report would be made", "after that meeting", "indirect", "Ban Ki-moon", "person", "UN Secretary-General",
     "said", "Ban Ki-moon"),
    ("impossible to deny", "impossible to deny", "mixed", "the White House", "organization", None, "said",
     "the White House"),
    ("It is now impossible", "its own people,", "direct", "Ned Price", "person",
     "National Security Council spokesman", "said", "Ned Price"),
    ("The United States will work", "United Nations Security Council.", "direct", "Ned Price", "person",
     "National Security Council spokesman", None, None),
    ("present yet another", "weapons is intolerable.", "mixed", "Ned Price", "person",
     "National Security Council spokesman", "said", "Price"),
    ("Russia it faces fierce", "brutal regime", "indirect", "Barack Obama", "person", "President", "warned",
     "Barack Obama"),
]
BOILERPLATE = ["Published: Updated:", "Enable Read mode", "100% Font Size",
               "Watch: Chlorine gas used ‘systematically’ in northern Syria"]


def _nearest(text: str, needle: str, around: Span) -> Span:
    """The occurrence of ``needle`` outside ``around`` that is closest to it."""
    spans = [Span(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]
    spans = [s for s in spans if not s.overlaps(around)]
    return min(spans, key=lambda s: min(abs(s.start - around.end), abs(around.start - s.end)))


def seed_attribution(text: str = SEED_TEXT, gold=SEED_GOLD, url: str | None = "https://english.alarabiya.net/") -> Attribution:
    """The seed article attributed as its gold says, built by hand (no model)."""
    speakers: dict[str, Speaker] = {}
    quotes = []
    for i, (first, last, kind, name, typ, role, cue, mention) in enumerate(gold, 1):
        start = text.index(first)
        end = text.index(last, start) + len(last)
        content = Span(start, end)
        if name not in speakers:
            speakers[name] = Speaker(id=f"s{len(speakers) + 1}", name=name, role=role, type=typ)
        quotes.append(Quote(id=f"q{i}", kind=kind, contents=(content,),
                            cue=_nearest(text, cue, content) if cue else None,
                            speaker_id=speakers[name].id,
                            mention=_nearest(text, mention, content) if mention else None, confidence=0.9))
    boiler = tuple(Span(text.index(b), text.index(b) + len(b)) for b in BOILERPLATE if b in text)
    article = Article(text=text, url=url, title="Russia wants to work with US over Syria gas probe",
                      boilerplate=boiler)
    return Attribution(article=article, quotes=tuple(quotes), speakers=tuple(speakers.values()), model="hand-built")
