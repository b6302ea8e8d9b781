"""Improvement Register core: domain model, storage, services, statistics, exchange, command line.

This package never imports Qt; the desktop application lives in :mod:`ui`.
"""

__version__ = "0.1.0"
