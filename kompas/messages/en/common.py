"""Texts on more than one page: the start page, unexpected errors, tables of problems."""

MESSAGES = {
    "common.tagline": "Working together on goals, quality and partnership in the social "
    "domain. With a goal tree, the quality compass and a partner matrix, live in one session.",
    "common.apology": "Sorry, something went wrong.{saved} Give this reference to the "
    "administrator: {ref}.",
    "common.nothing_saved": " Nothing was saved.",
    "common.problems_column": "What is wrong",
}
