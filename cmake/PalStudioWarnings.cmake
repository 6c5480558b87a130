# One place for compiler switches: warnings, -Werror in CI, sanitizers.
add_library(palstudio_options INTERFACE)
target_compile_options(palstudio_options INTERFACE -Wall -Wextra -Wpedantic)
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
