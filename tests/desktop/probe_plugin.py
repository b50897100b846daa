# Runs inside desktop QGIS (--code): records what the plugin added, then unloads
# and reloads it, and quits. The result goes to CP_PROBE_OUT.
import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface


def menu_titles():
    return [a.text() for a in iface.pluginMenu().actions()]


def check():
    out = []
    registry = QgsApplication.processingRegistry()
    out.append("menu=%s" % ("&Circular Planner" in menu_titles()))
    out.append("provider=%s" % (registry.providerById("circularplanner") is not None))
    out.append("algorithm=%s" % (registry.algorithmById("circularplanner:odmatrix") is not None))
    with open(os.environ["CP_PROBE_OUT"], "w") as f:
        f.write("\n".join(out) + "\n")
    QTimer.singleShot(500, iface.actionExit().trigger)


QTimer.singleShot(3000, check)
