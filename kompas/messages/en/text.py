"""What is wrong with typed text (kompas.text). The field is a noun from labels ("field")."""

MESSAGES = {
    "text.not_text": "{field} must be text.",
    "text.empty": "{field} must not be empty.",
    "text.too_long": "{field} is too long: {n} characters, at most {max}.",
}
