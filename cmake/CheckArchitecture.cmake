# Scans the sources for includes that break the layering (docs/architecture.md, "Layering"):
#   core/          no widget, GUI, VTK or torch header
#   core/engine/   no widget, GUI or VTK header; torch only in .cpp files, never in headers
#   core/report/   Qt GUI (painting, the PDF writer) but no widget, VTK or torch header
#   ui/, app/      torch never (it stays behind core/engine's plain interface)
# Used at configure time (include) and as a CTest test (cmake -DPALSTUDIO_SOURCE_DIR=... -P).
if(NOT PALSTUDIO_SOURCE_DIR)
    message(FATAL_ERROR "CheckArchitecture.cmake: set PALSTUDIO_SOURCE_DIR")
endif()

set(_gui_re "#[ \t]*include[ \t]*[<\"](QtWidgets|QtGui|QtOpenGL|QtOpenGLWidgets|QtCharts|QtSvg)/|#[ \t]*include[ \t]*[<\"](QWidget|QApplication|QMainWindow|QOpenGLWidget|QGuiApplication|QImage|QPainter|QColor)[>\"]")
set(_widget_re "#[ \t]*include[ \t]*[<\"](QtWidgets|QtOpenGL|QtOpenGLWidgets|QtCharts)/|#[ \t]*include[ \t]*[<\"](QWidget|QApplication|QMainWindow|QOpenGLWidget)[>\"]")
set(_vtk_re "#[ \t]*include[ \t]*[<\"]vtk|#[ \t]*include[ \t]*[<\"]QVTK")
set(_torch_re "#[ \t]*include[ \t]*[<\"](torch/|ATen/|c10/|caffe2/)")

set(_violations "")
function(_pal_scan dir exclude_re forbidden_re what only_headers)
    file(GLOB_RECURSE _files "${PALSTUDIO_SOURCE_DIR}/${dir}/*.h" "${PALSTUDIO_SOURCE_DIR}/${dir}/*.hpp"
         "${PALSTUDIO_SOURCE_DIR}/${dir}/*.cpp")
    foreach(_f IN LISTS _files)
        file(RELATIVE_PATH _rel "${PALSTUDIO_SOURCE_DIR}" "${_f}")
        if(exclude_re AND _rel MATCHES "${exclude_re}")
            continue()
        endif()
        if(only_headers AND NOT _rel MATCHES "\\.(h|hpp)$")
            continue()
        endif()
        file(STRINGS "${_f}" _hits REGEX "${forbidden_re}")
        foreach(_h IN LISTS _hits)
            string(STRIP "${_h}" _h)
            list(APPEND _violations "${_rel}: ${what}: ${_h}")
        endforeach()
    endforeach()
    set(_violations "${_violations}" PARENT_SCOPE)
endfunction()

_pal_scan(core "^core/(engine|report)/" "${_gui_re}" "core/ must not include a GUI header" FALSE)
_pal_scan(core "^core/engine/" "${_vtk_re}" "core/ must not include VTK" FALSE)
_pal_scan(core "^core/engine/" "${_torch_re}" "core/ must not include torch (only core/engine/ may)" FALSE)
_pal_scan(core/report "" "${_widget_re}" "core/report/ must not include a widget header" FALSE)
_pal_scan(core/engine "" "${_gui_re}" "core/engine/ must not include a GUI header" FALSE)
_pal_scan(core/engine "" "${_vtk_re}" "core/engine/ must not include VTK" FALSE)
_pal_scan(core/engine "" "${_torch_re}" "torch headers stay in core/engine/'s .cpp files" TRUE)
_pal_scan(ui "" "${_torch_re}" "ui/ must not include torch" FALSE)
_pal_scan(app "" "${_torch_re}" "app/ must not include torch" FALSE)
_pal_scan(app/cli "" "${_vtk_re}" "the CLI must not include VTK" FALSE)
_pal_scan(app/cli "" "${_gui_re}" "the CLI must not include a GUI header" FALSE)

if(_violations)
    list(JOIN _violations "\n  " _msg)
    message(FATAL_ERROR "Architecture rules broken:\n  ${_msg}")
endif()
