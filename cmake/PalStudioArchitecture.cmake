# Enforces the layering rules: sources are scanned (CheckArchitecture.cmake) and the link
# interfaces of the core targets are checked for forbidden libraries.
function(_pal_forbid_links target)
    if(NOT TARGET ${target})
        return()
    endif()
    get_target_property(_libs ${target} LINK_LIBRARIES)
    foreach(_lib IN LISTS _libs)
        foreach(_bad IN LISTS ARGN)
            if("${_lib}" MATCHES "${_bad}")
                message(FATAL_ERROR "Architecture rule broken: ${target} links ${_lib}")
            endif()
        endforeach()
    endforeach()
endfunction()

function(palstudio_check_architecture)
    set(PALSTUDIO_SOURCE_DIR "${PROJECT_SOURCE_DIR}")
    include("${PROJECT_SOURCE_DIR}/cmake/CheckArchitecture.cmake")
    _pal_forbid_links(palstudio_core "Qt6::(Gui|Widgets|OpenGL|OpenGLWidgets|Charts)" "^VTK::"
                      "torch" "TORCH")
    _pal_forbid_links(palstudio_engine "Qt6::(Gui|Widgets|OpenGL|OpenGLWidgets|Charts)" "^VTK::")
    _pal_forbid_links(palstudio_report "Qt6::(Widgets|OpenGL|OpenGLWidgets|Charts)" "^VTK::"
                      "palstudio_ui" "palstudio_engine" "torch" "TORCH")
    # The CLI paints reports through palstudio_report (Qt6::Gui comes with it), nothing more.
    _pal_forbid_links(palstudio-cli "Qt6::(Gui|Widgets|OpenGL|OpenGLWidgets|Charts)" "^VTK::"
                      "palstudio_ui" "palstudio_engine" "torch" "TORCH")
    # The programs open the engine module at run time (core/workflow/EngineLoader.h): linking
    # the engine would load LibTorch at every start.
    _pal_forbid_links(palstudio_ui "palstudio_engine" "torch" "TORCH")
    _pal_forbid_links(palstudio "palstudio_engine" "torch" "TORCH")
endfunction()
