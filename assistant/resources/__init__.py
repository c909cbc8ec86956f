"""Where the texts and the guidance live: prompts/ and knowledge/ as package data.

Both folders stay at the top of the repository, where writers edit them; the two
symbolic links here make them part of the package, so a wheel carries copies and an
installed `polkuopas` reads them through importlib.resources like any package data.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

# files() of a package on disk is a Path; a zipped install is not supported.
PROMPTS_DIR = Path(str(files(__name__) / "prompts"))
KNOWLEDGE_DIR = Path(str(files(__name__) / "knowledge"))
