# One place for compiler switches: warnings, -Werror in CI, sanitizers.
add_library(palstudio_options INTERFACE)
target_compile_options(palstudio_options INTERFACE -Wall -Wextra -Wpedantic)
# libtorch_cpu pulls Qt 5 into the process (through OpenCV). Qt 5 and Qt 6 share mangled names
# for inline functions such as QByteArray::append(const char*); if an executable exported its
# Qt 6 copy, Qt 5 would bind to it and crash at load. Hidden inlines keep them apart.
target_compile_options(palstudio_options INTERFACE -fvisibility=hidden -fvisibility-inlines-hidden)
if(PALSTUDIO_WERROR)
    target_compile_options(palstudio_options INTERFACE -Werror)
endif()
# Torch headers break on Qt's `signals`/`slots` macros: use Q_SIGNALS/Q_SLOTS/Q_EMIT everywhere.
target_compile_definitions(palstudio_options INTERFACE QT_NO_KEYWORDS)
if(PALSTUDIO_SANITIZE)
    target_compile_options(palstudio_options INTERFACE -fsanitize=address,undefined
                                                       -fno-omit-frame-pointer)
    target_link_options(palstudio_options INTERFACE -fsanitize=address,undefined)
endif()
if(PALSTUDIO_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "PALSTUDIO_FUZZ needs clang (libFuzzer): use the fuzz preset")
    endif()
    # Every UBSan finding stops the run, as an ASan one does.
    target_compile_options(palstudio_options INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
        -fno-omit-frame-pointer)
    target_link_options(palstudio_options INTERFACE -fsanitize=address,undefined)
endif()
