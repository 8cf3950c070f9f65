"""Kwaliteitskompas (quality compass): the public functions of the tool."""

from kompas.compass.write import *  # noqa: F401,F403
