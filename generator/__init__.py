"""Math-for-ML roadmap: load, check and publish the knowledge base."""

__version__ = "0.1.0"
