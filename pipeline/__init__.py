"""warta: structured, validated event records from Indonesian government press releases."""

__version__ = "0.1.0"
