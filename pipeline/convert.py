"""Turn a Hugging Face Marian checkpoint (e.g. OPUS-MT) into a translation package.

The Argos index has nothing for Vietnamese, Khmer, Lao or Burmese; OPUS-MT
Marian checkpoints exist for some of them.  CTranslate2's own converter does
the model; this module adds the tokenizer and metadata Argos packages carry.
Needs the `convert` extra (transformers and torch), which processing does not.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from pathlib import Path

from pipeline.exceptions import DataError, MissingDependencyError


def convert_marian(
    marian_dir: Path, from_code: str, to_code: str, out_file: Path, quantization: str
) -> Path:
    """Write `out_file` (.argosmodel) from the checkpoint in `marian_dir`."""
    try:
        from ctranslate2.converters import TransformersConverter
    except ImportError as error:
        raise MissingDependencyError(
            "model conversion needs the convert extra: pip install 'mla[convert]'"
        ) from error
    source_spm = marian_dir / "source.spm"
    target_spm = marian_dir / "target.spm"
    for required in (marian_dir / "config.json", source_spm, target_spm):
        if not required.is_file():
            raise DataError(f"not a Marian checkpoint: {required.name} is missing", marian_dir)
    name = f"translate-{from_code}_{to_code}-converted"
    with tempfile.TemporaryDirectory(prefix="mla-convert-") as scratch:
        package = Path(scratch) / name
        package.mkdir()
        try:
            TransformersConverter(str(marian_dir)).convert(
                str(package / "model"), quantization=quantization, force=True
            )
        except ImportError as error:
            raise MissingDependencyError(
                f"model conversion needs transformers and torch ({error}); pip install 'mla[convert]'"
            ) from error
        except (OSError, ValueError, KeyError) as error:
            raise DataError(f"cannot convert the checkpoint ({error})", marian_dir) from error
        _append_source_eos(package / "model" / "config.json")
        shutil.copyfile(source_spm, package / "sentencepiece.model")
        if source_spm.read_bytes() != target_spm.read_bytes():
            shutil.copyfile(target_spm, package / "sentencepiece.target.model")
        metadata = {
            "package_version": "1.0",
            "argos_version": "1.9",
            "type": "translate",
            "from_code": from_code,
            "to_code": to_code,
            "name": f"{from_code}→{to_code} converted from {marian_dir.name}",
            "links": [],
        }
        (package / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
        out_file.parent.mkdir(parents=True, exist_ok=True)
        partial = out_file.with_name(f".{out_file.name}.partial")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(package.rglob("*")):
                archive.write(path, path.relative_to(scratch))
        partial.replace(out_file)
    return out_file


def _append_source_eos(config_file: Path) -> None:
    """Marian models are trained with </s> closing every source sentence."""
    config = json.loads(config_file.read_text(encoding="utf-8"))
    config["add_source_eos"] = True
    config_file.write_text(json.dumps(config, indent=2), encoding="utf-8")
