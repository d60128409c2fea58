"""The one version string of perfmetrics (the wheel's version is read from here)."""

__all__ = ["__version__"]

__version__ = "0.1.0"
