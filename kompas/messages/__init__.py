"""Message catalogues, one package per language (see kompas.i18n)."""
