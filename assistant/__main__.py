"""``python -m assistant [serve|summarize|batch] …``: see ``assistant.cli``."""

import sys

from assistant.cli import main

if __name__ == "__main__":
    sys.exit(main())
