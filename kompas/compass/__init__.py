"""Kwaliteitskompas (quality compass): ambitions, results, indicators and measurements,
activities with partner and budget, input quality, outcome and the improvement cycle.

The public functions of the tool; the modules hold: ``write`` (adding, editing,
deleting), ``fields`` (single values and the input models), ``tables`` (saving an
editable table), ``rules`` (status, budget split, coverage, deletion references),
``view`` (the read model), ``importer`` (Excel/CSV import and template), ``chart``
(Altair charts, imported on its own) and ``report`` (the report section).
"""

from kompas.compass.fields import (
    EFFECTIVENESS,
    INDICATOR_KINDS,
    YEAR_MAX,
    YEAR_MIN,
    ActivityCreate,
    ActivityUpdate,
    AmbitionCreate,
    IndicatorCreate,
    ReflectionCreate,
    ResultCreate,
)
from kompas.compass.importer import ImportResult, import_compass, template_csv, template_xlsx
from kompas.compass.rules import (
    STATUS_NO_DATA,
    STATUS_OFF_TRACK,
    STATUS_ON_TRACK,
    STATUS_REACHED,
    STATUS_STORY,
    STATUSES,
    CoverageWarning,
    IndicatorStatus,
    activity_references,
    deletion_references,
    indicator_status,
    result_references,
    split_budget,
)
from kompas.compass.tables import TableChanges, save_table
from kompas.compass.view import (
    NO_AMBITION,
    NO_PARTNER,
    NOT_LINKED,
    ActivityView,
    AmbitionView,
    CompassRow,
    CompassView,
    IndicatorView,
    MeasurementView,
    ReflectionView,
    ResultView,
    compass_view,
    goal_nodes_for_compass,
)
from kompas.compass.write import (
    EDIT_PHASES,
    TOOL,
    activity_from_node,
    add_activity,
    add_ambition,
    add_indicator,
    add_measurement,
    add_reflection,
    add_result,
    delete_activity,
    delete_ambition,
    delete_indicator,
    delete_measurement,
    delete_reflection,
    delete_result,
    link_activity,
    require_edit,
    result_from_node,
    update_activity,
    update_ambition,
    update_indicator,
    update_reflection,
    update_result,
)

__all__ = [
    "EFFECTIVENESS", "INDICATOR_KINDS", "YEAR_MAX", "YEAR_MIN",
    "ActivityCreate", "ActivityUpdate", "AmbitionCreate", "IndicatorCreate", "ReflectionCreate",
    "ResultCreate",
    "ImportResult", "import_compass", "template_csv", "template_xlsx",
    "STATUS_NO_DATA", "STATUS_OFF_TRACK", "STATUS_ON_TRACK", "STATUS_REACHED", "STATUS_STORY",
    "STATUSES", "CoverageWarning", "IndicatorStatus", "activity_references", "deletion_references",
    "indicator_status", "result_references", "split_budget",
    "TableChanges", "save_table",
    "NO_AMBITION", "NO_PARTNER", "NOT_LINKED", "ActivityView", "AmbitionView", "CompassRow",
    "CompassView", "IndicatorView", "MeasurementView", "ReflectionView", "ResultView",
    "compass_view", "goal_nodes_for_compass",
    "EDIT_PHASES", "TOOL", "activity_from_node", "add_activity", "add_ambition", "add_indicator",
    "add_measurement", "add_reflection", "add_result", "delete_activity",
    "delete_ambition", "delete_indicator", "delete_measurement", "delete_reflection",
    "delete_result", "link_activity", "require_edit", "result_from_node", "update_activity",
    "update_ambition", "update_indicator", "update_reflection", "update_result",
]
