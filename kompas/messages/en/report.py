"""The Report page: the title, the explanation and the downloads (the report itself stays in
the facilitator's language)."""

MESSAGES = {
    "report.title": "Report",
    "report.intro": (
        "Everything from the goal tree, the quality compass and the partner matrix in one "
        "place. The report is meant to be sent right after the session. The report itself "
        "is in Dutch."
    ),
    "report.pictures": "Show pictures",
    "report.pictures_help": (
        "The goal tree, the chart and the partner matrix. Making them takes a few seconds."
    ),
    "report.making_pictures": "Making pictures…",
    "report.downloads_closed": (
        "The facilitator shares the report. You can download it as soon as the "
        "facilitator opens the downloads."
    ),
    "report.downloads_heading": "Download",
    "report.downloads_caption": (
        "The file is made when you click. Word and PDF take a few seconds: "
        "the button spins while the file is being made."
    ),
    "report.download_help": "The report as a {format} file.",
    "report.json_help": (
        "Full back-up to restore the workshop later. Only for you: participants cannot download it."
    ),
    "report.json_names": "Back-up with names and organisations",
    "report.json_names_help": (
        "Without this tick, participants are in the back-up as Participant 1, 2, … "
        "with only their role."
    ),
    "report.json_names_warning": (
        "With names, the back-up shows who voted what and where someone placed a "
        "partner. Keep it only for your own archive and do not share it."
    ),
}
