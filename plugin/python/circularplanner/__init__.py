"""Registers the Circular Planner Processing provider for qgis_process and PyQGIS.

QGIS 3.22's qgis_process loads only Python plugins, so this shim loads the C++
library that sits beside it and calls its registration function.
"""
import ctypes
import os


class CircularPlannerShim:
    def __init__(self, iface):
        self.iface = iface
        self.lib = None

    def initProcessing(self):
        if self.lib is None:
            path = os.path.join(os.path.dirname(__file__), "libcircularplanner.so")
            self.lib = ctypes.CDLL(path, mode=ctypes.RTLD_GLOBAL)
        if not self.lib.cp_register_provider():
            raise RuntimeError("the circularplanner Processing provider could not be registered")

    def initGui(self):
        self.initProcessing()

    def unload(self):
        if self.lib is not None:
            self.lib.cp_unregister_provider()


def classFactory(iface):
    return CircularPlannerShim(iface)
