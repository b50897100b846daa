# Runs inside desktop QGIS (--code), as a planner would use the plugin: checks
# the menu, panel and provider; loads the Almaty sample data from the panel;
# runs an OD analysis from the industrial zones to the district centres and
# the catchments of the composting sites in the background; checks the results; saves and re-reads the project to see the
# panel's choices come back; unloads and re-loads the plugin through the Plugin
# Manager; takes screenshots and quits. Findings go to CP_PROBE_OUT, results to
# CP_RESULTS, screenshots to CP_SCREENSHOTS (if set).
import functools
import glob
import os
import tempfile
import traceback

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QStandardItemModel
from qgis.PyQt.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDialog, QDockWidget, QDoubleSpinBox, QLabel,
                                 QMessageBox, QPushButton, QScrollArea, QSpinBox, QTextEdit)
from qgis.utils import iface

ALGORITHMS = ["buildnetwork", "odmatrix", "routes", "nearestfacilities"]
state = {"waited": 0, "in_manager": False}


def shared_networks():
    """The road networks the panel has built for its runs to share."""
    return set(glob.glob(os.path.join(tempfile.gettempdir(), "circular-planner-networks-*",
                                      "network-*.cpnet")))


state["networks_before"] = shared_networks()


def note(key, value):
    """Findings are written at once, so that a stalled run still tells its story."""
    with open(os.environ["CP_PROBE_OUT"], "a") as f:
        f.write("%s=%s\n" % (key, value))


def write_and_quit():
    QgsProject.instance().setDirty(False)  # no "save changes?" prompt on exit
    QTimer.singleShot(500, iface.actionExit().trigger)


def step(function):
    """A probe step: an exception is noted and ends the run, never a dialog."""
    @functools.wraps(function)
    def run():
        try:
            function()
        except Exception:
            note("probe_error", traceback.format_exc().replace("\n", " | "))
            write_and_quit()
    return run


