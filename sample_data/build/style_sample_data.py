#!/usr/bin/python3
"""Stores a QGIS style for every layer of sample_data/almaty.gpkg (as each layer's
default, so it opens readable in QGIS) and renders sample_data/overview.png.

Usage: QT_QPA_PLATFORM=offscreen sample_data/build/style_sample_data.py
"""
import os
import sqlite3

from qgis.core import (QgsApplication, QgsMapLayerLegendUtils, QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsLayoutExporter,
                       QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemPicture,
                       QgsLayoutItemScaleBar, QgsLayoutPoint, QgsLayoutSize, QgsLegendStyle, QgsLineSymbol,
                       QgsMarkerSymbol, QgsPalLayerSettings, QgsPrintLayout, QgsProject, QgsRectangle,
                       QgsRendererCategory, QgsRuleBasedRenderer, QgsTextFormat, QgsUnitTypes, QgsVectorLayer,
                       QgsVectorLayerSimpleLabeling, QgsCoordinateReferenceSystem, QgsCoordinateTransform,
                       QgsTextBufferSettings, QgsSingleSymbolRenderer)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

HERE = os.path.dirname(os.path.abspath(__file__))
GPKG = os.path.normpath(os.path.join(HERE, "..", "almaty.gpkg"))
PNG = os.path.normpath(os.path.join(HERE, "..", "overview.png"))
ATTRIBUTION = ("Roads, districts, settlements: © OpenStreetMap contributors (ODbL). Oblast districts: geokz (CC BY 4.0). "
               "Zones, farmland, sources and sites: estimates, see sample_data/README.md.")


def font(points, bold=False):
    f = QFont("DejaVu Sans")
    f.setPointSizeF(points)
    f.setBold(bold)
    return f


def categories(field, spec, geometry):
    make = {"point": QgsMarkerSymbol.createSimple, "line": QgsLineSymbol.createSimple,
            "polygon": QgsFillSymbol.createSimple}[geometry]
    return QgsCategorizedSymbolRenderer(field, [QgsRendererCategory(value, make(props), label)
                                                for value, label, props in spec])


def label(layer, expression, size=8, bold=False, color="#222222"):
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    fmt = QgsTextFormat()
    font = QFont("DejaVu Sans", size)
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setColor(QColor(color))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def style_roads(layer):
    root = QgsRuleBasedRenderer.Rule(None)
    rules = [
        ("Regional corridor (schematic)", '"schematic" = 1 AND "fclass" = \'trunk\'',
         {"line_color": "#d95f02", "line_width": "0.9", "line_style": "dash"}),
        ("Access road (schematic)", '"schematic" = 1 AND "fclass" <> \'trunk\'',
         {"line_color": "#d95f02", "line_width": "0.4", "line_style": "dot"}),
        ("Main road", '"schematic" = 0 AND "fclass" IN (\'motorway\',\'trunk\',\'primary\',\'secondary\')',
         {"line_color": "#555555", "line_width": "0.5"}),
        ("Other road", '"schematic" = 0 AND "fclass" NOT IN (\'motorway\',\'trunk\',\'primary\',\'secondary\')',
         {"line_color": "#b8b8b8", "line_width": "0.15"}),
    ]
    for name, expression, props in rules:
        root.appendChild(QgsRuleBasedRenderer.Rule(QgsLineSymbol.createSimple(props), 0, 0, expression, name))
    layer.setRenderer(QgsRuleBasedRenderer(root))


