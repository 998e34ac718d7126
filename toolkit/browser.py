"""The bundled browser extension: where its folder is and how to load it (``quotelens extension``).

A wheel carries the extension's files as the data folder ``quotelens/extension/`` (setup.cfg), so
``pip install quotelens`` gives them without a git checkout. An editable install or a checkout has
them in the repository's top-level ``extension/`` instead; both are looked for, the wheel's first.
"""
from __future__ import annotations

from pathlib import Path

from .errors import QuotelensError

PACKAGE_DIR = Path(__file__).resolve().parent
# The wheel's data folder first, then the checkout's (toolkit/ sits beside extension/).
CANDIDATES = (PACKAGE_DIR / "extension", PACKAGE_DIR.parent / "extension")


def extension_folder() -> Path:
    """The folder to load unpacked: the one holding the extension's manifest.json."""
    for folder in CANDIDATES:
        if (folder / "manifest.json").is_file():
            return folder
    raise QuotelensError("the browser extension's files are not installed with this copy of quotelens "
                         f"(looked in {', '.join(str(c) for c in CANDIDATES)}); reinstall quotelens")


def load_instructions(folder: Path, port: int) -> str:
    """What a person types and clicks to load the extension, for Chromium and for Firefox."""
    return f"""The quotelens browser extension is in:
  {folder}

1. Start the service it talks to (leave it running):
     quotelens serve            # http://127.0.0.1:{port}

2. Load the extension from that folder:
   Chromium, Chrome, Edge: open chrome://extensions, switch on "Developer mode",
     click "Load unpacked" and choose the folder above.
   Firefox (140 or later): open about:debugging#/runtime/this-firefox, click
     "Load Temporary Add-on..." and choose {folder / 'manifest.json'}
     (it stays until Firefox restarts).

3. Open a news article: quotes are highlighted by speaker; the toolbar popup says what was found.
"""