def screenshot(widget, name):
    folder = os.environ.get("CP_SCREENSHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        widget.grab().save(os.path.join(folder, name))


def dock():
    return iface.mainWindow().findChild(QDockWidget, "CircularPlannerDock")


def plugin_present():
    registry = QgsApplication.processingRegistry()
    menu = "&Circular Planner" in [a.text() for a in iface.pluginMenu().actions()]
    algorithms = all(registry.algorithmById("circularplanner:" + a) for a in ALGORITHMS)
    return menu, registry.providerById("circularplanner") is not None, algorithms, dock() is not None


def select(combo_name, data):
    combo = dock().findChild(QComboBox, combo_name)
    combo.setCurrentIndex(combo.findData(data))


def install_from_zip():
    """What the Plugin Manager's "Install from ZIP" button runs, on CP_PLUGIN_ZIP."""
    import pyplugin_installer
    pyplugin_installer.instance().installFromZipFile(os.environ["CP_PLUGIN_ZIP"])


@step
def start():
    if os.environ.get("CP_PLUGIN_ZIP"):
        note("before_zip", "menu=%s,provider=%s,algorithms=%s,dock=%s" % plugin_present())
        install_from_zip()
    menu, provider, algorithms, has_dock = plugin_present()
    note("menu", menu)
    note("provider", provider)
    note("algorithms", algorithms)
    note("dock", has_dock)
    if not has_dock:
        return write_and_quit()
    iface.mainWindow().showMaximized()
    panel = dock()
    panel.show()
    panel.findChild(QPushButton, "LoadSampleButton").click()
    note("sample_layers", len(QgsProject.instance().mapLayers()))
    note("sample_status", panel.findChild(QLabel, "StatusLabel").text())
    panel.findChild(QgsFileWidget, "ResultsFolder").setFilePath(os.environ["CP_RESULTS"])
    select("AnalysisCombo", "od_matrix")
    select("FromRoleCombo", "zones")
    select("ToRoleCombo", "centres")
    panel.findChild(QPushButton, "RunAnalysisButton").click()
    wait_for_layer("OD matrix", od_done)


def wait_for_layer(name, then, tries=240):
    """Polls until the panel has added the layer `name`, then calls then(layer)."""
    @step
    def poll():
        layers = QgsProject.instance().mapLayersByName(name)
        if layers:
            iface.mapCanvas().refreshAllLayers()
            return then(layers[0])
        status = dock().findChild(QLabel, "StatusLabel").text()
        if "stopped" in status:  # the run failed: say why at once
            note("run_failed", status)
            return write_and_quit()
        state["waited"] += 1
        if state["waited"] > tries:
            note("timeout", name)
            return write_and_quit()
        QTimer.singleShot(500, poll)
    state["waited"] = 0
    QTimer.singleShot(500, poll)


def od_done(layer):
    note("od_features", layer.featureCount())
    note("od_network_rows", sum(1 for f in layer.getFeatures() if f["method"] == "network"))
    places = QgsProject.instance().mapLayersByName("Places")
    note("places_features", places[0].featureCount() if places else 0)
    note("result_file", os.path.exists(layer.source().split("|")[0]))
    QTimer.singleShot(3000, take_screenshots)


@step
def take_screenshots():
    screenshot(iface.mainWindow(), "qgis-circular-planner.png")
    # The panel scrolled down to its analysis section.
    bar = dock().findChild(QScrollArea).verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    screenshot(dock(), "circular-planner-panel.png")
    run_catchments()


@step
def run_catchments():
    select("AnalysisCombo", "catchments")
    select("FromRoleCombo", "organic")
    select("ToRoleCombo", "compost")
    dock().findChild(QPushButton, "RunAnalysisButton").click()
    wait_for_layer("Catchments", catchments_done)


def catchments_done(layer):
    note("catchment_features", layer.featureCount())
    note("catchment_tonnes", round(sum(f["tonnes"] for f in layer.getFeatures())))
    QTimer.singleShot(3000, lambda: (screenshot(iface.mainWindow(), "qgis-catchments.png"),
                                     run_site_selection()))


@step
def run_site_selection():
    select("AnalysisCombo", "site_selection")
    dock().findChild(QSpinBox, "NearestCount").setValue(1)
    dock().findChild(QPushButton, "RunAnalysisButton").click()
    wait_for_layer("Site intake", site_selection_done)


def site_selection_done(layer):
    status = [f["status"] for f in layer.getFeatures()]
    note("selection_sites", "existing=%d new=%d" % (status.count("existing"), status.count("new")))
    # The panel's emission factors reach the analysis: transport CO2e is counted.
    note("selection_co2_t", round(sum(f["co2_t"] for f in layer.getFeatures() if f["co2_t"])))
    run_compost_outlets()


@step
def run_compost_outlets():
    select("AnalysisCombo", "compost_outlets")
    select("FromRoleCombo", "compost")
    select("ToRoleCombo", "farmland")
    dock().findChild(QPushButton, "RunAnalysisButton").click()
    wait_for_layer("Farmland supplied", compost_outlets_done)


def compost_outlets_done(layer):
    note("farmland_parcels", layer.featureCount())
    note("farmland_compost_positive", sum(1 for f in layer.getFeatures() if f["compost_t"] > 0) > 0)
    # The sample's farmland gives warnings (parcels far from roads, parcels that
    # need no compost): the panel must say so, not only "added".
    status = dock().findChild(QLabel, "StatusLabel").text()
    bar = iface.messageBar().currentItem()
    note("compost_warnings_shown", "warning" in status and bar is not None
         and "complete with warnings" in bar.title())
    # Only the compost results on the map, for the screenshot.
    show_only({"Farmland supplied", "Compost deliveries", "Compost placed"})
    QTimer.singleShot(3000, lambda: (screenshot(iface.mainWindow(), "qgis-compost-outlets.png"),
                                     run_waste_disposal()))


@step
def run_waste_disposal():
    select("AnalysisCombo", "waste_disposal")
    select("FromRoleCombo", "organic")
    select("ToRoleCombo", "waste")
    dock().findChild(QPushButton, "RunAnalysisButton").click()
    wait_for_layer("Organic waste per facility", waste_disposal_done)


def waste_disposal_done(layer):
    today = {f["facility_id"]: f["organic_today_t"] for f in layer.getFeatures()}
    plant = {f["facility_id"]: f["organic_with_plant_t"] for f in layer.getFeatures()}
    note("disposal_landfill_tonnes", round(today.get("WF-LANDFILL", 0)))
    note("disposal_plant_tonnes", round(plant.get("WF-WTE", 0)))
    run_climate_balance()


@step
def run_climate_balance():
    """The strategies side by side in the panel: the waste facilities, emission
    factors and strategies come from their own rows."""
    select("AnalysisCombo", "climate_balance")
    select("FromRoleCombo", "organic")
    select("ToRoleCombo", "compost")
    dock().findChild(QPushButton, "RunAnalysisButton").click()
    wait_for_layer("Climate comparison", climate_balance_done)


def climate_balance_done(layer):
    totals = {f["scenario"]: f["co2e_t_central"] for f in layer.getFeatures() if f["component"] == "all"}
    note("climate_scenarios", len(totals))
    note("climate_baseline_kt", round(totals.get("baseline", 0) / 1000))
    note("climate_composting_lower", totals.get("composting", 1e12) < totals.get("baseline", 0))
    # The map of what the plant changes: the landfill's 648 kt go to it.
    changes = QgsProject.instance().mapLayersByName("Intake against the baseline (filter by scenario)")
    moved = {f["place_id"]: f["change_t"] for layer in changes for f in layer.getFeatures()
             if f["scenario"] == "waste_to_energy"}
    note("climate_plant_takes_kt", round(moved.get("WF-WTE", 0) / 1000))
    run_construction_supply()


@step
def run_construction_supply():
    """The construction supply and its climate balance in the panel, with a
    quarter of the new floor in timber: the products, coefficients and
    emission factors come from their own rows."""
    select("AnalysisCombo", "construction_supply")
    select("FromRoleCombo", "zones")
    select("ToRoleCombo", "districts")
    timber = dock().findChild(QDoubleSpinBox, "TimberShare")
    note("timber_lever_enabled", timber.isEnabled())
    timber.setValue(0.25)
    dock().findChild(QPushButton, "RunAnalysisButton").click()
    wait_for_layer("Construction climate comparison", construction_supply_done)


def construction_supply_done(layer):
    totals = {f["scenario"]: f["co2e_t_central"] for f in layer.getFeatures() if f["component"] == "all"}
    note("construction_scenarios", ",".join(totals))
    note("construction_baseline_kt", round(totals.get("bought_elsewhere", 0) / 1000))
    changes = QgsProject.instance().mapLayersByName(
        "Districts' t CO2e against the baseline (filter by scenario)")
    note("construction_district_changes", sum(layer.featureCount() for layer in changes) > 0)
    dock().findChild(QDoubleSpinBox, "TimberShare").setValue(0)
    # The districts all the levers change, on the city, for the screenshot.
    for layer in changes:
        layer.setSubsetString("\"scenario\" = 'urban_mining_and_timber'")
    show_only({changes[0].name()})
    districts = QgsProject.instance().mapLayersByName("districts")[0]
    iface.mapCanvas().setExtent(districts.extent().buffered(0.02))
    iface.mapCanvas().refresh()
    QTimer.singleShot(3000, lambda: (screenshot(iface.mainWindow(), "qgis-construction-climate.png"),
                                     draw_flows()))


def show_only(names):
    """Only these results on the map, for a screenshot."""
    results = QgsProject.instance().layerTreeRoot().findGroup("Circular Planner results")
    for node in results.findLayers():
        node.setItemVisibilityChecked(node.name() in names)


@step
def draw_flows():
    combo = dock().findChild(QComboBox, "ScenarioCombo")
    combo.setCurrentIndex(combo.findData("masterplan_2050_illustrative"))
    dock().findChild(QPushButton, "DrawFlowsButton").click()
    wait_for_layer("Flow lines", flows_drawn)


def flows_drawn(layer):
    note("flow_lines", layer.featureCount())
    note("flow_tonnes", round(sum(f["tonnes"] for f in layer.getFeatures())))
    load_roads()


@step
def load_roads():
    dock().findChild(QPushButton, "RoadLoadsButton").click()
    wait_for_layer("Road loads", roads_loaded)


def roads_loaded(layer):
    note("road_load_segments", layer.featureCount() > 100)
    # Eight analyses on the same roads: the network was built once for all of them.
    note("network_builds", len(shared_networks() - state["networks_before"]))
    show_only({"Flow lines", "Road loads"})
    QTimer.singleShot(3000, lambda: (screenshot(iface.mainWindow(), "qgis-construction-flows.png"),
                                     run_on_unnamed_layer()))


@step
def run_on_unnamed_layer():
    """Roads from the sample file without naming one of its layers: the run
    cannot take them, and the panel must say why at once and be ready again."""
    # The panel's layer box, seen from Python as the QGIS class it is.
    roads_combo = sip.cast(dock().findChild(QComboBox, "roadsLayer"), QgsMapLayerComboBox)
    roads = roads_combo.currentLayer()
    whole = QgsVectorLayer(roads.source().split("|")[0], "whole_file", "ogr")
    QgsProject.instance().addMapLayer(whole)
    roads_combo.setLayer(whole)
    select("AnalysisCombo", "od_matrix")
    select("FromRoleCombo", "zones")
    select("ToRoleCombo", "centres")
    dock().findChild(QPushButton, "RunAnalysisButton").click()

    def check():
        status = dock().findChild(QLabel, "StatusLabel").text()
        note("unnamed_layer_refused", "stopped" in status and "none was named" in status
             and dock().findChild(QPushButton, "RunAnalysisButton").isEnabled())
        roads_combo.setLayer(roads)
        QgsProject.instance().removeMapLayer(whole.id())
        reread_project()
    QTimer.singleShot(2000, step(check))


@step
def reread_project():
    path = os.path.join(os.environ["CP_RESULTS"], "probe.qgz")
    project = QgsProject.instance()
    note("layers", sorted((l.name(), l.providerType()) for l in project.mapLayers().values()))
    project.write(path)
    project.clear()
    project.read(path)
    combo = dock().findChild(QComboBox, "zonesLayer")
    note("roles_restored", combo.currentText() == "industrial_zones")
    QTimer.singleShot(500, unload_and_reload)


def plugin_manager():
    for widget in QApplication.topLevelWidgets():
        if widget.inherits("QgsPluginManager"):
            return widget
    return None


def plugin_item(manager):
    """The plugin's row in the manager's list (its model sits behind a proxy)."""
    for view in manager.findChildren(QAbstractItemView):
        model = view.model()
        source = model.sourceModel() if hasattr(model, "sourceModel") else model
        if not isinstance(source, QStandardItemModel):
            continue
        for row in range(source.rowCount()):
            item = source.item(row)
            if item is not None and item.text() == "Circular Planner":
                return item
    return None


@step
def unload_and_reload():
    # The Plugin Manager is modal: the plugin is toggled from a timer while it is open.
    state["in_manager"] = True
    QTimer.singleShot(1500, toggle_in_manager)
    iface.actionManagePlugins().trigger()
    state["in_manager"] = False
    write_and_quit()


@step
def toggle_in_manager():
    manager = plugin_manager()
    item = plugin_item(manager) if manager else None
    if item is None:
        note("reload", "the Plugin Manager does not list the plugin")
    else:
        item.setCheckState(Qt.Unchecked)
        note("after_unload", "menu=%s,provider=%s,algorithms=%s,dock=%s" % plugin_present())
        item.setCheckState(Qt.Checked)
        note("after_reload", "menu=%s,provider=%s,algorithms=%s,dock=%s" % plugin_present())
    if manager:
        manager.reject()


def close_dialogs():
    """A modal dialog would stall the run: note its text and answer yes, so that
    the run ends (the test fails on any dialog)."""
    for widget in QApplication.topLevelWidgets():
        if state.get("in_manager") and widget.inherits("QgsPluginManager"):
            continue
        if isinstance(widget, QDialog) and widget.isModal() and widget.isVisible():
            texts = [w.toPlainText() for w in widget.findChildren(QTextEdit)]
            texts += [w.text() for w in widget.findChildren(QLabel) if w.text()]
            note("dialog", (widget.windowTitle() + ": " + " ".join(texts)).replace("\n", " | ")[:2000])
            yes = isinstance(widget, QMessageBox) and (widget.button(QMessageBox.Yes) or widget.button(QMessageBox.Ok))
            yes.click() if yes else widget.reject()


watchdog = QTimer()
watchdog.timeout.connect(close_dialogs)
watchdog.start(2000)
QTimer.singleShot(3000, start)
