"""newsgraph: news articles in, a network of who met, opposed or advised whom out."""

__version__ = "0.1.0"
# Bump when extraction output changes, so cached extractions are not reused across versions.
PIPELINE_VERSION = "1"
