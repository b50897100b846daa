# Imported targets for Debian's QGIS (no QGISConfig.cmake is shipped).
list(APPEND CMAKE_MODULE_PATH /usr/share/qgis)
find_package(QGIS REQUIRED)
# QGIS 3 is built with Qt 5, QGIS 4 with Qt 6: the Qt to use is the one QGIS's
# own library links. Debian's QGIS 3.22 is built with QtWebKit, 3.40 and later
# without: the define must match the library's, or the classes that use it
# would differ in layout.
execute_process(COMMAND readelf -d ${QGIS_CORE_LIBRARY} OUTPUT_VARIABLE _qgis_core_needs
                ERROR_QUIET)
execute_process(COMMAND readelf -d ${QGIS_GUI_LIBRARY} OUTPUT_VARIABLE _qgis_gui_needs
                ERROR_QUIET)
set(CP_QT Qt5)
if(_qgis_core_needs MATCHES "libQt6Core")
  set(CP_QT Qt6)
endif()
set(_qgis_qt_components Core Gui Widgets Xml PrintSupport Network Svg Sql Concurrent)
set(QGIS_WITH_QTWEBKIT OFF)
if(_qgis_gui_needs MATCHES "Qt5WebKitWidgets")
  list(APPEND _qgis_qt_components WebKitWidgets)
  set(QGIS_WITH_QTWEBKIT ON)
endif()
find_package(${CP_QT} REQUIRED COMPONENTS ${_qgis_qt_components})
list(TRANSFORM _qgis_qt_components PREPEND ${CP_QT}:: OUTPUT_VARIABLE _qgis_qt_libraries)
message(STATUS "QGIS ${QGIS_VERSION} with ${CP_QT} (QtWebKit: ${QGIS_WITH_QTWEBKIT})")

# Debian installs QGIS's headers in one folder, but qgslayoutitemscalebar.h still
# includes "scalebar/..." headers: forwarding headers in the build tree mend it.
set(QGIS_COMPAT_INCLUDE_DIR ${CMAKE_BINARY_DIR}/qgis-compat)
foreach(header qgsscalebarsettings.h qgsscalebarrenderer.h)
  file(WRITE ${QGIS_COMPAT_INCLUDE_DIR}/scalebar/${header} "#include <${header}>\n")
endforeach()

add_library(qgis::core INTERFACE IMPORTED)
set_target_properties(qgis::core PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${QGIS_INCLUDE_DIR};${QGIS_COMPAT_INCLUDE_DIR}"
  INTERFACE_COMPILE_DEFINITIONS "$<$<BOOL:${QGIS_WITH_QTWEBKIT}>:WITH_QTWEBKIT>"
  # GCC 14 reports null dereferences inside QGIS's own inline code (e.g.
  # QgsProcessingContext::setProject in 3.40) wherever it inlines it into ours;
  # code that uses QGIS keeps every other warning as an error.
  INTERFACE_COMPILE_OPTIONS
  "$<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_GREATER_EQUAL:$<CXX_COMPILER_VERSION>,14>>:-Wno-null-dereference>"
  INTERFACE_LINK_LIBRARIES "${QGIS_CORE_LIBRARY};${_qgis_qt_libraries};GDAL::GDAL")
add_library(qgis::analysis INTERFACE IMPORTED)
set_target_properties(qgis::analysis PROPERTIES
  INTERFACE_LINK_LIBRARIES "${QGIS_ANALYSIS_LIBRARY};qgis::core")
add_library(qgis::gui INTERFACE IMPORTED)
set_target_properties(qgis::gui PROPERTIES
  INTERFACE_LINK_LIBRARIES "${QGIS_GUI_LIBRARY};qgis::core")
