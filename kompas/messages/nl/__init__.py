"""Dutch (B1): the language of Kompas."""
