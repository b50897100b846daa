# Runs inside desktop QGIS (--code): OD analyses on project layers run one
# after another in the background, as the panel runs them, while the main
# thread keeps changing the project (a layer added and removed every few
# milliseconds, the project's expression scope rebuilt, the map redrawn).
# Findings go to CP_PROBE_OUT; CP_SAMPLE is a copy of the sample data.
import os

from qgis.core import (QgsApplication, QgsExpressionContextUtils, QgsProcessingAlgRunnerTask,
                       QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorLayer)
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface

RUNS = 40
project = QgsProject.instance()
state = {"runs": 0, "churn": None}


def note(text):
    with open(os.environ["CP_PROBE_OUT"], "a") as f:
        f.write(text + "\n")


layers = {}
for name in ["roads", "industrial_zones", "district_centres"]:
    layers[name] = QgsVectorLayer("%s|layername=%s" % (os.environ["CP_SAMPLE"], name), name, "ogr")
    project.addMapLayer(layers[name])


def churn():
    if state["churn"] is None:
        state["churn"] = QgsVectorLayer("Point?crs=EPSG:4326", "churn", "memory")
        project.addMapLayer(state["churn"])
    else:
        project.removeMapLayer(state["churn"].id())
        state["churn"] = None
    QgsExpressionContextUtils.projectScope(project)
    iface.mapCanvas().refresh()


def start():
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = QgsProcessingFeedback()
    parameters = {"ROADS": layers["roads"].id(), "ORIGINS": layers["industrial_zones"].id(),
                  "ORIGIN_ID": "zone_id", "DESTINATIONS": layers["district_centres"].id(),
                  "DESTINATION_ID": "name", "OUTPUT": "TEMPORARY_OUTPUT"}
    algorithm = QgsApplication.processingRegistry().algorithmById("circularplanner:odmatrix")
    task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
    task.executed.connect(lambda ok, results: done(ok, results, context))
    state["task"], state["context"], state["feedback"] = task, context, feedback
    QgsApplication.taskManager().addTask(task)


def done(ok, results, context):
    state["runs"] += 1
    layer = context.getMapLayer(results.get("OUTPUT", "")) if ok else None
    note("run=%d ok=%s rows=%s" % (state["runs"], ok, layer.featureCount() if layer else None))
    if state["runs"] < RUNS:
        return QTimer.singleShot(10, start)
    timer.stop()
    if state["churn"] is not None:
        project.removeMapLayer(state["churn"].id())
    note("finished")
    project.setDirty(False)
    QTimer.singleShot(200, iface.actionExit().trigger)


timer = QTimer()
timer.timeout.connect(churn)
timer.start(2)
QTimer.singleShot(1000, start)
