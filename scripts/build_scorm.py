"""`make scorm`: one SCORM 1.2 package per module and language, in dist/scorm/.

The build makes the packages (``training.site.scorm``, written into the site's ``scorm/`` folder,
where the trainer pages link them); this builds the site into a temporary folder and copies
them out, with their sizes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from training.site.scorm import FOLDER

ROOT = Path(__file__).resolve().parent.parent


def main(out: Path) -> int:
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        builder = os.environ.get("SITE_BUILDER") or "mkdocs"
        result = subprocess.run([sys.executable, "-m", builder, "build", "--strict", "--quiet", "--site-dir",
                                 str(site)], cwd=ROOT)
        if result.returncode:
            return result.returncode
        out.mkdir(parents=True, exist_ok=True)
        sizes = []
        for package in sorted((site / FOLDER).glob("*.zip")):
            shutil.copyfile(package, out / package.name)
            sizes.append(package.stat().st_size)
    print(f"{len(sizes)} SCORM packages in {out}/, {min(sizes) / 1024:.0f}–{max(sizes) / 1024:.0f} KB each.")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "dist/scorm")))
