# coscore_warnings: the warning set every CoScore target links PRIVATE (STYLE.md §3).
# coscore_options: sanitizers for one CI job (COSCORE_SANITIZE=ON).
option(COSCORE_WERROR "Treat warnings as errors (on in CI)" OFF)
if(DEFINED ENV{CI} AND NOT DEFINED CACHE{COSCORE_WERROR_FROM_ENV})
    set(COSCORE_WERROR ON CACHE BOOL "Treat warnings as errors (on in CI)" FORCE)
    set(COSCORE_WERROR_FROM_ENV ON CACHE INTERNAL "")
endif()
option(COSCORE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

# A target sets COSCORE_NO_NULL_DEREFERENCE_WARNING when a system header it inlines trips GCC's
# flow-based -Wnull-dereference (a false positive we cannot fix at the source).
add_library(coscore_warnings INTERFACE)
target_compile_options(coscore_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast
    -Wnon-virtual-dtor -Woverloaded-virtual -Wformat=2
    $<$<NOT:$<BOOL:$<TARGET_PROPERTY:COSCORE_NO_NULL_DEREFERENCE_WARNING>>>:-Wnull-dereference>
    -Wimplicit-fallthrough
    $<$<BOOL:${COSCORE_WERROR}>:-Werror>)

add_library(coscore_options INTERFACE)
if(NOT COSCORE_SANITIZE)
    # Debian's usual hardening (lintian checks the packaged programs for it). _FORTIFY_SOURCE
    # needs an optimised build.
    target_compile_options(coscore_options INTERFACE -fstack-protector-strong
        $<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>)
    target_link_options(coscore_options INTERFACE LINKER:-z,relro LINKER:-z,now)
endif()
if(COSCORE_SANITIZE)
    target_compile_options(coscore_options INTERFACE -fsanitize=address,undefined
                           -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(coscore_options INTERFACE -fsanitize=address,undefined)
endif()
