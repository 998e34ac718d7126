"""Build toolkit/data/given_names.txt: given names that are almost always one gender.

    pip install nomquamgender==0.1.4 && python scripts/build_given_names.py

The source is nomquamgender 0.1.4 (Van Buskirk et al., MIT licence), a table of how often each
given name is borne by women across 36 name-gender sources. quotelens uses the result for one
thing only: a pronoun may not refer to a person whose given name disagrees with it ("she" is not
John Kasich). It never outputs a gender. The table keeps a name only when it is common (borne by
at least MIN_COUNT people in the sources) and one-sided (p(woman) <= MAX_P or >= 1 - MAX_P):
"Kelly" (0.89), "Jan", "Kim", "Jean" or "Chris" are left out, so they never veto; a man named
"Lindsey" (0.90) is told apart by the article itself (speakers/names.py: "Graham defended his record").

The full table is 22 MB and takes seconds to load; this one is a few hundred KB, read lazily.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

MIN_COUNT = 100
MAX_P = 0.1
OUT = Path(__file__).resolve().parent.parent / "toolkit" / "data" / "given_names.txt"


def main() -> None:
    import nomquamgender

    src = Path(os.path.dirname(nomquamgender.__file__)) / "name_data.json"
    data = json.loads(src.read_text(encoding="utf-8"))
    rows = []
    for name, (sources, count, p_woman, *_rest) in data.items():
        if not name.isalpha() or not name.isascii() or len(name) < 2 or count < MIN_COUNT:
            continue
        if p_woman <= MAX_P:
            rows.append((name, "m"))
        elif p_woman >= 1 - MAX_P:
            rows.append((name, "f"))
    rows.sort()
    header = [
        "# Given names that are almost always one gender, derived from nomquamgender 0.1.4",
        "# (https://github.com/ianvanbuskirk/nomquamgender, MIT licence, (c) Ian Van Buskirk)",
        f"# by scripts/build_given_names.py: count >= {MIN_COUNT}, p(woman) <= {MAX_P} or >= {1 - MAX_P}.",
        "# Used to stop a pronoun referring to a person whose given name disagrees with it, and as",
        "# evidence that a capitalised run is a person's name.",
        "# One 'name<TAB>m|f' per line, lower case.",
    ]
    OUT.write_text("\n".join(header + [f"{n}\t{g}" for n, g in rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
