"""transqa: translation QA for Chinese sources and their English translations."""

__version__ = "0.1.0"
