"""The files every page loads, written beside the pages into `assets/`: nothing comes from the network.

- `report.css` and `index.js`: the report's own, shipped in this package's `assets/` folder;
- `vega-bundle.js`: Vega, Vega-Lite and vega-embed in one script, made by vl-convert (its
  `javascript_bundle`, the bundle altair inlines in its offline HTML) for the Vega-Lite version
  of the installed altair. Making it takes some seconds, so `start_vega_bundle` does it in a
  thread while the article pages are written.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from importlib import resources
from pathlib import Path

import altair as alt
import vl_convert

ASSETS = "assets"
STATIC = ("report.css", "index.js")
VEGA_BUNDLE = "vega-bundle.js"


def write_static(folder: Path) -> None:
    """Copy the report's own style sheet and script to `folder/assets/`."""
    target = folder / ASSETS
    target.mkdir(parents=True, exist_ok=True)
    for name in STATIC:
        (target / name).write_bytes(resources.files(__package__).joinpath(ASSETS, name).read_bytes())


def vega_lite_version() -> str:
    """The Vega-Lite version of altair's specifications, as vl-convert names it: `6.4`."""
    major, minor, *_ = alt.SCHEMA_VERSION.lstrip("v").split(".")
    return f"{major}.{minor}"


def start_vega_bundle(executor: ThreadPoolExecutor) -> Future[str]:
    """The text of `vega-bundle.js`, made in `executor`."""
    return executor.submit(vl_convert.javascript_bundle, vl_version=vega_lite_version())


def write_vega_bundle(folder: Path, bundle: str) -> str:
    """Write the bundle to `folder/assets/`; returns its file name."""
    (folder / ASSETS / VEGA_BUNDLE).write_text(
        f"// Vega {vl_convert.get_vega_version()}, Vega-Lite {vega_lite_version()}, "
        f"vega-embed {vl_convert.get_vega_embed_version()}: vl_convert.javascript_bundle()\n{bundle}\n",
        encoding="utf-8",
    )
    return VEGA_BUNDLE
