"""Prints the configuration table for the README from the settings schema: ``python -m evaluation.config_table``."""

from pydantic import BaseModel

from assistant.settings import Settings


def rows() -> list[str]:
    lines = ["| variable | default | meaning |", "|---|---|---|"]
    for group_name, group in Settings.model_fields.items():
        model = group.annotation
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            continue
        # a backend choice first, then the fields it needs (inherited ones come first in pydantic's order)
        for name, field in sorted(model.model_fields.items(), key=lambda item: item[0] != "backend"):
            value = field.get_default(call_default_factory=True)
            default = "" if value is None else value
            variable = f"ASSISTANT_{group_name.upper()}__{name.upper()}"
            lines.append(f"| `{variable}` | `{default}` | {field.description or ''} |")
    return lines


if __name__ == "__main__":
    print("\n".join(rows()))
