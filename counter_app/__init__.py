"""Quầy Một cửa: the one-stop counter client and its central sync server."""

__version__ = "0.1.0"
APP_NAME = "Quầy Một cửa"
APP_PUBLISHER = "Quầy Một cửa contributors"
