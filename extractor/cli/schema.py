import json

from ..schema import output_schema
from . import app


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the output."""
    print(json.dumps(output_schema(), ensure_ascii=False, indent=2))
