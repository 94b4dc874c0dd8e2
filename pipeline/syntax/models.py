"""The stanza model folder of `--stanza-dir`: which layout, which files, which label.

Two layouts are accepted, both loaded offline (stanza's `download_method=None`):

- the folder `make train-stanza` writes (`models/stanza_id`, the default): `tokenize.pt`,
  `mwt.pt` (optional), `pos.pt`, `lemma.pt`, `depparse.pt`, an empty `resources.json`
  and `meta.json`. Stanza gets each file as an explicit `*_model_path`, with
  `allow_unknown_language=True` (its `resources.json` knows no language);
- a folder made by `stanza.download("id", model_dir=DIR)` on a machine with internet:
  its `resources.json` lists Indonesian, and stanza finds the default Indonesian
  models (with their word vectors and character language models) under `DIR/id/`.

Anything else raises `ModelError` with one message that says what to do. Reading the
folder imports neither torch nor stanza: the batch runner labels records with
`models_label` before any worker loads a model.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.nlp import ModelError

LANG = "id"
#: The processors stanza runs, in order; `mwt` only where the folder has a model for it.
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
OPTIONAL = frozenset({"mwt"})
HOW_TO_GET = (
    "run `make train-stanza` to build models/stanza_id (needs ../shared/corpora/ud), or pass --stanza-dir "
    f"with a folder made by stanza.download({LANG!r}, model_dir=DIR) on a machine with internet"
)


@dataclass(frozen=True, slots=True)
class StanzaModels:
    """A readable stanza model folder: how to build stanza's `Pipeline` from it, and its label."""

    folder: Path
    #: A `stanza.download()` folder (stanza resolves the files) rather than one of ours.
    downloaded: bool
    #: processor -> model file, for our layout (empty for a downloaded folder).
    paths: dict[str, Path]
    #: How records name these models (`pipeline.model`), e.g. `warta_stanza_id-0.1.0`.
    label: str

    def pipeline_options(self) -> dict[str, Any]:
        """Keyword arguments of `stanza.Pipeline`: offline, CPU, one sentence per given text."""
        options: dict[str, Any] = {
            "lang": LANG,
            "dir": str(self.folder),
            "download_method": None,
            "tokenize_no_ssplit": True,
            "device": "cpu",
            "logging_level": "ERROR",
        }
        if self.downloaded:  # stanza adds mwt itself where the language has one
            return {**options, "processors": "tokenize,pos,lemma,depparse"}
        paths = {f"{name}_model_path": str(path) for name, path in self.paths.items()}
        return {**options, "processors": ",".join(self.paths), "allow_unknown_language": True, **paths}


def find_models(folder: Path) -> StanzaModels:
    """The stanza models in `folder`, checked for presence (not yet loaded)."""
    folder = Path(folder)
    resources_file = folder / "resources.json"
    if not folder.is_dir():
        raise ModelError(f"no stanza models at {folder}: {HOW_TO_GET}")
    try:
        resources = json.loads(resources_file.read_text(encoding="utf-8"))
    except OSError:
        raise ModelError(f"no stanza models at {folder} (no resources.json): {HOW_TO_GET}") from None
    except ValueError as error:
        raise ModelError(f"the stanza models at {folder} are damaged: resources.json: {error}") from None
    if not isinstance(resources, dict):
        raise ModelError(f"the stanza models at {folder} are damaged: resources.json is not a JSON object")
    if LANG in resources:
        if not (folder / LANG).is_dir():
            raise ModelError(f"the stanza folder {folder} lists Indonesian but has no {folder / LANG}: {HOW_TO_GET}")
        digest = hashlib.sha256(json.dumps(resources[LANG], sort_keys=True).encode("utf-8")).hexdigest()
        return StanzaModels(folder, downloaded=True, paths={}, label=f"stanza_resources_{LANG}-{digest[:8]}")
    paths = {name: folder / f"{name}.pt" for name in PROCESSORS if (folder / f"{name}.pt").is_file()}
    missing = [f"{name}.pt" for name in PROCESSORS if name not in paths and name not in OPTIONAL]
    if missing:
        raise ModelError(f"the stanza models at {folder} are incomplete (missing {', '.join(missing)}): {HOW_TO_GET}")
    return StanzaModels(folder, downloaded=False, paths=paths, label=_label(folder))


def _label(folder: Path) -> str:
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return f"stanza_{folder.name}"
    return f"{meta.get('name', 'stanza_' + folder.name)}-{meta.get('version', '0')}"


def models_label(folder: Path) -> str:
    """`StanzaModels.label` of `folder`, or the folder's path when it holds no readable models
    (the error is raised where the models are loaded)."""
    try:
        return find_models(folder).label
    except ModelError:
        return f"stanza:{folder}"