def style(layer):
    name = layer.name()
    if name == "roads":
        style_roads(layer)
    elif name == "districts":
        layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
            {"color": "255,255,255,0", "outline_color": "#333333", "outline_width": "0.5"})))
        label(layer, '"name"', 7, True, "#333333")
    elif name == "boundaries":
        layer.setRenderer(categories("level", [
            ("oblast_district", "Oblast district", {"color": "255,255,255,0", "outline_color": "#888888",
                                                    "outline_width": "0.3", "outline_style": "dash"}),
            ("city_district", "City district", {"color": "255,255,255,0", "outline_color": "255,255,255,0"}),
        ], "polygon"))
    elif name == "industrial_zones":
        layer.setRenderer(categories("role", [
            ("planned_zone", "Planned zone", {"color": "#7b3294", "outline_color": "#40004b"}),
            ("external_source", "Cement, stone (Zhambyl)", {"color": "#c2a5cf", "outline_color": "#40004b"}),
        ], "polygon"))
        label(layer, '"name"', 7, True, "#40004b")
    elif name == "agricultural_land":
        layer.setRenderer(categories("land_use", [
            ("irrigated", "Irrigated", {"color": "#80cdc1", "outline_style": "no"}),
            ("orchard", "Orchard", {"color": "#4dac26", "outline_style": "no"}),
            ("greenhouse", "Greenhouse", {"color": "#0571b0", "outline_style": "no"}),
            ("arable", "Arable (rain-fed)", {"color": "#f6e8a6", "outline_style": "no"}),
            ("pasture", "Pasture", {"color": "#efe6d8", "outline_style": "no"}),
        ], "polygon"))
    elif name == "organic_sources":
        layer.setRenderer(categories("kind", [
            ("municipal", "Municipal organic waste", {"name": "circle", "color": "#8c510a", "size": "3.2"}),
            ("park", "Park", {"name": "circle", "color": "#35978f", "size": "2.2"}),
            ("poultry", "Poultry farm", {"name": "circle", "color": "#bf812d", "size": "2.6"}),
            ("food_processing", "Food processing", {"name": "circle", "color": "#dfc27d", "size": "2.2"}),
            ("market", "Market", {"name": "circle", "color": "#f6e8c3", "size": "2.2"}),
            ("farm", "Dairy farm", {"name": "circle", "color": "#c7eae5", "size": "2.2"}),
            ("sewage_sludge", "Sewage sludge", {"name": "circle", "color": "#543005", "size": "2.6"}),
        ], "point"))
    elif name == "composting_sites":
        layer.setRenderer(categories("status", [
            ("existing", "Existing", {"name": "triangle", "color": "#1a9641", "size": "3.5"}),
            ("candidate", "Candidate", {"name": "triangle", "color": "#ffffff",
                                                         "outline_color": "#1a9641", "outline_width": "0.5",
                                                         "size": "3.5"}),
        ], "point"))
    elif name == "waste_facilities":
        layer.setRenderer(categories("kind", [
            ("landfill", "Karasai landfill", {"name": "square", "color": "#d7191c", "size": "3.5"}),
            ("sorting_plant", "Sorting plant", {"name": "square", "color": "#fdae61", "size": "2.5"}),
            ("waste_to_energy", "Planned waste-to-energy", {"name": "square", "color": "#ffffff",
                                                            "outline_color": "#d7191c", "size": "2.5"}),
            ("dumpsite", "Dumpsite (place estimated)", {"name": "cross_fill", "color": "#a50f15", "size": "2.5"}),
        ], "point"))
    elif name == "settlements":
        layer.setRenderer(categories("place", [
            ("city", "City", {"name": "circle", "color": "#000000", "size": "2.5"}),
            ("town", "Town", {"name": "circle", "color": "#333333", "size": "1.8"}),
            ("village", "Village", {"name": "circle", "color": "#777777", "size": "0.8"}),
            ("hamlet", "Hamlet", {"name": "circle", "color": "#999999", "size": "0.5"}),
        ], "point"))
        label(layer, 'CASE WHEN "place" = \'town\' THEN coalesce("name_en", "name") END', 8, False)
    elif name == "district_centres":
        layer.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
            {"name": "cross", "color": "#333333", "size": "2"})))
    doc = QDomDocument()
    layer.exportNamedStyle(doc)
    return doc.toString()


def store_styles(styles):
    """Writes QGIS's layer_styles table (what QGIS reads as each layer's default style).
    Written after QGIS has closed the file: saving through the open layers deadlocks."""
    db = sqlite3.connect(GPKG)
    db.execute("DROP TABLE IF EXISTS layer_styles")
    db.execute("""CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT,
                  f_table_schema TEXT, f_table_name TEXT, f_geometry_column TEXT, styleName TEXT, styleQML TEXT,
                  styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT, ui TEXT,
                  update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))""")
    for name, qml in styles.items():
        db.execute("INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
                   "styleName, styleQML, styleSLD, useAsDefault, description, owner, ui) "
                   "VALUES ('', '', ?, 'geom', ?, ?, '', 1, 'Circular Planner default style', '', '')",
                   (name, name, qml))
    db.execute("INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, description) "
               "VALUES ('layer_styles', 'attributes', 'layer_styles', 'QGIS styles')")
    db.commit()
    db.close()


LEGEND_TITLES = {"agricultural_land": "Farmland|(schematic)", "industrial_zones": "Industrial zones",
                 "organic_sources": "Organic waste sources", "composting_sites": "Composting sites",
                 "waste_facilities": "Waste facilities", "roads": "Roads"}
# Where the overview's legend breaks long labels; only the layout sees the break
# character, so the QGIS layer panel shows the plain labels.
LAYOUT_WRAPS = {"Regional corridor (schematic)": "Regional corridor|(schematic)",
                "Access road (schematic)": "Access road|(schematic)",
                "Cement, stone (Zhambyl)": "Cement, stone|(Zhambyl)",
                "Planned waste-to-energy": "Planned|waste-to-energy"}
