"""One exception family for everything the user can get wrong."""


class ExtractorError(Exception):
    """Base class: the CLI prints ``Error: <message>`` and exits non-zero, no traceback."""


class InputError(ExtractorError):
    """A document or file that cannot be read or decoded."""


class GoldError(ExtractorError):
    """A gold annotation file that cannot be read."""


class ModelError(ExtractorError):
    """A pipeline resource that is missing or broken."""
