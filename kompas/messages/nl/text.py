"""Wat niet klopt aan getypte tekst (kompas.text). Het veld is een zelfstandig naamwoord uit
labels ("field")."""

MESSAGES = {
    "text.not_text": "{field} moet tekst zijn.",
    "text.empty": "{field} mag niet leeg zijn.",
    "text.too_long": "{field} is te lang: {n} tekens, maximaal {max}.",
}
