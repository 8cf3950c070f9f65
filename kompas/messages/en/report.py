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
    # the facilitator's settings (kompas.ui.report.settings_form)
    "report.settings_heading": "Conclusions, decisions and open questions",
    "report.conclusions": "Conclusions of this session",
    "report.conclusions_help": "An empty line starts a new paragraph. Lines that start with - "
    "become a list.",
    "report.open_questions": "Open questions for the next session",
    "report.open_questions_help": "One question per line.",
    "report.decisions": "Other decisions",
    "report.decisions_help": "One decision per line. The agreed priorities and directions are "
    "added by themselves.",
    "report.session_heading": "The session",
    "report.session_date": "Date of the session",
    "report.next_session_date": "Next session (if planned)",
    "report.place": "Place",
    "report.purpose": "Purpose of the session",
    "report.show_organisations": "Participants' organisations in the report",
    "report.show_organisations_help": "Off: only the number of participants per role.",
    "report.show_names": "Participants' names in the report",
    "report.show_names_help": "Off: only the number per role and the organisations.",
    "report.downloads_open": "Participants may download the report",
    "report.downloads_open_help": "Word, PDF, Excel and Markdown. The back-up (JSON) stays "
    "with you.",
    "report.save": "Save",
    "report.saved": "The report has been updated.",
    "report.names_shown": "Participants' names are in the report.",
    "report.names_hidden": "Participants' names are not in the report.",
    "report.participants_download": "Participants can download.",
    "report.participants_no_download": "Participants cannot download.",
    # the report on screen (its content stays in the facilitator's language)
    "report.summary_caption": "{subtitle} · {n} participants",
    # restoring a back-up on the home page (kompas.ui.report.import_form)
    "report.import_heading": "Restore a back-up",
    "report.import_caption": "Restore a workshop from a Kompas JSON back-up. You get a new code "
    "and a new link for the facilitator.",
    "report.import_file": "JSON file",
    "report.import_submit": "Restore",
    "report.import_no_file": "Choose a JSON file first.",
    "report.import_too_big": "The file is too large: at most {mb} MB.",
}
