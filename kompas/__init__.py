"""Kompas: live workshops for the Dutch social domain (doelenboom, kwaliteitskompas, partnermatrix)."""

__version__ = "0.1.0"
