"""Circular Planner as a Python plugin: what QGIS's Plugin Manager installs from
a ZIP, and what qgis_process loads (both take only Python plugins).

The planning tool itself is the C++ library beside this file. In the desktop
it starts the whole plugin (panel, menu, Processing provider); in qgis_process
and PyQGIS only the Processing provider.
"""
import configparser
import ctypes
import os

from qgis.core import Qgis, QgsMessageLog

HERE = os.path.dirname(__file__)
TITLE = "Circular Planner"


def built_for():
    """The QGIS version this copy's library was linked against."""
    metadata = configparser.ConfigParser()
    metadata.read(os.path.join(HERE, "metadata.txt"))
    return metadata.get("general", "qgisMinimumVersion", fallback="?")


class CircularPlannerPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.lib = None
        self.desktop = False

    def _library(self):
        if self.lib is None:
            try:
                self.lib = ctypes.CDLL(os.path.join(HERE, "libcircularplanner.so"),
                                       mode=ctypes.RTLD_GLOBAL)
            except OSError as error:
                raise RuntimeError(
                    "This copy of Circular Planner is built for QGIS %s and cannot start in "
                    "QGIS %s (%s). Install the copy made for this QGIS version."
                    % (built_for(), Qgis.QGIS_VERSION, error)) from None
            self.lib.cp_start_desktop.argtypes = [ctypes.c_void_p]
        return self.lib

    def initProcessing(self):
        if not self._library().cp_register_provider():
            raise RuntimeError("the circularplanner Processing provider could not be registered")

    def initGui(self):
        from qgis.PyQt import sip
        from qgis.PyQt.QtWidgets import QDockWidget
        if self.iface.mainWindow().findChild(QDockWidget, "CircularPlannerDock") is not None:
            # The C++ plugin of an installed package is already running.
            QgsMessageLog.logMessage("Circular Planner is already running; this copy stays idle.",
                                     TITLE, Qgis.Info)
            return
        try:
            self.initProcessing()
        except RuntimeError as error:
            # Said where the planner looks, not as a Python error dialog.
            QgsMessageLog.logMessage(str(error), TITLE, Qgis.Critical)
            self.iface.messageBar().pushCritical(TITLE, str(error))
            return
        self.lib.cp_start_desktop(sip.unwrapinstance(self.iface))
        self.desktop = True

    def unload(self):
        if self.lib is None:
            return
        if self.desktop:
            self.lib.cp_stop_desktop()
            self.desktop = False
        self.lib.cp_unregister_provider()


def classFactory(iface):
    return CircularPlannerPlugin(iface)
