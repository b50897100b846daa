# Imported targets for Debian's QGIS (no QGISConfig.cmake is shipped).
list(APPEND CMAKE_MODULE_PATH /usr/share/qgis)
find_package(QGIS REQUIRED)
find_package(Qt5 REQUIRED COMPONENTS Core Gui Widgets Xml PrintSupport Network Svg Sql
             Concurrent WebKitWidgets)

# Debian installs QGIS's headers in one folder, but qgslayoutitemscalebar.h still
# includes "scalebar/..." headers: forwarding headers in the build tree mend it.
set(QGIS_COMPAT_INCLUDE_DIR ${CMAKE_BINARY_DIR}/qgis-compat)
foreach(header qgsscalebarsettings.h qgsscalebarrenderer.h)
  file(WRITE ${QGIS_COMPAT_INCLUDE_DIR}/scalebar/${header} "#include <${header}>\n")
endforeach()

add_library(qgis::core INTERFACE IMPORTED)
set_target_properties(qgis::core PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${QGIS_INCLUDE_DIR};${QGIS_COMPAT_INCLUDE_DIR}"
  # Debian's QGIS is built with QtWebKit; the define keeps class layouts identical.
  INTERFACE_COMPILE_DEFINITIONS "WITH_QTWEBKIT"
  INTERFACE_LINK_LIBRARIES
  "${QGIS_CORE_LIBRARY};Qt5::Core;Qt5::Gui;Qt5::Widgets;Qt5::Xml;Qt5::PrintSupport;Qt5::Network;Qt5::Svg;Qt5::Sql;Qt5::Concurrent;Qt5::WebKitWidgets;GDAL::GDAL")
add_library(qgis::analysis INTERFACE IMPORTED)
set_target_properties(qgis::analysis PROPERTIES
  INTERFACE_LINK_LIBRARIES "${QGIS_ANALYSIS_LIBRARY};qgis::core")
add_library(qgis::gui INTERFACE IMPORTED)
set_target_properties(qgis::gui PROPERTIES
  INTERFACE_LINK_LIBRARIES "${QGIS_GUI_LIBRARY};qgis::core")
