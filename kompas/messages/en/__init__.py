"""English, for participants who choose it when joining."""
