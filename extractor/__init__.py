"""extractor: people, positions, organisations, dates and money from Russian news, as JSON."""
from .errors import ExtractorError
from .pipeline import Pipeline, extract
from .types import SCHEMA_VERSION, Result

__version__ = "0.1.0"
__all__ = ["extract", "Pipeline", "Result", "ExtractorError", "SCHEMA_VERSION", "__version__"]