SPATIAL = ["agricultural_land", "boundaries", "districts", "industrial_zones", "roads", "settlements",
           "organic_sources", "composting_sites", "waste_facilities", "district_centres"]
SHOWN = ["composting_sites", "waste_facilities", "organic_sources", "industrial_zones", "settlements", "roads",
         "districts", "boundaries", "agricultural_land"]


def fit_aspect(extent, aspect):
    """The smallest extent around `extent` with width / height = aspect (that of the map frame)."""
    cx, cy = extent.center().x(), extent.center().y()
    w, h = extent.width(), extent.height()
    if w / h < aspect:
        w = h * aspect
    else:
        h = w / aspect
    return QgsRectangle(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def overview(layers):
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:32643"))
    shown = [layers[n] for n in SHOWN]
    for layer in shown:
        project.addMapLayer(layer)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A4", 1)  # landscape

    map_item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(map_item)  # before sizing: an item outside a layout keeps no size
    map_item.attemptMove(QgsLayoutPoint(8, 18))
    map_item.attemptResize(QgsLayoutSize(205, 180))
    map_item.setLayers(shown)
    extent = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), project.crs(), project) \
        .transformBoundingBox(QgsRectangle(76.40, 43.02, 77.42, 43.92))
    map_item.setExtent(fit_aspect(extent, 205 / 180))
    map_item.setFrameEnabled(True)

    title = QgsLayoutItemLabel(layout)
    title.setText("Almaty agglomeration — Circular Planner sample data")
    title.setFont(QFont("DejaVu Sans", 16, QFont.Bold))
    title.attemptMove(QgsLayoutPoint(8, 5))
    title.attemptResize(QgsLayoutSize(250, 10))
    layout.addLayoutItem(title)

    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    tree = legend.model().rootGroup()
    tree.removeAllChildren()
    for layer in shown:
        if layer.name() in LEGEND_TITLES:
            node = tree.addLayer(layer)
            node.setName(LEGEND_TITLES[layer.name()])
            for i, legend_node in enumerate(legend.model().layerLegendNodes(node)):
                wrapped = LAYOUT_WRAPS.get(legend_node.data(Qt.DisplayRole))
                if wrapped:
                    QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, i, wrapped)
            legend.model().refreshLayerLegend(node)
    legend.setTitle("")
    legend.attemptMove(QgsLayoutPoint(215, 18))
    legend.setWrapString("|")
    legend.setColumnCount(2)
    legend.setStyleFont(QgsLegendStyle.Subgroup, font(6.5, bold=True))
    legend.setStyleFont(QgsLegendStyle.SymbolLabel, font(6))
    legend.setSymbolHeight(2.5)
    legend.setSymbolWidth(4)
    legend.setColumnSpace(1.5)
    layout.addLayoutItem(legend)

    scale = QgsLayoutItemScaleBar(layout)
    scale.setStyle("Single Box")
    scale.setLinkedMap(map_item)
    scale.setUnits(QgsUnitTypes.DistanceKilometers)
    scale.setNumberOfSegments(4)
    scale.setNumberOfSegmentsLeft(0)
    scale.setUnitsPerSegment(5)
    scale.setUnitLabel("km")
    scale.setBackgroundEnabled(True)
    scale.attemptMove(QgsLayoutPoint(11, 184))
    layout.addLayoutItem(scale)

    north = QgsLayoutItemPicture(layout)
    north.setPicturePath("/usr/share/qgis/svg/arrows/NorthArrow_02.svg")
    north.attemptMove(QgsLayoutPoint(198, 20))
    north.attemptResize(QgsLayoutSize(12, 12))
    layout.addLayoutItem(north)

    note = QgsLayoutItemLabel(layout)
    note.setText(ATTRIBUTION)
    note.setFont(QFont("DejaVu Sans", 6))
    note.attemptMove(QgsLayoutPoint(8, 199))
    note.attemptResize(QgsLayoutSize(280, 8))
    layout.addLayoutItem(note)

    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = 150
    result = QgsLayoutExporter(layout).exportToImage(PNG, settings)
    if result != QgsLayoutExporter.Success:
        raise RuntimeError("overview export failed: %s" % result)


def main():
    app = QgsApplication([], False)
    QgsApplication.setPrefixPath("/usr", True)
    app.initQgis()
    try:
        styles = run()
    finally:
        QgsProject.instance().clear()
        app.exitQgis()
    store_styles(styles)
    print("styles stored in", GPKG, "and overview written to", PNG)


def run():
    layers, styles = {}, {}
    for name in SPATIAL:
        layer = QgsVectorLayer("%s|layername=%s" % (GPKG, name), name, "ogr")
        if not layer.isValid():
            raise RuntimeError("cannot open layer " + name)
        styles[name] = style(layer)
        layers[name] = layer
    overview(layers)
    return styles


if __name__ == "__main__":
    main()
